/**
 * Calendar days as UTC `YYYY-MM-DD` strings and day numbers (0 = 1970-01-01), so pace arithmetic
 * never meets time zones. (reporting/logic keeps its own period calendar; modules share no files.)
 */

const ISO_DATE = /^[1-9]\d{3}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;
/** The last day a forecast may name; further out a trend says nothing useful. */
export const LAST_DAY = dayNumber('9999-12-31');

/** The day number of a real YYYY-MM-DD date; throws RangeError naming anything else. */
export function dayNumber(date: string): number {
  const ms = ISO_DATE.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`not a date: ${JSON.stringify(date)} (expected YYYY-MM-DD)`);
  }
  return ms / MS_PER_DAY;
}

/** The YYYY-MM-DD date of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
