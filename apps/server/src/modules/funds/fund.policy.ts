import type { FundApplication, FundApplicationState } from '@suilian/contracts';
import type { Actor } from '../../platform/actor.js';
import { definePolicy } from '../../platform/policy/policy.js';

/** An application as its policy sees it: the applying enterprise and its district. */
export interface FundApplicationOwner {
  enterpriseId: string;
  districtId: string;
}

/** Programmes are city-wide: every holder of fund:read reads them, city administrators keep them. */
export const fundProgrammePolicy = definePolicy<Record<string, never>, 'read' | 'manage'>('fund programme', {
  read: { access: 'fund:read' },
  manage: { access: 'fund:manage' },
});

/**
 * Applications: the city and auditors read all, a district those of its enterprises, an enterprise
 * its own. Applying is the enterprise's own act, district review its district's, the rest the city's.
 */
export const fundApplicationPolicy = definePolicy<FundApplicationOwner, 'read' | 'apply' | 'review' | 'manage'>('fund application', {
  read: { access: 'fund:read', scope: { district: 'districtId', organisation: ['enterpriseId'] } },
  apply: { access: 'fund:apply', scope: { district: null, organisation: ['enterpriseId'] } },
  review: { access: 'fund:review', scope: { district: 'districtId', organisation: [] } },
  manage: { access: 'fund:manage' },
});

export type FundStep = FundApplication['actions'][number];

/** Who acts in each state: the enterprise on drafts, its district on submissions, the city after. */
const STEPS: Record<FundApplicationState, { who: 'enterprise' | 'district' | 'city'; steps: FundStep[] } | null> = {
  draft: { who: 'enterprise', steps: ['edit', 'submit'] },
  returned: { who: 'enterprise', steps: ['edit', 'submit'] },
  submitted: { who: 'district', steps: ['approve', 'return'] },
  city_review: { who: 'city', steps: ['approve', 'return', 'reject'] },
  publicity: { who: 'city', steps: ['object', 'award', 'reject'] },
  awarded: { who: 'city', steps: ['revise', 'disburse'] },
  disbursed: { who: 'city', steps: ['revise'] },
  rejected: null,
};

/** The steps open in a state to whoever acts in it (the console and the refusals use the same table). */
export function stepsOfState(state: FundApplicationState): readonly FundStep[] {
  return STEPS[state]?.steps ?? [];
}

/**
 * What this actor may do to the application now. The enterprise acts only through its own users
 * (a city administrator does not apply on its behalf); district review needs a district officer of
 * the application's district; the city's steps need fund:manage.
 */
export function fundStepsFor(actor: Actor, application: FundApplicationOwner & { state: FundApplicationState }): FundStep[] {
  const stage = STEPS[application.state];
  if (!stage) return [];
  const acts =
    stage.who === 'enterprise'
      ? actor.scope === 'organisation' && fundApplicationPolicy.can(actor, 'apply', application)
      : stage.who === 'district'
        ? actor.scope === 'district' && fundApplicationPolicy.can(actor, 'review', application)
        : fundApplicationPolicy.allows(actor, 'manage');
  return acts ? [...stage.steps] : [];
}
