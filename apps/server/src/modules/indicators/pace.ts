/** Pace helpers used until the full pace-and-forecast logic (logic/) is wired in. */
export interface PathDefinition {
  baseline: number;
  baselineDate: string;
  target: number;
  targetDate: string;
  milestones: Record<string, number> | null;
}

const days = (a: string, b: string) => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;

/** Where the milestone path says the value should be on `date`: straight lines between the known points. */
export function expectedOn(def: PathDefinition, date: string): number {
  const points = [[def.baselineDate, def.baseline] as const, ...Object.entries(def.milestones ?? {}), [def.targetDate, def.target] as const]
    .map(([d, v]) => [d, Number(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return 0;
  if (date <= first[0]) return first[1];
  if (date >= last[0]) return last[1];
  for (let i = 1; i < points.length; i++) {
    const [d1, v1] = points[i - 1] as readonly [string, number];
    const [d2, v2] = points[i] as readonly [string, number];
    if (date <= d2) return v1 + ((v2 - v1) * days(d1, date)) / Math.max(1, days(d1, d2));
  }
  return last[1];
}

/** Month ends (or `until` for the current month) from the month of `from` to the month of `until`. */
export function monthEnds(from: string, until: string): Array<{ period: string; date: string }> {
  const out: Array<{ period: string; date: string }> = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  for (;;) {
    const end = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    const period = `${year}${String(month).padStart(2, '0')}`;
    if (end >= until) {
      out.push({ period, date: until });
      return out;
    }
    out.push({ period, date: end });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}
