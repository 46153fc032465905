import { describe, expect, it } from 'vitest';
import { type ReachForecast, statusWithForecast } from './indicator-logic.js';

const reach = (date: string | null, method: ReachForecast['basis']['method'] = 'linear_trend') => ({ date, basis: { method } });

describe('status agrees with the forecast (#12 item 5)', () => {
  const targetDate = '2027-12-31';

  it('a target forecast to be reached after its target date is never 正常', () => {
    // T-INF-1 as seen: on pace so far, 预计 2028-02-04.
    expect(statusWithForecast('on_track', reach('2028-02-04'), targetDate)).toBe('at_risk');
    expect(statusWithForecast('on_track', reach(null, 'away_from_target'), targetDate)).toBe('at_risk');
    expect(statusWithForecast('on_track', reach(null, 'too_slow'), targetDate)).toBe('at_risk');
  });

  it('stays 正常 when the forecast meets the target date', () => {
    expect(statusWithForecast('on_track', reach('2027-12-31'), targetDate)).toBe('on_track');
    expect(statusWithForecast('on_track', reach('2026-05-01', 'reached'), targetDate)).toBe('on_track');
  });

  it('leaves the status alone when the forecast has too little data, and never raises 预警 or 滞后', () => {
    expect(statusWithForecast('on_track', reach(null, 'insufficient_data'), targetDate)).toBe('on_track');
    expect(statusWithForecast('on_track', reach(null, 'same_date'), targetDate)).toBe('on_track');
    expect(statusWithForecast('behind', reach('2026-01-01'), targetDate)).toBe('behind');
    expect(statusWithForecast('at_risk', reach('2026-01-01'), targetDate)).toBe('at_risk');
  });
});
