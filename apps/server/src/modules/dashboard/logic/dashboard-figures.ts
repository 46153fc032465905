/** Pure arithmetic of the dashboard: the sparkline's dates, ranking, overall progress, report periods. */

/**
 * The month ends of the last `count` months up to `asOf`, the last one being `asOf` itself — the
 * same points as the tail of GET /api/indicators/:code/series — never before the plan's first month.
 */
export function sparklineDates(planStart: string, asOf: string, count = 12): Array<{ period: string; date: string }> {
  const out: Array<{ period: string; date: string }> = [];
  let year = Number(asOf.slice(0, 4));
  let month = Number(asOf.slice(5, 7));
  const first = planStart.slice(0, 7);
  for (let i = 0; i < count; i++) {
    const ym = `${year}-${String(month).padStart(2, '0')}`;
    if (ym < first) break;
    const end = i === 0 ? asOf : new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    out.unshift({ period: ym.replace('-', ''), date: end });
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return out;
}

/** Competition ranking by value, highest first (1, 1, 3); no value → no rank. */
export function rankByValue(values: Array<number | null>): Array<number | null> {
  return values.map((v) => (v === null ? null : 1 + values.filter((o) => o !== null && o > v).length));
}

/**
 * 综合贡献 — a district's contribution to the city's targets (issue #12 item 5; defined in
 * docs/adr/0016-indicator-status-and-contribution.md): the mean over the targets of a score in 0–1.
 * An additive target (counts, stocks: the districts' values add up to the city's) scores the
 * district's value ÷ the city target. A ratio target (a formula such as a share or a rate: the
 * districts' values do not add up) scores the district's own attainment (value ÷ target, at most 1)
 * ÷ the number of districts — so on every target the districts' scores add up to at most 1, and a
 * district at 100 % of a rate does not count as if it alone had met the city's target.
 */
export function overallProgress(items: Array<{ value: number | null; target: number; additive?: boolean }>, districtCount = 1): number {
  if (items.length === 0) return 0;
  const shares = items.map(({ value, target, additive = true }) => {
    if (value === null || target <= 0) return 0;
    const share = Math.min(1, Math.max(0, value / target));
    return additive ? share : share / Math.max(1, districtCount);
  });
  return Math.round((shares.reduce((a, b) => a + b, 0) / shares.length) * 10_000) / 10_000;
}

/** The monthly period due on `asOf` (last month) and the first of the last `count` periods, not before the plan's first month. */
export function reportPeriods(planStart: string, asOf: string, count = 12): { from: string; to: string; periods: string[] } {
  let year = Number(asOf.slice(0, 4));
  let month = Number(asOf.slice(5, 7)) - 1;
  const first = planStart.slice(0, 4) + planStart.slice(5, 7);
  const periods: string[] = [];
  for (let i = 0; i < count; i++) {
    if (month === 0) {
      month = 12;
      year -= 1;
    }
    const p = `${year}${String(month).padStart(2, '0')}`;
    if (p < first) break;
    periods.unshift(p);
    month -= 1;
  }
  const to = periods.at(-1) ?? first;
  return { from: periods[0] ?? to, to, periods };
}
