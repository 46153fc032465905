/** Guangzhou's offset: a month runs from 00:00 China Standard Time (UTC+8, no daylight saving). */
const CST_MS = 8 * 3600 * 1000;

/** The month `YYYY-MM` (Guangzhou time) an instant falls in. */
export function periodOfInstant(ms: number): string {
  return new Date(ms + CST_MS).toISOString().slice(0, 7);
}

/** The month's bounds [from, to) as instants. */
export function periodBounds(period: string): { from: Date; to: Date } {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return { from: new Date(Date.UTC(year, month - 1, 1) - CST_MS), to: new Date(Date.UTC(year, month, 1) - CST_MS) };
}
