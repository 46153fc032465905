/**
 * Calendar days as UTC `YYYY-MM-DD` strings. Day numbers count from 1970-01-01 so arithmetic never
 * meets time zones or daylight saving; strings of this shape also sort in date order.
 */

const ISO_DATE = /^([1-9]\d{3})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True for a real calendar date written YYYY-MM-DD (2026-02-29 is not one). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The day number of a date (0 = 1970-01-01); throws on anything but a real YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`not a date: ${JSON.stringify(date)} (expected YYYY-MM-DD)`);
  return Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
}

/** The date of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** Month 1–12; February follows the Gregorian leap-year rule. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Builds YYYY-MM-DD from numbers already known to be valid. */
export function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Year and month (1–12) of a valid date. */
export function yearMonthOf(date: string): { year: number; month: number } {
  dayNumber(date);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}
