import { DEFAULT_SLA_DAYS, FINDING_ACTIONS, FINDING_STATES } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import { checkTransition, isOverdue, slaDueAt, stateWhenSeenAgain, TRANSITIONS } from './lifecycle.js';

const today = '2026-11-26';
const at = (state: (typeof FINDING_STATES)[number], fixedById: string | null = null) => ({ state, fixedById });

describe('finding lifecycle', () => {
  it('walks new → confirmed → remediating → fixed → verified and closed', () => {
    expect(checkTransition(at('new'), { action: 'confirm' }, 'u1', today)).toEqual({ ok: true, to: 'confirmed' });
    expect(
      checkTransition(
        at('confirmed'),
        { action: 'start_remediation', plan: 'upgrade to V3.2 SP2', remediationOwner: '张工', remediationDue: '2026-12-10' },
        'u1',
        today,
      ),
    ).toEqual({ ok: true, to: 'remediating' });
    expect(checkTransition(at('remediating'), { action: 'mark_fixed' }, 'u1', today)).toEqual({
      ok: true,
      to: 'fixed_awaiting_verification',
    });
    expect(checkTransition(at('fixed_awaiting_verification', 'u1'), { action: 'verify' }, 'u2', today)).toEqual({
      ok: true,
      to: 'verified_closed',
    });
  });

  it('refuses re-verification by whoever fixed it (four eyes)', () => {
    const r = checkTransition(at('fixed_awaiting_verification', 'u1'), { action: 'verify' }, 'u1', today);
    expect(r).toMatchObject({ ok: false, problem: { rule: 'four_eyes' } });
    expect(checkTransition(at('fixed_awaiting_verification', 'u1'), { action: 'verify' }, null, today)).toMatchObject({ ok: false });
  });

  it('needs a VEX justification for not affected, a note for false positive', () => {
    expect(checkTransition(at('new'), { action: 'mark_not_affected' }, 'u1', today)).toMatchObject({
      ok: false,
      problem: { field: 'vexJustification', rule: 'required' },
    });
    expect(checkTransition(at('new'), { action: 'mark_not_affected', vexJustification: 'component_not_present' }, 'u1', today)).toEqual({
      ok: true,
      to: 'not_affected',
    });
    expect(checkTransition(at('confirmed'), { action: 'mark_false_positive' }, 'u1', today)).toMatchObject({ problem: { field: 'note' } });
  });

  it('wants plan, owner and a due date not in the past for a remediation', () => {
    for (const missing of ['plan', 'remediationOwner', 'remediationDue'] as const) {
      const input = {
        action: 'start_remediation' as const,
        plan: 'p',
        remediationOwner: 'o',
        remediationDue: '2026-12-01',
        [missing]: undefined,
      };
      expect(checkTransition(at('confirmed'), input, 'u1', today)).toMatchObject({ ok: false, problem: { field: missing } });
    }
    expect(
      checkTransition(
        at('confirmed'),
        { action: 'start_remediation', plan: 'p', remediationOwner: 'o', remediationDue: '2026-11-01' },
        'u',
        today,
      ),
    ).toMatchObject({ problem: { rule: 'future' } });
  });

  it('accepts a risk only with a future expiry and a reason', () => {
    expect(
      checkTransition(at('confirmed'), { action: 'accept_risk', note: 'isolated', riskAcceptedUntil: '2026-11-26' }, 'u', today),
    ).toMatchObject({
      problem: { field: 'riskAcceptedUntil', rule: 'future' },
    });
    expect(
      checkTransition(at('confirmed'), { action: 'accept_risk', note: 'isolated', riskAcceptedUntil: '2027-05-01' }, 'u', today),
    ).toEqual({
      ok: true,
      to: 'risk_accepted',
    });
  });

  it('refuses actions from states that do not allow them', () => {
    for (const action of FINDING_ACTIONS)
      for (const state of FINDING_STATES) {
        if (TRANSITIONS[action].from.includes(state)) continue;
        expect(checkTransition(at(state), { action, note: 'n' }, 'u', today)).toMatchObject({ ok: false, problem: { rule: 'state' } });
      }
  });

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
