import type { DatedValue, Forecast, ForecastBasis, ReachForecast } from '@suilian/contracts';
import { dateOfDay, dayNumber, LAST_DAY } from './calendar-days.js';
import { fitLine, type Line } from './fit-line.js';
import type { PacePlan } from './plan.js';

/** How many of the latest monthly values the trend is fitted to, unless asked otherwise. */
export const DEFAULT_TREND_MONTHS = 6;

interface Trend {
  line: Line;
  /** Day number x = 0 stands for, the first point of the window. */
  origin: number;
  latest: { day: number; value: number };
  method: string;
  basis: ForecastBasis;
}

/** Why there is no trend: the English sentence and its code. */
interface NoTrend {
  method: string;
  basis: ForecastBasis;
}

/**
 * The value the recent trend gives for a date (the plan's target date by default): a least-squares
 * line over the last `months` monthly values, in calendar days. A cumulative indicator is never
 * forecast below its latest value. `method` says how in English, `basis` as a code with its numbers
 * (for consoles to say in their language).
 */
export function forecastAt(plan: PacePlan, series: readonly DatedValue[], options: { date?: string; months?: number } = {}): Forecast {
  const date = options.date ?? plan.target.date;
  const trend = fitTrend(series, options.months);
  if (!('line' in trend)) return { date, value: null, ...trend };
  const value = trend.line.intercept + trend.line.slope * (dayNumber(date) - trend.origin);
  if (plan.cumulative && value < trend.latest.value) {
    return {
      date,
      value: trend.latest.value,
      method: `${trend.method}, held at the latest value because a cumulative figure cannot fall`,
      basis: { ...trend.basis, method: 'held_at_latest' },
    };
  }
  return { date, value, method: trend.method, basis: trend.basis };
}

/**
 * The date the recent trend reaches the plan's target: the first day on the fitted line at or
 * beyond it, never before the day after the latest value. Null when the trend is flat or heads
 * away from the target. When a value has already reached the target, the date of the first one.
 */
export function forecastReachDate(plan: PacePlan, series: readonly DatedValue[], options: { months?: number } = {}): ReachForecast {
  const rising = plan.target.value > plan.baseline.value;
  const reaches = (value: number) => (rising ? value >= plan.target.value : value <= plan.target.value);
  const reached = sortByDate(series).find((point) => reaches(point.value));
  if (reached)
    return {
      date: reached.date,
      method: `reached: the value on ${reached.date} meets the target`,
      basis: { method: 'reached', date: reached.date },
    };
  const trend = fitTrend(series, options.months);
  if (!('line' in trend)) return { date: null, ...trend };
  const { slope, intercept } = trend.line;
  if (rising ? slope <= 0 : slope >= 0)
    return {
      date: null,
      method: `${trend.method}: the trend is flat or heads away from the target`,
      basis: { ...trend.basis, method: 'away_from_target' },
    };
  // Rounding off floating-point noise first keeps an exact crossing on its own day.
  const crossing = trend.origin + Math.ceil(Number(((plan.target.value - intercept) / slope).toFixed(6)));
  const day = Math.max(crossing, trend.latest.day + 1);
  if (day > LAST_DAY)
    return {
      date: null,
      method: `${trend.method}: the trend is too slow to reach the target before 9999`,
      basis: { ...trend.basis, method: 'too_slow' },
    };
  return { date: dateOfDay(day), method: `where the ${trend.method} meets the target`, basis: trend.basis };
}

/** The trend line over the last `months` values, or why there is none. */
function fitTrend(series: readonly DatedValue[], months = DEFAULT_TREND_MONTHS): Trend | NoTrend {
  if (!Number.isInteger(months) || months < 2) throw new RangeError(`a trend needs at least 2 months, got ${months}`);
  const window = sortByDate(series).slice(-months);
  const first = window[0];
  const latest = window[window.length - 1];
  if (!first || !latest || window.length < 2)
    return {
      method: `no forecast: a trend needs at least 2 monthly values, there ${window.length === 1 ? 'is 1' : `are ${window.length}`}`,
      basis: { method: 'insufficient_data', months, points: window.length },
    };
  const origin = dayNumber(first.date);
  const line = fitLine(window.map((p) => ({ x: dayNumber(p.date) - origin, y: p.value })));
  if (!line) return { method: 'no forecast: the values share one date', basis: { method: 'same_date', months, points: window.length } };
  return {
    line,
    origin,
    latest: { day: dayNumber(latest.date), value: latest.value },
    method: `linear trend of the last ${window.length} months`,
    basis: { method: 'linear_trend', months, points: window.length },
  };
}

/** Oldest first; two values on one date are refused because the series would be ambiguous. */
function sortByDate(series: readonly DatedValue[]): DatedValue[] {
  const sorted = [...series].sort((a, b) => dayNumber(a.date) - dayNumber(b.date));
  sorted.forEach((point, i) => {
    if (i > 0 && sorted[i - 1]?.date === point.date) throw new RangeError(`two values on ${point.date}: a series has one value per date`);
  });
  return sorted;
}
