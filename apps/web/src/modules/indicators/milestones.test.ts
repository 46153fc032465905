import { describe, expect, it } from 'vitest';
import { formatMilestones, parseMilestones } from './milestones';

describe('milestones text', () => {
  it('round-trips date=value lines in date order', () => {
    const text = formatMilestones({ '2027-06-30': 120, '2026-12-31': 60.5 });
    expect(text).toBe('2026-12-31=60.5\n2027-06-30=120');
    expect(parseMilestones(text)).toEqual({ '2026-12-31': 60.5, '2027-06-30': 120 });
  });

  it('reads empty text as no milestones and refuses malformed lines', () => {
    expect(parseMilestones('  \n')).toBeNull();
    expect(parseMilestones('2026-12-31：60')).toEqual({ '2026-12-31': 60 });
    expect(parseMilestones('2026-13-45=1')).toBeUndefined();
    expect(parseMilestones('end of 2026=60')).toBeUndefined();
  });
});
