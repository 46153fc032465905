import { describe, expect, it } from 'vitest';
import { ROLE_DEFINITIONS } from '../roles.js';
import { FINDING_ACTIONS, FINDING_STATES } from '../vulnerabilities.js';
import {
  checkFindingTransition,
  FINDING_TRANSITION_PERMISSIONS,
  FINDING_TRANSITIONS,
  findingActionsFor,
  fourEyesProblem,
} from './finding-lifecycle.js';

const today = '2026-11-26';
const at = (state: (typeof FINDING_STATES)[number], fixedById: string | null = null) => ({ state, fixedById });

describe('finding lifecycle: transitions', () => {
  it('walks new → confirmed → remediating → fixed → verified and closed', () => {
    expect(checkFindingTransition(at('new'), { action: 'confirm' }, 'u1', today)).toEqual({ ok: true, to: 'confirmed' });
    expect(
      checkFindingTransition(
        at('confirmed'),
        { action: 'start_remediation', plan: 'upgrade to V3.2 SP2', remediationOwner: '张工', remediationDue: '2026-12-10' },
        'u1',
        today,
      ),
    ).toEqual({ ok: true, to: 'remediating' });
    expect(checkFindingTransition(at('remediating'), { action: 'mark_fixed' }, 'u1', today)).toEqual({
      ok: true,
      to: 'fixed_awaiting_verification',
    });
    expect(checkFindingTransition(at('fixed_awaiting_verification', 'u1'), { action: 'verify' }, 'u2', today)).toEqual({
      ok: true,
      to: 'verified_closed',
    });
  });

  it('refuses re-verification by whoever fixed it, or by no person (four eyes)', () => {
    const r = checkFindingTransition(at('fixed_awaiting_verification', 'u1'), { action: 'verify' }, 'u1', today);
    expect(r).toMatchObject({ ok: false, problem: { field: 'action', rule: 'four_eyes' } });
    expect(checkFindingTransition(at('fixed_awaiting_verification', 'u1'), { action: 'verify' }, null, today)).toMatchObject({
      ok: false,
      problem: { rule: 'four_eyes' },
    });
    expect(fourEyesProblem({ fixedById: 'u1' }, 'u1')).toMatchObject({ rule: 'four_eyes' });
    expect(fourEyesProblem({ fixedById: 'u1' }, 'u2')).toBeNull();
    expect(fourEyesProblem({ fixedById: null }, 'u2')).toBeNull();
  });

  it('needs a VEX justification for not affected, a note for false positive', () => {
    expect(checkFindingTransition(at('new'), { action: 'mark_not_affected' }, 'u1', today)).toMatchObject({
      ok: false,
      problem: { field: 'vexJustification', rule: 'required' },
    });
    expect(
      checkFindingTransition(at('new'), { action: 'mark_not_affected', vexJustification: 'component_not_present' }, 'u1', today),
    ).toEqual({ ok: true, to: 'not_affected' });
    expect(checkFindingTransition(at('confirmed'), { action: 'mark_false_positive' }, 'u1', today)).toMatchObject({
      problem: { field: 'note' },
    });
  });

  it('asks a note of exactly the actions marked noteRequired', () => {
    const fields = {
      vexJustification: 'component_not_present',
      plan: 'p',
      remediationOwner: 'o',
      remediationDue: '2026-12-01',
      riskAcceptedUntil: '2027-05-01',
    } as const;
    for (const action of FINDING_ACTIONS) {
      const from = FINDING_TRANSITIONS[action].from[0] ?? 'new';
      const r = checkFindingTransition(at(from, 'someone else'), { action, ...fields }, 'u', today);
      expect([action, r.ok ? null : r.problem.field]).toEqual([action, FINDING_TRANSITIONS[action].noteRequired ? 'note' : null]);
    }
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
      expect(checkFindingTransition(at('confirmed'), input, 'u1', today)).toMatchObject({ ok: false, problem: { field: missing } });
    }
    expect(
      checkFindingTransition(
        at('confirmed'),
        { action: 'start_remediation', plan: 'p', remediationOwner: 'o', remediationDue: '2026-11-01' },
        'u',
        today,
      ),
    ).toMatchObject({ problem: { rule: 'future' } });
  });

  it('accepts a risk only with a future expiry and a reason', () => {
    expect(
      checkFindingTransition(at('confirmed'), { action: 'accept_risk', note: 'isolated', riskAcceptedUntil: '2026-11-26' }, 'u', today),
    ).toMatchObject({ problem: { field: 'riskAcceptedUntil', rule: 'future' } });
    expect(checkFindingTransition(at('confirmed'), { action: 'accept_risk', riskAcceptedUntil: '2027-05-01' }, 'u', today)).toMatchObject({
      problem: { field: 'note', rule: 'required' },
    });
    expect(
      checkFindingTransition(at('confirmed'), { action: 'accept_risk', note: 'isolated', riskAcceptedUntil: '2027-05-01' }, 'u', today),
    ).toEqual({ ok: true, to: 'risk_accepted' });
  });

  it('refuses actions from states that do not allow them', () => {
    for (const action of FINDING_ACTIONS)
      for (const state of FINDING_STATES) {
        if (FINDING_TRANSITIONS[action].from.includes(state)) continue;
        expect(checkFindingTransition(at(state), { action, note: 'n' }, 'u', today)).toMatchObject({
          ok: false,
          problem: { rule: 'state' },
        });
      }
  });
});

describe('finding lifecycle: who may take which action', () => {
  it('offers an enterprise the triage actions of a new finding, not verification or risk acceptance', () => {
    expect(findingActionsFor('new', ['finding:update'])).toEqual(['confirm', 'mark_false_positive', 'mark_not_affected']);
    expect(findingActionsFor('new', ROLE_DEFINITIONS.enterprise_user.permissions)).toEqual([
      'confirm',
      'mark_false_positive',
      'mark_not_affected',
    ]);
  });

  it('offers verification only to holders of finding:verify', () => {
    expect(findingActionsFor('fixed_awaiting_verification', ['finding:update'])).toEqual([]);
    expect(findingActionsFor('fixed_awaiting_verification', ['finding:verify'])).toEqual(['verify', 'reject_fix']);
  });

  it('lists the main path before the side exits', () => {
    expect(findingActionsFor('confirmed', ROLE_DEFINITIONS.security_analyst.permissions)).toEqual([
      'start_remediation',
      'mark_false_positive',
      'mark_not_affected',
      'accept_risk',
    ]);
    expect(findingActionsFor('verified_closed', ['finding:update'])).toEqual(['reopen']);
  });

  it('offers nothing to readers, and every action to someone', () => {
    for (const state of FINDING_STATES) expect(findingActionsFor(state, ROLE_DEFINITIONS.auditor.permissions)).toEqual([]);
    expect(new Set(Object.values(FINDING_TRANSITIONS).map((r) => r.permission))).toEqual(new Set(FINDING_TRANSITION_PERMISSIONS));
    expect(Object.keys(FINDING_TRANSITIONS).sort()).toEqual([...FINDING_ACTIONS].sort());
  });
});
