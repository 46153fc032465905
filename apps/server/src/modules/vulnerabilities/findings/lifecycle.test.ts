import { DEFAULT_SLA_DAYS } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import { isOverdue, slaDueAt, stateWhenSeenAgain } from './lifecycle.js';

// The transitions themselves are tested with their rule in packages/contracts/src/rules/finding-lifecycle.test.ts.
describe('finding lifecycle on the server', () => {
  it('reopens closed or fixed findings seen again; decisions stand', () => {
    expect(stateWhenSeenAgain('verified_closed')).toBe('reopened');
    expect(stateWhenSeenAgain('fixed_awaiting_verification')).toBe('reopened');
    for (const s of ['false_positive', 'not_affected', 'risk_accepted', 'new', 'remediating'] as const)
      expect(stateWhenSeenAgain(s)).toBeNull();
  });

  it('computes the SLA by grade and overdue only for open findings', () => {
    const detected = new Date('2026-11-01T00:00:00Z');
    expect(slaDueAt(detected, 'critical', DEFAULT_SLA_DAYS).toISOString()).toBe('2026-11-08T00:00:00.000Z');
    expect(slaDueAt(detected, 'low', DEFAULT_SLA_DAYS).toISOString()).toBe('2027-03-01T00:00:00.000Z');
    const due = new Date('2026-11-08T00:00:00Z');
    expect(isOverdue({ state: 'confirmed', slaDueAt: due }, new Date('2026-11-09T00:00:00Z'))).toBe(true);
    expect(isOverdue({ state: 'risk_accepted', slaDueAt: due }, new Date('2026-11-09T00:00:00Z'))).toBe(false);
    expect(isOverdue({ state: 'confirmed', slaDueAt: due }, new Date('2026-11-07T00:00:00Z'))).toBe(false);
  });
});
