import type { ApplicationStatus, ConflictRules, Criterion, Expert, Objection, RoundAction, RoundStage } from '@suilian/contracts';
import { ROUND_STAGES } from '@suilian/contracts';
import type { StatusTone } from '../../shared/status';

/**
 * One expert's total on a 0–100 scale, as the server computes it: each criterion as a share of
 * its maximum, weighted — Σ weight·score/max ÷ Σ weight × 100, rounded to two decimals. Criteria
 * not yet scored count as 0.
 */
export function weightedTotal(
  rubric: readonly Pick<Criterion, 'key' | 'weight' | 'maxScore'>[],
  scores: Record<string, number | null | undefined>,
) {
  const weights = rubric.reduce((sum, c) => sum + c.weight, 0);
  if (weights <= 0) return 0;
  const raw = rubric.reduce((sum, c) => sum + (c.weight * (scores[c.key] ?? 0)) / c.maxScore, 0);
  return Math.round((raw / weights) * 100 * 100) / 100;
}

/** Each criterion's share of the total weight, in per cent (for the rubric table). */
export function weightShare(rubric: readonly Pick<Criterion, 'weight'>[], weight: number): number {
  const total = rubric.reduce((sum, c) => sum + c.weight, 0);
  return total > 0 ? Math.round((weight / total) * 1000) / 10 : 0;
}

/** The organiser's one forward action from each stage (the round lifecycle on the server). */
export const NEXT_ACTION: Record<RoundStage, RoundAction | null> = {
  draft: 'open',
  open: 'close_applications',
  district_review: 'start_review',
  expert_review: 'close_review',
  closed: 'start_publicity',
  publicity: 'publish',
  published: null,
};

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

export type ConflictReason = 'ownEnterprise' | 'ownDistrict';

/**
 * Why an expert must stay away from an application under the round's rules (mirrors the server's
 * check, which has the last word): works for the applicant, or belongs to its district.
 */
export function conflictOf(
  rules: ConflictRules,
  expert: Pick<Expert, 'affiliationOrgId' | 'districtId'>,
  application: { enterpriseId: string; districtId: string },
): ConflictReason | null {
  if (rules.ownEnterprise && expert.affiliationOrgId && expert.affiliationOrgId === application.enterpriseId) return 'ownEnterprise';
  if (rules.ownDistrict && expert.districtId && expert.districtId === application.districtId) return 'ownDistrict';
  return null;
}

export interface ConflictRefusal {
  /** The expert the server named (from `expertIds.N`), when known. */
  expertId: string | null;
  /** The name in the server's message (`name: reason`). */
  name: string;
  reason: ConflictReason | null;
  /** The server's sentence, for reasons the console does not know. */
  message: string;
}

/**
 * The experts a `conflict_of_interest` refusal names. The server sends one issue per refused expert:
 * `{field: 'expertIds.N', rule: 'conflict_of_interest', message: '<name>: <why>'}`.
 */
export function conflictRefusals(issues: readonly { field: string; rule: string; message: string }[], expertIds: readonly string[]) {
  return issues
    .filter((i) => i.rule === 'conflict_of_interest')
    .map((i): ConflictRefusal => {
      const index = /expertIds\.(\d+)$/.exec(i.field)?.[1];
      const cut = i.message.lastIndexOf(': ');
      const why = cut >= 0 ? i.message.slice(cut + 2) : i.message;
      const reason: ConflictReason | null = /works for|本企业/.test(why)
        ? 'ownEnterprise'
        : /district|本区/.test(why)
          ? 'ownDistrict'
          : null;
      return {
        expertId: index === undefined ? null : (expertIds[Number(index)] ?? null),
        name: cut >= 0 ? i.message.slice(0, cut) : '',
        reason,
        message: i.message,
      };
    });
}

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
