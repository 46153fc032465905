import { z } from 'zod';
import { IsoDateSchema, ListQuerySchema } from './common.js';
import { YuanSchema } from './fund-rules.js';

/**
 * 产融合作 (issue #15 item 5): enterprises send financing requests for a project to one or more banks;
 * each bank routed to answers with an offer or declines with a reason; the enterprise accepts one
 * offer or withdraws; the accepting bank closes the request once the loan is granted. Money is yuan
 * as a decimal string.
 */
export const FINANCING_STATES = ['draft', 'submitted', 'accepted', 'withdrawn', 'closed'] as const;
export type FinancingState = (typeof FINANCING_STATES)[number];

/** Where one bank stands on a request routed to it. */
export const FINANCING_ROUTE_STATES = ['pending', 'offered', 'declined'] as const;
export type FinancingRouteState = (typeof FINANCING_ROUTE_STATES)[number];

/** Kinds of security offered: credit, mortgage, pledge of goods, pledge of IP, receivables, a guarantor. */
export const COLLATERAL_KINDS = ['credit', 'mortgage', 'pledge', 'ip_pledge', 'receivables', 'guarantee'] as const;
export type CollateralKind = (typeof COLLATERAL_KINDS)[number];

/** A positive amount of yuan (rule `positive` for zero). */
export const PositiveYuanSchema = YuanSchema.refine((v) => !/^0+(\.0+)?$/.test(v), {
  message: 'an amount above zero',
  params: { rule: 'positive' },
});

const requestFields = {
  projectId: z.uuid(),
  amount: PositiveYuanSchema,
  termMonths: z.number().int().min(1).max(360),
  purpose: z.string().trim().min(1).max(2000),
  collateralKind: z.enum(COLLATERAL_KINDS),
  collateralNote: z.string().trim().max(1000).nullable().optional(),
  /** The banks the enterprise sends it to (organisations of kind bank). */
  bankIds: z
    .array(z.uuid())
    .min(1)
    .max(10)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'each bank once', params: { rule: 'unique_bank' } }),
};

export const CreateFinancingRequestSchema = z.object(requestFields).strict();
export type CreateFinancingRequest = z.infer<typeof CreateFinancingRequestSchema>;

export const UpdateFinancingRequestSchema = z.object({ version: z.number().int().min(1), ...requestFields }).strict();
export type UpdateFinancingRequest = z.infer<typeof UpdateFinancingRequestSchema>;

/** The enterprise's steps: submit a draft, withdraw a submitted request; the accepting bank closes. */
export const FINANCING_ACTIONS = ['submit', 'withdraw', 'close'] as const;
export type FinancingAction = (typeof FINANCING_ACTIONS)[number];

export const FinancingTransitionSchema = z
  .object({ version: z.number().int().min(1), action: z.enum(FINANCING_ACTIONS), comment: z.string().trim().max(1000).optional() })
  .strict();
export type FinancingTransition = z.infer<typeof FinancingTransitionSchema>;

export const CreateFinancingOfferSchema = z
  .object({
    amount: PositiveYuanSchema,
    /** Annual interest rate in percent, e.g. "3.45". */
    annualRate: z.string().regex(/^\d{1,2}(\.\d{1,4})?$/, 'a percentage with at most four decimals'),
    termMonths: z.number().int().min(1).max(360),
    conditions: z.string().trim().max(2000).nullable().optional(),
    validUntil: IsoDateSchema,
  })
  .strict()
  .refine((o) => Number(o.annualRate) > 0 && Number(o.annualRate) <= 24, {
    path: ['annualRate'],
    message: 'above 0 and at most 24 percent',
    params: { rule: 'rate_range' },
  });
export type CreateFinancingOffer = z.infer<typeof CreateFinancingOfferSchema>;

export const DeclineFinancingSchema = z.object({ reason: z.string().trim().min(1).max(1000) }).strict();
export type DeclineFinancing = z.infer<typeof DeclineFinancingSchema>;

export const AcceptFinancingOfferSchema = z.object({ version: z.number().int().min(1) }).strict();
export type AcceptFinancingOffer = z.infer<typeof AcceptFinancingOfferSchema>;

export const FinancingOfferParamsSchema = z.object({ id: z.uuid(), offerId: z.uuid() }).strict();

export const FinancingOfferSchema = z.object({
  id: z.uuid(),
  amount: z.string(),
  annualRate: z.string(),
  termMonths: z.number().int(),
  conditions: z.string().nullable(),
  validUntil: z.iso.date(),
  /** Past its validity date (China time): it can no longer be accepted. */
  expired: z.boolean(),
  offeredBy: z.string(),
  offeredAt: z.string(),
});
export type FinancingOffer = z.infer<typeof FinancingOfferSchema>;

/** One bank's place on a request: its answer, and its offer when it made one. */
export const FinancingRouteSchema = z.object({
  bankId: z.uuid(),
  bankName: z.string(),
  state: z.enum(FINANCING_ROUTE_STATES),
  declineReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  offer: FinancingOfferSchema.nullable(),
});
export type FinancingRoute = z.infer<typeof FinancingRouteSchema>;

export const FinancingRequestSummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  districtId: z.uuid(),
  districtName: z.string(),
  projectId: z.uuid(),
  projectTitle: z.string(),
  amount: z.string(),
  termMonths: z.number().int(),
  collateralKind: z.enum(COLLATERAL_KINDS),
  state: z.enum(FINANCING_STATES),
  /** For a bank's user: where its own bank stands; null for everyone else. */
  myRouteState: z.enum(FINANCING_ROUTE_STATES).nullable(),
  bankCount: z.number().int(),
  offerCount: z.number().int(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type FinancingRequestSummary = z.infer<typeof FinancingRequestSummarySchema>;

export const FINANCING_STEPS = ['edit', 'submit', 'withdraw', 'accept', 'offer', 'decline', 'close'] as const;
export type FinancingStep = (typeof FINANCING_STEPS)[number];

export const FinancingRequestSchema = FinancingRequestSummarySchema.extend({
  purpose: z.string(),
  collateralNote: z.string().nullable(),
  /** The banks chosen (before submission) or routed to (after), each with its answer. */
  routes: z.array(FinancingRouteSchema),
  acceptedOfferId: z.uuid().nullable(),
  closedAt: z.string().nullable(),
  /** What the caller may do now (the console shows these buttons). */
  actions: z.array(z.enum(FINANCING_STEPS)),
  version: z.number().int(),
  createdAt: z.string(),
});
export type FinancingRequest = z.infer<typeof FinancingRequestSchema>;

export const FinancingListQuerySchema = ListQuerySchema.extend({
  state: z.enum(FINANCING_STATES).optional(),
  districtId: z.uuid().optional(),
  bankId: z.uuid().optional(),
});
export type FinancingListQuery = z.infer<typeof FinancingListQuerySchema>;

export const FinancingBankSchema = z.object({ id: z.uuid(), name: z.string(), nameEn: z.string().nullable() });
export type FinancingBank = z.infer<typeof FinancingBankSchema>;

/** Volumes in reach (drafts never count): by state, by district, by bank. */
export const FinancingStatisticsSchema = z.object({
  byState: z.array(z.object({ state: z.enum(FINANCING_STATES), count: z.number().int(), amount: z.string() })),
  byDistrict: z.array(
    z.object({
      districtId: z.uuid(),
      districtName: z.string(),
      requests: z.number().int(),
      requestedAmount: z.string(),
      acceptedAmount: z.string(),
    }),
  ),
  byBank: z.array(
    z.object({
      bankId: z.uuid(),
      bankName: z.string(),
      routed: z.number().int(),
      offered: z.number().int(),
      declined: z.number().int(),
      accepted: z.number().int(),
      offeredAmount: z.string(),
      acceptedAmount: z.string(),
    }),
  ),
});
export type FinancingStatistics = z.infer<typeof FinancingStatisticsSchema>;
