import type { Application } from '@suilian/contracts';
import type { Actor } from '../../platform/actor.js';
import { reviewerOf } from './application.policy.js';
import type { RoundRow } from './selection.repo.js';

/** Stages in which the publicity list (公示) names the applicants to everyone anyway. */
const PUBLIC_STAGES: readonly RoundRow['stage'][] = ['publicity', 'published'];

/** Whether an answer about this round's applications is redacted for the actor: experts in a blind round, until publicity. */
export function blindFor(actor: Actor, round: Pick<RoundRow, 'blind' | 'stage'>): boolean {
  return round.blind && reviewerOf(actor) !== null && !PUBLIC_STAGES.includes(round.stage);
}

/** The anonymous code an expert sees instead of the subject's name in a blind round. */
export function blindCode(applicationId: string): string {
  return `No.${applicationId.replace(/-/g, '').slice(0, 6).toUpperCase()}`;
}

/**
 * An application as an expert of a blind round (匿名评审) receives it: without the applicant's name
 * and id, its district, the subject's name (often the company's) and the district's comment. Done on
 * the server so the names never reach the browser.
 */
export function redactForBlindReview(a: Application): Application {
  return {
    ...a,
    enterpriseId: null,
    enterpriseName: null,
    districtId: null,
    districtName: null,
    subjectName: blindCode(a.id),
    districtComment: null,
    blind: true,
  };
}
