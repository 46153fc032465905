import { z } from 'zod';
import { PROJECT_STATES, type ProjectState } from './projects.js';

/**
 * Special funds' rules (专项资金, issue #16 item 1) as data, and the pure functions that judge them:
 * the console shows the same reasons the server refuses with. Money is a decimal string in yuan
 * with at most two decimals and is computed in integer fen (BigInt), never in floats.
 */
export const YuanSchema = z.string().regex(/^\d{1,13}(\.\d{1,2})?$/, 'yuan: a non-negative amount with at most two decimals');
/** A percentage with at most two decimals, 0–100. */
export const PercentSchema = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, 'percent: at most two decimals')
  .refine((p) => Number(p) > 0 && Number(p) <= 100, { message: 'percent: above 0 and at most 100', params: { rule: 'percent_range' } });

export const FUND_LINKS = ['factory', 'network', 'selection'] as const;
export type FundLink = (typeof FUND_LINKS)[number];

export const FundEligibilityRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('project_state'), states: z.array(z.enum(PROJECT_STATES)).min(1).max(10) }).strict(),
  z.object({ kind: z.literal('district'), districtIds: z.array(z.uuid()).min(1).max(20) }).strict(),
  z.object({ kind: z.literal('size_class'), sizeClasses: z.array(z.string().min(1).max(16)).min(1).max(10) }).strict(),
  z.object({ kind: z.literal('honour'), honourTypes: z.array(z.string().min(1).max(32)).min(1).max(10) }).strict(),
  z.object({ kind: z.literal('min_investment_5g'), amount: YuanSchema }).strict(),
  z.object({ kind: z.literal('requires_link'), link: z.enum(FUND_LINKS) }).strict(),
]);
export type FundEligibilityRule = z.infer<typeof FundEligibilityRuleSchema>;

export const FundAwardLevelSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9_]{1,32}$/),
    nameZh: z.string().trim().min(1).max(64),
    nameEn: z.string().trim().min(1).max(64),
    amount: YuanSchema,
  })
  .strict();

export const FundAwardRuleSchema = z.discriminatedUnion('kind', [
  /** A share of the project's 5G investment, at most `cap`. */
  z.object({ kind: z.literal('share'), percent: PercentSchema, cap: YuanSchema }).strict(),
  /** A fixed amount by level (the application names its level, the reviewers check it). */
  z.object({ kind: z.literal('fixed'), levels: z.array(FundAwardLevelSchema).min(1).max(10) }).strict(),
]);
export type FundAwardRule = z.infer<typeof FundAwardRuleSchema>;

/** Why an application is not eligible: a code worded by the console (`reasons.fund_rule.<code>`) and its parameters. */
export const FundReasonSchema = z.object({
  code: z.enum(['project_state', 'district', 'size_class', 'honour', 'min_investment_5g', 'requires_link']),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type FundReason = z.infer<typeof FundReasonSchema>;

/** What eligibility is judged on, gathered by the server from the application's project and enterprise. */
export interface EligibilityFacts {
  projectState: ProjectState;
  districtId: string;
  districtName: string;
  sizeClass: string | null;
  /** Honour types the enterprise holds, confirmed by its district. */
  honourTypes: readonly string[];
  /** The project's 5G investment in yuan, when declared. */
  investment5gYuan: string | null;
  links: Readonly<Record<FundLink, boolean>>;
}

/** Yuan as a decimal string → integer fen. */
export function toFen(yuan: string): bigint {
  const [whole = '0', fraction = ''] = yuan.split('.');
  return BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
}

/** Integer fen → yuan with two decimals. */
export function fromFen(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** 万元 (the unit projects declare investment in) → yuan. */
export function wanToYuan(wan: string): string {
  return fromFen(toFen(wan) * 10_000n);
}

/** Judges every rule; an empty list means eligible. Pure: the same facts give the same reasons. */
export function judgeEligibility(rules: readonly FundEligibilityRule[], facts: EligibilityFacts): FundReason[] {
  const reasons: FundReason[] = [];
  for (const rule of rules) {
    switch (rule.kind) {
      case 'project_state':
        if (!rule.states.includes(facts.projectState))
          reasons.push({ code: 'project_state', params: { state: facts.projectState, allowed: rule.states.join(',') } });
        break;
      case 'district':
        if (!rule.districtIds.includes(facts.districtId)) reasons.push({ code: 'district', params: { district: facts.districtName } });
        break;
      case 'size_class':
        if (!facts.sizeClass || !rule.sizeClasses.includes(facts.sizeClass))
          reasons.push({ code: 'size_class', params: { sizeClass: facts.sizeClass ?? '', allowed: rule.sizeClasses.join(',') } });
        break;
      case 'honour':
        if (!rule.honourTypes.some((h) => facts.honourTypes.includes(h)))
          reasons.push({ code: 'honour', params: { required: rule.honourTypes.join(',') } });
        break;
      case 'min_investment_5g':
        if (facts.investment5gYuan === null || toFen(facts.investment5gYuan) < toFen(rule.amount))
          reasons.push({ code: 'min_investment_5g', params: { minimum: rule.amount, declared: facts.investment5gYuan ?? '' } });
        break;
      case 'requires_link':
        if (!facts.links[rule.link]) reasons.push({ code: 'requires_link', params: { link: rule.link } });
        break;
    }
  }
  return reasons;
}

/** The most an application may receive under the award rule, or why it cannot be computed. */
export type AwardCeiling = { ok: true; amount: string } | { ok: false; problem: 'no_investment_5g' | 'unknown_level' };

/**
 * The award rule applied: a share of the 5G investment (rounded down to the fen) capped, or the
 * fixed amount of the application's level.
 */
export function awardCeiling(rule: FundAwardRule, facts: { investment5gYuan: string | null; level: string | null }): AwardCeiling {
  if (rule.kind === 'fixed') {
    const level = rule.levels.find((l) => l.code === facts.level);
    return level ? { ok: true, amount: fromFen(toFen(level.amount)) } : { ok: false, problem: 'unknown_level' };
  }
  if (facts.investment5gYuan === null) return { ok: false, problem: 'no_investment_5g' };
  const basisPoints = toFen(rule.percent); // percent with two decimals = hundredths of a percent
  const share = (toFen(facts.investment5gYuan) * basisPoints) / 10_000n;
  const cap = toFen(rule.cap);
  return { ok: true, amount: fromFen(share < cap ? share : cap) };
}

/** The amount awarded when none is chosen: what was requested, at most the ceiling. */
export function defaultAward(requested: string, ceiling: string): string {
  return toFen(requested) <= toFen(ceiling) ? fromFen(toFen(requested)) : fromFen(toFen(ceiling));
}
