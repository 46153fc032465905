import type { PeriodType } from '@suilian/contracts';
import { daysInMonth, formatDate, yearMonthOf } from './calendar.js';
import { formatPeriod, type Period, parsePeriod } from './period-id.js';

const MONTHS_IN: Record<PeriodType, number> = { monthly: 1, quarterly: 3, yearly: 12 };

/** First day of a period (YYYY-MM-DD). */
export function periodStart(id: string): string {
  const { type, year, index } = parsePeriod(id);
  return formatDate(year, (index - 1) * MONTHS_IN[type] + 1, 1);
}

/** Last day of a period (YYYY-MM-DD), inclusive. */
export function periodEnd(id: string): string {
  const { type, year, index } = parsePeriod(id);
  const month = index * MONTHS_IN[type];
  return formatDate(year, month, daysInMonth(year, month));
}

/** The period `steps` periods after `id` (before it when negative), of the same type. */
export function shiftPeriod(id: string, steps: number): string {
  if (!Number.isInteger(steps)) throw new RangeError(`shiftPeriod: steps must be a whole number, got ${steps}`);
  const { type, year, index } = parsePeriod(id);
  const perYear = 12 / MONTHS_IN[type];
  const ordinal = year * perYear + (index - 1) + steps;
  return formatPeriod({ type, year: Math.floor(ordinal / perYear), index: (((ordinal % perYear) + perYear) % perYear) + 1 });
}

export function nextPeriod(id: string): string {
  return shiftPeriod(id, 1);
}

export function previousPeriod(id: string): string {
  return shiftPeriod(id, -1);
}

/** The period of the given type that contains a date. */
export function periodContaining(type: PeriodType, date: string): string {
  const { year, month } = yearMonthOf(date);
  const period: Period = { type, year, index: Math.ceil(month / MONTHS_IN[type]) };
  return formatPeriod(period);
}

/** Every period of the type that overlaps [from, to] (both dates inclusive), oldest first; none when from > to. */
export function periodsBetween(type: PeriodType, from: string, to: string): string[] {
  const first = periodContaining(type, from);
  const last = periodContaining(type, to);
  const periods: string[] = [];
  if (from > to) return periods;
  for (let id = first; ; id = nextPeriod(id)) {
    periods.push(id);
    if (id === last) return periods;
  }
}

/** Orders periods by start date, the shorter first when two start together: 202610 < 2026Q4 < 202611. */
export function comparePeriods(a: string, b: string): number {
  return compareText(periodStart(a), periodStart(b)) || compareText(periodEnd(a), periodEnd(b));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
