import type { AggregationType } from '@suilian/contracts';
import { comparePeriods, periodEnd, periodStart } from './periods/period-dates.js';

/** One reported figure of one data element for one org unit. */
export interface PeriodValue {
  period: string;
  value: number;
}

/**
 * LAST: the value of the latest period that has ended on or before `date`. A figure describes its
 * period as of the period's last day, so November's stock counts from 30 November, not before.
 * Of periods ending the same day (202612, 2026Q4, 2026) the shortest, i.e. the latest to start, wins.
 */
export function lastValueOn(values: readonly PeriodValue[], date: string): PeriodValue | null {
  let latest: PeriodValue | null = null;
  for (const entry of checkDistinct(values)) {
    if (periodEnd(entry.period) > date) continue;
    if (!latest || comparePeriodsByEnd(entry.period, latest.period) > 0) latest = entry;
  }
  return latest;
}

/** SUM: the total of the periods whose last day falls within [from, to]; null when none has a value. */
export function sumValuesBetween(values: readonly PeriodValue[], from: string, to: string): { value: number | null; periods: string[] } {
  const counted = checkDistinct(values).filter((entry) => {
    const end = periodEnd(entry.period);
    return end >= from && end <= to;
  });
  const value = counted.length === 0 ? null : counted.reduce((total, entry) => total + entry.value, 0);
  return { value, periods: counted.map((entry) => entry.period).sort(comparePeriods) };
}

/** A data element's value on `date` by its aggregation: LAST on that date, or SUM since `from` (e.g. the plan's start). */
export function aggregateValue(aggregation: AggregationType, values: readonly PeriodValue[], date: string, from: string): number | null {
  return aggregation === 'LAST' ? (lastValueOn(values, date)?.value ?? null) : sumValuesBetween(values, from, date).value;
}

/**
 * The city's figure for a stock such as T-INF-1: the sum over districts of each district's LAST on
 * `date`. Districts that have never reported are listed in `missing` so the dashboard can say so;
 * the value is null only when none has.
 */
export function sumOfLastValues(
  byOrgUnit: ReadonlyMap<string, readonly PeriodValue[]>,
  date: string,
): { value: number | null; parts: Array<PeriodValue & { orgUnit: string }>; missing: string[] } {
  const parts: Array<PeriodValue & { orgUnit: string }> = [];
  const missing: string[] = [];
  for (const [orgUnit, values] of byOrgUnit) {
    const last = lastValueOn(values, date);
    if (last) parts.push({ orgUnit, ...last });
    else missing.push(orgUnit);
  }
  const value = parts.length === 0 ? null : parts.reduce((total, part) => total + part.value, 0);
  return { value, parts, missing };
}

function comparePeriodsByEnd(a: string, b: string): number {
  const [endA, endB] = [periodEnd(a), periodEnd(b)];
  if (endA !== endB) return endA < endB ? -1 : 1;
  const [startA, startB] = [periodStart(a), periodStart(b)];
  return startA === startB ? 0 : startA < startB ? -1 : 1;
}

/** Two values for one period mean the caller mixed up org units or elements; refuse rather than guess. */
function checkDistinct(values: readonly PeriodValue[]): readonly PeriodValue[] {
  const seen = new Set<string>();
  for (const { period } of values) {
    if (seen.has(period)) throw new RangeError(`two values for period ${period}: pass one org unit's values of one data element`);
    seen.add(period);
  }
  return values;
}
