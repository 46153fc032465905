import { SELECTION_PARTICIPANTS } from '@suilian/contracts';
import type { Actor } from '../../platform/actor.js';
import { definePolicy } from '../../platform/policy/policy.js';

/** An application as its policy sees it: the applicant enterprise and the district it lies in. */
export interface ApplicationOwner {
  enterpriseId: string;
  districtId: string;
}

/** District officers reach their district's applications, enterprises their own. */
const applicant = { district: 'districtId', organisation: ['enterpriseId'] } as const;

/**
 * Who may do what to applications. City-scope actors (organisers, analysts) reach every
 * application; the lifecycle rules (stages, deadlines, conflicts of interest, the expert count)
 * stay in the services with their own refusals.
 */
export const applicationPolicy = definePolicy<
  ApplicationOwner,
  'read' | 'apply' | 'recommend' | 'assign' | 'score' | 'readScores' | 'object' | 'editCase'
>('application', {
  read: { access: SELECTION_PARTICIPANTS, scope: applicant },
  apply: { access: 'selection:apply' },
  recommend: { access: ['selection:recommend', 'selection:manage'], scope: { district: 'districtId', organisation: [] } },
  assign: { access: 'selection:manage' },
  score: { access: 'selection:review' },
  readScores: { access: ['selection:manage', 'selection:review'] },
  // Anyone taking part may object to an application on the publicity list (公示), whoever applied.
  object: { access: SELECTION_PARTICIPANTS },
  editCase: { access: ['selection:manage', 'selection:apply'], scope: { district: null, organisation: ['enterpriseId'] } },
});

/**
 * The reviewer whose assignments widen an actor's reach, or null. Experts (organisation scope,
 * selection:review) reach exactly the applications assigned to them; an assignment links a person
 * to an application (`selection_assignment`), not a field of the application, so it cannot be the
 * policy's scope data — the service looks the assignment up for this reviewer.
 */
export function reviewerOf(actor: Actor): string | null {
  return actor.scope === 'organisation' && applicationPolicy.allows(actor, 'score') ? actor.userId : null;
}
