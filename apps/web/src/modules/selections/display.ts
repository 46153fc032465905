import type { ApplicationStatus, ConflictReason, Criterion, Objection, RoundStage } from '@suilian/contracts';
import { ROUND_STAGES } from '@suilian/contracts';
import type { StatusTone } from '../../shared/status';

/*
 * How the console shows selections: stage and status tones, kind colours, names in the user's
 * language. The selection rules themselves (scoring, conflicts, stages) are in contracts.
 */

/** A stage's position in the round's course (for the steps bar). */
export function stageIndex(stage: RoundStage): number {
  return ROUND_STAGES.indexOf(stage);
}

/**
 * Round stages by tone: a draft waits for its organiser (attention); calling, reviewing and the
 * public notice are in progress; published is done.
 */
export const ROUND_STAGE_TONES: Record<RoundStage, StatusTone> = {
  draft: 'attention',
  open: 'progress',
  district_review: 'progress',
  expert_review: 'progress',
  closed: 'progress',
  publicity: 'progress',
  published: 'done',
};

/** Applications: waiting for the district (in progress), recommended (done), not recommended (failed), withdrawn (closed). */
export const APPLICATION_STATUS_TONES: Record<ApplicationStatus, StatusTone> = {
  submitted: 'progress',
  recommended: 'done',
  not_recommended: 'failed',
  withdrawn: 'closed',
};

/** Objections: open needs the organiser (attention); upheld takes the application off the list (failed); dismissed is closed. */
export const OBJECTION_STATUS_TONES: Record<Objection['status'], StatusTone> = {
  open: 'attention',
  upheld: 'failed',
  dismissed: 'closed',
};

/** Whether a deadline (ISO date-time) has passed. */
export function deadlinePassed(deadline: string, now = Date.now()): boolean {
  return Date.parse(deadline) <= now;
}

/** Criterion name in the console language. */
export function criterionName(c: Pick<Criterion, 'nameZh' | 'nameEn'>, locale: string): string {
  return locale === 'zh-CN' ? c.nameZh : c.nameEn;
}

/** Tag colours of the round kinds. */
export const KIND_COLOURS: Record<'benchmark_factory' | 'typical_case' | 'other', string> = {
  benchmark_factory: 'geekblue',
  typical_case: 'purple',
  other: 'default',
};

/** The console's word for each conflict-of-interest reason (`selections.conflictShort.*`, `selections.conflictReasons.*`). */
export const CONFLICT_REASON_KEYS: Record<ConflictReason, 'ownEnterprise' | 'ownDistrict'> = {
  own_enterprise: 'ownEnterprise',
  own_district: 'ownDistrict',
};
