import { INDICATOR_STATUSES } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import { TONE_COLOURS } from '../../shared/status';
import { barPercent, INDICATOR_STATUS_TONES, roundFigure } from './status';

describe('indicator pace colours', () => {
  it('follow the glossary: on track green, at risk orange, behind red, achieved green, no data and not allocated grey (#12 item 5)', () => {
    const colours = Object.fromEntries(INDICATOR_STATUSES.map((s) => [s, TONE_COLOURS[INDICATOR_STATUS_TONES[s]]]));
    expect(colours).toEqual({
      on_track: 'green',
      at_risk: 'orange',
      behind: 'red',
      achieved: 'green',
      no_data: 'default',
      unallocated: 'default',
    });
  });
});

describe('progress bar', () => {
  it('places value and expected mark as a share of the target, within the bar', () => {
    expect(barPercent(129, 150)).toBeCloseTo(86);
    expect(barPercent(78.4, 150)).toBeCloseTo(52.27, 2);
    expect(barPercent(200, 150)).toBe(100);
    expect(barPercent(null, 150)).toBe(0);
    expect(barPercent(5, 0)).toBe(0);
  });
  it('shows whole numbers as they are and fractional ones to one decimal', () => {
    expect(roundFigure(129)).toBe(129);
    expect(roundFigure(62720.76)).toBe(62720.8);
  });
});
