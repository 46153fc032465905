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
 * A district's overall progress: the mean over the targets of its value ÷ the city target, each
 * share kept within 0–1 (a target has no district split, so this is the district's contribution).
 */
export function overallProgress(items: Array<{ value: number | null; target: number }>): number {
  if (items.length === 0) return 0;
  const shares = items.map(({ value, target }) => (value === null || target <= 0 ? 0 : Math.min(1, Math.max(0, value / target))));
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
