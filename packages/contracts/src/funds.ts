import { z } from 'zod';
import { IsoDateSchema, ListQuerySchema } from './common.js';
import { StoredFileSchema } from './files.js';
import { FundAwardRuleSchema, FundEligibilityRuleSchema, FundReasonSchema, YuanSchema } from './fund-rules.js';

/**
 * Special funds (专项资金 / 奖补, plan 三(四), issue #16 item 1): programmes kept by the city, and
 * enterprises' applications through district review, city review, 公示, award and disbursement.
 * Money is yuan as a decimal string; bank account numbers are accepted, sealed, and only ever
 * answered masked.
 */
export const FundBudgetSchema = z.object({ year: z.number().int().min(2000).max(2100), amount: YuanSchema }).strict();

export const FundProgrammeInputSchema = z
  .object({
    nameZh: z.string().trim().min(1).max(200),
    nameEn: z.string().trim().min(1).max(200),
    /** The policy document it rests on, e.g. 穗工信规字〔2026〕3号. */
    policyBasis: z.string().trim().min(1).max(200),
    description: z.string().trim().max(4000).optional(),
    budgets: z.array(FundBudgetSchema).min(1).max(10),
    eligibility: z.array(FundEligibilityRuleSchema).max(20),
    awardRule: FundAwardRuleSchema,
    opensOn: IsoDateSchema,
    closesOn: IsoDateSchema,
    /** Days of 公示 after the city approves an application. */
    publicityDays: z.number().int().min(1).max(60).default(7),
  })
  .strict()
  .refine((p) => p.closesOn >= p.opensOn, {
    path: ['closesOn'],
    message: 'the window closes after it opens',
    params: { rule: 'after_start' },
  })
  .refine((p) => new Set(p.budgets.map((b) => b.year)).size === p.budgets.length, {
    path: ['budgets'],
    message: 'one budget per year',
    params: { rule: 'unique_year' },
  });
export type FundProgrammeInput = z.infer<typeof FundProgrammeInputSchema>;

export const UpdateFundProgrammeSchema = z.object({ version: z.number().int().min(1), programme: FundProgrammeInputSchema }).strict();
export type UpdateFundProgramme = z.infer<typeof UpdateFundProgrammeSchema>;

export const FundWindowSchema = z.enum(['upcoming', 'open', 'closed']);

export const FundProgrammeSchema = z.object({
  id: z.uuid(),
  nameZh: z.string(),
  nameEn: z.string(),
  policyBasis: z.string(),
  description: z.string().nullable(),
  budgets: z.array(z.object({ year: z.number().int(), amount: z.string() })),
  eligibility: z.array(FundEligibilityRuleSchema),
  awardRule: FundAwardRuleSchema,
  opensOn: z.iso.date(),
  closesOn: z.iso.date(),
  publicityDays: z.number().int(),
  window: FundWindowSchema,
  /** Sum of the amounts currently awarded under this programme. */
  awardedTotal: z.string(),
  applicationCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type FundProgramme = z.infer<typeof FundProgrammeSchema>;

export const FundProgrammeListQuerySchema = ListQuerySchema.extend({ window: FundWindowSchema.optional() }).strict();
export type FundProgrammeListQuery = z.infer<typeof FundProgrammeListQuerySchema>;

export const FUND_APPLICATION_STATES = [
  'draft',
  'submitted',
  'returned',
  'city_review',
  'publicity',
  'awarded',
  'disbursed',
  'rejected',
] as const;
export type FundApplicationState = (typeof FUND_APPLICATION_STATES)[number];

export const FUND_EVIDENCE_KINDS = ['invoice', 'contract', 'acceptance_report', 'other'] as const;

export const FundEvidenceInputSchema = z
  .object({
    fileId: z.uuid(),
    kind: z.enum(FUND_EVIDENCE_KINDS),
    /** The invoice or contract number (required for those two kinds). */
    number: z.string().trim().min(1).max(64).optional(),
    amount: YuanSchema.optional(),
  })
  .strict()
  .refine((e) => (e.kind !== 'invoice' && e.kind !== 'contract') || e.number !== undefined, {
    path: ['number'],
    message: 'invoices and contracts carry their number',
    params: { rule: 'number_required' },
  });

/** A bank account number as people type it: digits, spaces or dashes between groups; kept digits only. */
export const BankAccountSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\d{8,32}$/, 'bank account: 8 to 32 digits'));

const applicationFields = {
  projectId: z.uuid(),
  factoryId: z.uuid().optional(),
  networkId: z.uuid().optional(),
  selectionApplicationId: z.uuid().optional(),
  requestedAmount: YuanSchema,
  /** The award level claimed, for programmes with fixed amounts by level. */
  level: z
    .string()
    .regex(/^[a-z0-9_]{1,32}$/)
    .optional(),
  description: z.string().trim().max(4000).optional(),
  bankName: z.string().trim().min(1).max(100),
  evidence: z.array(FundEvidenceInputSchema).max(30),
};

export const CreateFundApplicationSchema = z
  .object({ programmeId: z.uuid(), ...applicationFields, bankAccount: BankAccountSchema })
  .strict();
export type CreateFundApplication = z.infer<typeof CreateFundApplicationSchema>;

/** A draft's or returned application's new content; the bank account is kept when not sent again. */
export const UpdateFundApplicationSchema = z
  .object({ version: z.number().int().min(1), ...applicationFields, bankAccount: BankAccountSchema.optional() })
  .strict();
export type UpdateFundApplication = z.infer<typeof UpdateFundApplicationSchema>;

export const FUND_ACTIONS = ['submit', 'approve', 'return', 'reject'] as const;
export type FundAction = (typeof FUND_ACTIONS)[number];

export const FundTransitionSchema = z
  .object({ version: z.number().int().min(1), action: z.enum(FUND_ACTIONS), comment: z.string().trim().max(2000).optional() })
  .strict()
  .refine((t) => (t.action !== 'return' && t.action !== 'reject') || !!t.comment, {
    path: ['comment'],
    message: 'returning or rejecting says why',
    params: { rule: 'comment_required' },
  });
export type FundTransition = z.infer<typeof FundTransitionSchema>;

export const RecordFundObjectionSchema = z
  .object({ objector: z.string().trim().min(1).max(100), content: z.string().trim().min(1).max(4000) })
  .strict();
export type RecordFundObjection = z.infer<typeof RecordFundObjectionSchema>;

export const ResolveFundObjectionSchema = z.object({ upheld: z.boolean(), resolution: z.string().trim().min(1).max(4000) }).strict();
export type ResolveFundObjection = z.infer<typeof ResolveFundObjectionSchema>;
export const FundObjectionParamsSchema = z.object({ id: z.uuid(), objectionId: z.uuid() }).strict();

/** An award decision: the first awards, later ones change the amount — always with a reason. */
export const DecideFundAwardSchema = z
  .object({ version: z.number().int().min(1), amount: YuanSchema.optional(), reason: z.string().trim().min(1).max(2000) })
  .strict();
export type DecideFundAward = z.infer<typeof DecideFundAwardSchema>;

export const RecordFundTrancheSchema = z
  .object({ amount: YuanSchema, paidOn: IsoDateSchema, reference: z.string().trim().min(1).max(64) })
  .strict()
  .refine((t) => t.amount !== '0' && !/^0+(\.0+)?$/.test(t.amount), {
    path: ['amount'],
    message: 'a tranche pays something',
    params: { rule: 'positive' },
  });
export type RecordFundTranche = z.infer<typeof RecordFundTrancheSchema>;

export const FundEligibilitySchema = z.object({
  eligible: z.boolean(),
  reasons: z.array(FundReasonSchema),
  checkedAt: z.iso.datetime({ offset: true }),
});

export const FundApplicationSummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  programmeId: z.uuid(),
  programmeNameZh: z.string(),
  programmeNameEn: z.string(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  districtId: z.uuid(),
  districtName: z.string(),
  projectId: z.uuid(),
  projectTitle: z.string(),
  state: z.enum(FUND_APPLICATION_STATES),
  requestedAmount: z.string(),
  awardedAmount: z.string().nullable(),
  disbursedAmount: z.string(),
  publicityEndsOn: z.iso.date().nullable(),
  submittedAt: z.iso.datetime({ offset: true }).nullable(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type FundApplicationSummary = z.infer<typeof FundApplicationSummarySchema>;

const actorStamp = { actorName: z.string(), at: z.iso.datetime({ offset: true }) };

export const FundApplicationSchema = FundApplicationSummarySchema.extend({
  factoryId: z.uuid().nullable(),
  networkId: z.uuid().nullable(),
  selectionApplicationId: z.uuid().nullable(),
  level: z.string().nullable(),
  description: z.string().nullable(),
  bankName: z.string(),
  /** Only the last four digits; the number itself is never answered. */
  bankAccountMasked: z.string(),
  /** For a draft or returned application judged now; otherwise as judged at the last submission or award. */
  eligibility: FundEligibilitySchema.nullable(),
  /** The most the award rule allows for this application, when it can be computed. */
  ceiling: z.string().nullable(),
  evidence: z.array(
    z.object({ file: StoredFileSchema, kind: z.enum(FUND_EVIDENCE_KINDS), number: z.string().nullable(), amount: z.string().nullable() }),
  ),
  events: z.array(
    z.object({
      action: z.string(),
      fromState: z.enum(FUND_APPLICATION_STATES).nullable(),
      toState: z.enum(FUND_APPLICATION_STATES),
      comment: z.string().nullable(),
      ...actorStamp,
    }),
  ),
  objections: z.array(
    z.object({
      id: z.uuid(),
      objector: z.string(),
      content: z.string(),
      upheld: z.boolean().nullable(),
      resolution: z.string().nullable(),
      ...actorStamp,
    }),
  ),
  decisions: z.array(z.object({ seq: z.number().int(), amount: z.string(), ceiling: z.string(), reason: z.string(), ...actorStamp })),
  tranches: z.array(z.object({ seq: z.number().int(), amount: z.string(), paidOn: z.iso.date(), reference: z.string(), ...actorStamp })),
  /** What the caller may do now (the console shows these buttons). */
  actions: z.array(z.enum([...FUND_ACTIONS, 'edit', 'object', 'award', 'revise', 'disburse'])),
  version: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type FundApplication = z.infer<typeof FundApplicationSchema>;

export const FundApplicationListQuerySchema = ListQuerySchema.extend({
  programmeId: z.uuid().optional(),
  state: z.enum(FUND_APPLICATION_STATES).optional(),
  districtId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
}).strict();
export type FundApplicationListQuery = z.infer<typeof FundApplicationListQuerySchema>;
