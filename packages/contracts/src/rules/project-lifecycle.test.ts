import { describe, expect, it } from 'vitest';
import { PROJECT_ACTIONS, PROJECT_STATES, type ProjectAction, type ProjectState } from '../projects.js';
import { ROLES, type Role } from '../roles.js';
import {
  projectActionsFor as actionsFor,
  decideProjectTransition as decide,
  OPEN_PROJECT_STATES as OPEN_STATES,
  projectTransitionNeeds,
  PROJECT_TRANSITIONS as TRANSITIONS,
} from './project-lifecycle.js';

const full = { comment: '理由', date: '2026-03-01', scenarioCount: 2, hasAcceptanceReport: true };

/** The expected table, written out independently of TRANSITIONS: [state, action, role] → next state. */
const LEGAL: Array<[ProjectState, ProjectAction, Role, ProjectState]> = [
  ['draft', 'submit', 'enterprise_user', 'submitted'],
  ['returned', 'submit', 'enterprise_user', 'submitted'],
  ['submitted', 'forward', 'district_officer', 'city_review'],
  ['submitted', 'return', 'district_officer', 'returned'],
  ['city_review', 'return', 'city_admin', 'returned'],
  ['city_review', 'approve', 'city_admin', 'approved'],
  ['city_review', 'reject', 'city_admin', 'rejected'],
  ['approved', 'start_construction', 'enterprise_user', 'under_construction'],
  ['approved', 'start_construction', 'district_officer', 'under_construction'],
  ['approved', 'start_construction', 'city_admin', 'under_construction'],
  ['under_construction', 'complete', 'enterprise_user', 'built'],
  ['under_construction', 'complete', 'district_officer', 'built'],
  ['under_construction', 'complete', 'city_admin', 'built'],
  ['built', 'accept', 'city_admin', 'accepted'],
  ...OPEN_STATES.flatMap(
    (s): Array<[ProjectState, ProjectAction, Role, ProjectState]> => [
      [s, 'cancel', 'enterprise_user', 'cancelled'],
      [s, 'cancel', 'city_admin', 'cancelled'],
    ],
  ),
];

describe('project lifecycle', () => {
  it('allows exactly the legal transitions, for every state × action × role', () => {
    for (const state of PROJECT_STATES) {
      for (const action of PROJECT_ACTIONS) {
        for (const role of ROLES) {
          const expected = LEGAL.find(([s, a, r]) => s === state && a === action && r === role);
          const decision = decide(state, action, role, full);
          if (expected) expect(decision, `${state} ${action} ${role}`).toMatchObject({ ok: true, to: expected[3] });
          else expect(decision.ok, `${state} ${action} ${role}`).toBe(false);
        }
      }
    }
  });

  it('explains why: illegal move versus wrong role', () => {
    expect(decide('accepted', 'submit', 'enterprise_user', full)).toMatchObject({
      ok: false,
      rule: 'illegal',
      reason: 'a project that is accepted cannot be submitted',
    });
    expect(decide('submitted', 'forward', 'enterprise_user', full)).toMatchObject({
      ok: false,
      rule: 'role',
      reason: expect.stringContaining('district_officer'),
    });
  });

  it('wants a comment to return, reject, and cancel after submission', () => {
    expect(decide('submitted', 'return', 'district_officer', { ...full, comment: ' ' })).toMatchObject({ ok: false, rule: 'comment' });
    expect(decide('city_review', 'reject', 'city_admin', { ...full, comment: undefined })).toMatchObject({ ok: false, rule: 'comment' });
    expect(decide('approved', 'cancel', 'enterprise_user', { ...full, comment: undefined })).toMatchObject({ ok: false, rule: 'comment' });
    expect(decide('draft', 'cancel', 'enterprise_user', { ...full, comment: undefined })).toMatchObject({ ok: true });
  });

  it('wants scenarios to submit, dates for construction, and the acceptance report to accept', () => {
    expect(decide('draft', 'submit', 'enterprise_user', { ...full, scenarioCount: 0 })).toMatchObject({ ok: false, rule: 'scenarios' });
    expect(decide('approved', 'start_construction', 'enterprise_user', { ...full, date: undefined })).toMatchObject({
      ok: false,
      rule: 'date',
    });
    expect(decide('built', 'accept', 'city_admin', { ...full, hasAcceptanceReport: false })).toMatchObject({
      ok: false,
      rule: 'acceptanceReport',
    });
  });

  it('lists the actions a role has in a state', () => {
    expect(actionsFor('city_review', 'city_admin').sort()).toEqual(['approve', 'cancel', 'reject', 'return']);
    expect(actionsFor('submitted', 'district_officer').sort()).toEqual(['forward', 'return']);
    expect(actionsFor('accepted', 'city_admin')).toEqual([]);
    expect(TRANSITIONS.every((t) => t.from.length > 0)).toBe(true);
  });

  it('tells the console what each action asks for, from the same table', () => {
    expect(projectTransitionNeeds('return', 'submitted')).toEqual({ comment: 'required', date: false });
    expect(projectTransitionNeeds('reject', 'city_review').comment).toBe('required');
    expect(projectTransitionNeeds('cancel', 'draft').comment).toBe('optional');
    expect(projectTransitionNeeds('cancel', 'approved').comment).toBe('required');
    expect(projectTransitionNeeds('forward', 'submitted')).toEqual({ comment: 'optional', date: false });
    expect(projectTransitionNeeds('start_construction', 'approved').date).toBe(true);
    expect(projectTransitionNeeds('complete', 'under_construction').date).toBe(true);
    // Whatever the table asks for, decide refuses without it.
    for (const t of TRANSITIONS)
      for (const state of t.from) {
        const needs = projectTransitionNeeds(t.action, state);
        const role = t.roles[0] as Role;
        if (needs.comment === 'required')
          expect(decide(state, t.action, role, { ...full, comment: undefined }).ok, `${state} ${t.action}`).toBe(false);
        if (needs.date) expect(decide(state, t.action, role, { ...full, date: undefined }).ok, `${state} ${t.action}`).toBe(false);
      }
  });
});
