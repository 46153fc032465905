import type { DatedValue } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import { dateOfDay, dayNumber } from './calendar-days.js';
import { fitLine } from './fit-line.js';
import { forecastAt, forecastReachDate } from './forecast.js';
import { createPlan } from './plan.js';

/** Values 30 days apart from 2026-01-01 (2026-01-31, 2026-03-02, 2026-04-01, …), so the hand arithmetic stays in whole days. */
const every30Days = (...values: number[]): DatedValue[] =>
  values.map((value, i) => ({ date: dateOfDay(dayNumber('2026-01-01') + 30 * i), value }));

const plan = createPlan({ baseline: { date: '2025-09-14', value: 0 }, target: { date: '2026-12-31', value: 500 } });
const cumulative = createPlan({ ...plan, cumulative: true });

describe('fitLine', () => {
  it('fits y = 15 + 0.5x through (0, 0), (30, 60), (60, 30)', () => {
    // x̄ = 30, ȳ = 30, Sxy = (−30)(−30) + 0 + (30)(0) = 900, Sxx = 1800: slope 0.5, intercept 30 − 0.5 · 30 = 15.
    expect(
      fitLine([
        { x: 0, y: 0 },
        { x: 30, y: 60 },
        { x: 60, y: 30 },
      ]),
    ).toEqual({ slope: 0.5, intercept: 15 });
  });

  it('needs two distinct x values', () => {
    expect(fitLine([{ x: 1, y: 1 }])).toBeNull();
    expect(
      fitLine([
        { x: 1, y: 1 },
        { x: 1, y: 2 },
      ]),
    ).toBeNull();
  });
});

describe('forecastAt', () => {
  it('extends the linear trend of the last 6 months to the target date', () => {
    expect(every30Days(100, 130, 160, 190).map((p) => p.date)).toEqual(['2026-01-01', '2026-01-31', '2026-03-02', '2026-04-01']);
    // one a day from 100 on 2026-01-01; 2026-12-31 is day 364
    expect(forecastAt(plan, every30Days(100, 130, 160, 190))).toEqual({
      date: '2026-12-31',
      value: 464,
      method: 'linear trend of the last 4 months',
      basis: { method: 'linear_trend', months: 6, points: 4 },
    });
  });

  it('fits only the last N months, in date order whatever the input order', () => {
    const series = every30Days(900, -500, 100, 130, 160, 190, 220, 250);
    // the last 6 run one a day from 100 on day 60 (2026-03-02): 2026-12-31 is day 364, so 100 + 304
    expect(forecastAt(plan, [...series].reverse())).toEqual({
      date: '2026-12-31',
      value: 404,
      method: 'linear trend of the last 6 months',
      basis: { method: 'linear_trend', months: 6, points: 6 },
    });
    // the last 3: 190 on day 150, 220, 250; 2026-09-28 is day 270, so 190 + 120
    expect(forecastAt(plan, series, { months: 3, date: '2026-09-28' })).toEqual({
      date: '2026-09-28',
      value: 310,
      method: 'linear trend of the last 3 months',
      basis: { method: 'linear_trend', months: 3, points: 3 },
    });
  });

  it('uses the least-squares line through noisy values', () => {
    // y = 15 + 0.5x from 2026-01-01; 2026-05-01 is day 120: 15 + 60 = 75
    expect(forecastAt(plan, every30Days(0, 60, 30), { date: '2026-05-01' }).value).toBe(75);
  });

  it('holds a cumulative indicator at its latest value when the trend falls', () => {
    expect(forecastAt(cumulative, every30Days(100, 90, 80))).toEqual({
      date: '2026-12-31',
      value: 80,
      method: 'linear trend of the last 3 months, held at the latest value because a cumulative figure cannot fall',
      basis: { method: 'held_at_latest', months: 6, points: 3 },
    });
    expect(forecastAt(plan, every30Days(100, 90, 80)).value).toBeCloseTo(100 - 364 / 3, 9); // not cumulative: the trend as is
  });

  it('says why there is no forecast with fewer than two values', () => {
    expect(forecastAt(plan, every30Days(100))).toEqual({
      date: '2026-12-31',
      value: null,
      method: 'no forecast: a trend needs at least 2 monthly values, there is 1',
      basis: { method: 'insufficient_data', months: 6, points: 1 },
    });
    expect(forecastAt(plan, []).method).toBe('no forecast: a trend needs at least 2 monthly values, there are 0');
    expect(forecastAt(plan, []).basis).toEqual({ method: 'insufficient_data', months: 6, points: 0 });
  });

  it('refuses two values on one date and windows shorter than two months', () => {
    expect(() => forecastAt(plan, [...every30Days(1, 2), { date: '2026-01-01', value: 3 }])).toThrow('two values on 2026-01-01');
    expect(() => forecastAt(plan, every30Days(1, 2), { months: 1 })).toThrow('a trend needs at least 2 months, got 1');
  });
});

describe('forecastReachDate', () => {
  it('finds the first day the trend meets the target', () => {
    // one a day from 100 on 2026-01-01: 500 on day 400 = 2027-02-05
    expect(forecastReachDate(plan, every30Days(100, 130, 160, 190))).toEqual({
      date: '2027-02-05',
      method: 'where the linear trend of the last 4 months meets the target',
      basis: { method: 'linear_trend', months: 6, points: 4 },
    });
    // y = 15 + 0.5x meets 100 at x = 170: 2026-06-20
    const hundred = createPlan({ ...plan, target: { date: '2026-12-31', value: 100 } });
    expect(forecastReachDate(hundred, every30Days(0, 60, 30)).date).toBe('2026-06-20');
  });

  it('rounds a crossing between days up to the next day', () => {
    // 100, 130, 160 → one a day; 401 is crossed exactly at day 301, 400.5 between days 300 and 301
    expect(forecastReachDate(createPlan({ ...plan, target: { date: '2026-12-31', value: 400.5 } }), every30Days(100, 130, 160)).date).toBe(
      dateOfDay(dayNumber('2026-01-01') + 301),
    );
  });

  it('is null when the trend is flat or falling', () => {
    expect(forecastReachDate(plan, every30Days(100, 100, 100))).toEqual({
      date: null,
      method: 'linear trend of the last 3 months: the trend is flat or heads away from the target',
      basis: { method: 'away_from_target', months: 6, points: 3 },
    });
    expect(forecastReachDate(plan, every30Days(100, 90, 80)).date).toBeNull();
  });

  it('gives the date of the first value that met the target when it is already reached', () => {
    expect(forecastReachDate(plan, every30Days(300, 500, 520))).toEqual({
      date: '2026-01-31',
      method: 'reached: the value on 2026-01-31 meets the target',
      basis: { method: 'reached', date: '2026-01-31' },
    });
  });

  it('is never earlier than the day after the latest value', () => {
    // 0, 480, 490 on days 0, 30, 60: x̄ = 30, ȳ = 323⅓, Sxy = 9700 + 5000 = 14,700, Sxx = 1800, so y = 78⅓ + 8⅙x,
    // which passes 500 at x ≈ 51.6 — before the latest value (day 60, still 490). So the day after it: day 61.
    expect(forecastReachDate(plan, every30Days(0, 480, 490)).date).toBe('2026-03-03');
  });

  it('works towards a target below the baseline', () => {
    const falling = createPlan({ baseline: { date: '2025-12-01', value: 100 }, target: { date: '2026-12-31', value: 20 } });
    // 100, 70, 40 from 2026-01-01: one less a day, 20 on day 80 = 2026-03-22
    expect(forecastReachDate(falling, every30Days(100, 70, 40)).date).toBe('2026-03-22');
    expect(forecastReachDate(falling, every30Days(100, 110)).date).toBeNull();
  });

  it('gives up on a trend too slow to reach the target before year 9999', () => {
    const far = createPlan({ ...plan, target: { date: '2026-12-31', value: 1e9 } });
    expect(forecastReachDate(far, every30Days(100, 100.0001))).toMatchObject({
      date: null,
      basis: { method: 'too_slow', months: 6, points: 2 },
    });
  });

  it('gives the reason as a code when there is no trend at all', () => {
    expect(forecastReachDate(plan, every30Days(100)).basis).toEqual({ method: 'insufficient_data', months: 6, points: 1 });
  });
});
