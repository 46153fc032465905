import { z } from 'zod';
import { ListQuerySchema, sortOf } from './common.js';
import { DELIVERY_MODELS, PRICE_BANDS } from './solutions.js';

/**
 * Enterprises' demands (需求, 供需对接; issue #15 item 3): posted by the enterprise or by its district
 * after a visit (企业转型需求挖掘), matched to published solutions, followed up as leads.
 */
export const DEMAND_STATES = ['open', 'closed'] as const;
export type DemandState = (typeof DEMAND_STATES)[number];

const code = z.string().trim().min(1).max(32);

const editable = {
  title: z.string().trim().min(1).max(120),
  problem: z.string().trim().min(1).max(4000),
  /** Codes of the scenario code list. */
  scenarios: z.array(code).max(10).optional(),
  /** A GB/T 4754 division (the industry code list). */
  industry: code.nullable().optional(),
  budgetBand: z.enum(PRICE_BANDS).nullable().optional(),
  /** Within how many weeks the enterprise wants it running. */
  timelineWeeks: z.number().int().min(1).max(260).nullable().optional(),
  attachments: z
    .array(z.object({ fileId: z.uuid() }).strict())
    .max(20)
    .optional(),
};

export const CreateDemandSchema = z
  .object({
    /** The enterprise; enterprises' own accounts leave it out; districts name one of theirs. */
    enterpriseId: z.uuid().optional(),
    ...editable,
  })
  .strict();
export type CreateDemand = z.infer<typeof CreateDemandSchema>;

export const UpdateDemandSchema = z
  .object({
    version: z.number().int(),
    ...editable,
    title: editable.title.optional(),
    problem: editable.problem.optional(),
    state: z.enum(DEMAND_STATES).optional(),
  })
  .strict();
export type UpdateDemand = z.infer<typeof UpdateDemandSchema>;

const named = z.object({ code: z.string(), name: z.string() });

export const DemandSchema = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  districtId: z.uuid(),
  districtName: z.string(),
  title: z.string(),
  problem: z.string(),
  scenarios: z.array(named),
  industry: named.nullable(),
  budgetBand: z.enum(PRICE_BANDS).nullable(),
  timelineWeeks: z.number().int().nullable(),
  state: z.enum(DEMAND_STATES),
  /** Posted by the district on the enterprise's behalf. */
  postedByDistrict: z.boolean(),
  attachments: z.array(z.object({ fileId: z.uuid(), name: z.string(), mediaType: z.string(), size: z.number().int() })),
  leadCount: z.number().int(),
  editable: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Demand = z.infer<typeof DemandSchema>;

export const DemandListQuerySchema = ListQuerySchema.extend({
  state: z.enum(DEMAND_STATES).optional(),
  districtId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  scenario: code.optional(),
  sort: sortOf(['createdAt', 'title']),
}).strict();
export type DemandListQuery = z.infer<typeof DemandListQuerySchema>;

/**
 * One contribution to a match score, as a code with its numbers (the console words it): `text` the
 * BM25 similarity of the texts with the shared terms, `industry` / `scenario` the shared codes,
 * `budget` the bands, `timeline` the weeks, `district` the shared district, `references` the
 * provider's reference projects in the demand's industry.
 */
export const MATCH_FACTORS = ['text', 'industry', 'scenario', 'budget', 'timeline', 'district', 'references'] as const;
export type MatchFactor = (typeof MATCH_FACTORS)[number];

export const MatchContributionSchema = z.object({
  factor: z.enum(MATCH_FACTORS),
  /** Points this factor adds to the score (0–100 scale overall). */
  points: z.number(),
  /** The factor's own measure from 0 to 1 before weighting. */
  similarity: z.number(),
  /** Shared terms or codes. */
  matched: z.array(z.string()),
  /** Numbers the explanation cites (e.g. demand's budget band and solution's price band). */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type MatchContribution = z.infer<typeof MatchContributionSchema>;

export const SolutionMatchSchema = z.object({
  solution: z.object({
    id: z.uuid(),
    title: z.string(),
    providerId: z.uuid(),
    providerName: z.string(),
    priceBand: z.enum(PRICE_BANDS).nullable(),
    deploymentWeeks: z.number().int().nullable(),
    deliveryModel: z.enum(DELIVERY_MODELS).nullable(),
  }),
  score: z.number(),
  rank: z.number().int(),
  contributions: z.array(MatchContributionSchema),
  /** The lead already opened for this pair, if any. */
  leadId: z.uuid().nullable(),
});
export type SolutionMatch = z.infer<typeof SolutionMatchSchema>;

export const DemandMatchSchema = z.object({
  demand: z.object({
    id: z.uuid(),
    title: z.string(),
    enterpriseName: z.string(),
    districtName: z.string(),
    budgetBand: z.enum(PRICE_BANDS).nullable(),
    createdAt: z.string(),
  }),
  /** The provider's best-matching solution for the demand. */
  solutionId: z.uuid(),
  solutionTitle: z.string(),
  score: z.number(),
  rank: z.number().int(),
  contributions: z.array(MatchContributionSchema),
  leadId: z.uuid().nullable(),
});
export type DemandMatch = z.infer<typeof DemandMatchSchema>;

export const MatchQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) }).strict();
export type MatchQuery = z.infer<typeof MatchQuerySchema>;

export const ProviderMatchQuerySchema = MatchQuerySchema.extend({
  /** City users name the provider; providers' own accounts leave it out. */
  providerId: z.uuid().optional(),
}).strict();
export type ProviderMatchQuery = z.infer<typeof ProviderMatchQuerySchema>;

// ---- Leads (对接线索) ----

export const LEAD_STATUSES = ['contact', 'proposal', 'deal', 'no_deal'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
export const NO_DEAL_REASONS = ['budget', 'timeline', 'capability', 'chose_other', 'no_response', 'other'] as const;
export type NoDealReason = (typeof NO_DEAL_REASONS)[number];

export const CreateLeadSchema = z
  .object({ demandId: z.uuid(), solutionId: z.uuid(), note: z.string().trim().max(2000).optional() })
  .strict();
export type CreateLead = z.infer<typeof CreateLeadSchema>;

export const LeadFollowUpSchema = z
  .object({
    version: z.number().int(),
    /** The next status; left out for a note only. */
    status: z.enum(LEAD_STATUSES).optional(),
    noDealReason: z.enum(NO_DEAL_REASONS).optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();
export type LeadFollowUp = z.infer<typeof LeadFollowUpSchema>;

export const LeadEventSchema = z.object({
  id: z.uuid(),
  fromStatus: z.enum(LEAD_STATUSES).nullable(),
  toStatus: z.enum(LEAD_STATUSES).nullable(),
  note: z.string().nullable(),
  actorName: z.string(),
  side: z.enum(['enterprise', 'provider', 'district', 'city']),
  occurredAt: z.string(),
});
export type LeadEvent = z.infer<typeof LeadEventSchema>;

export const LeadSchema = z.object({
  id: z.uuid(),
  demandId: z.uuid(),
  demandTitle: z.string(),
  solutionId: z.uuid(),
  solutionTitle: z.string(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  providerId: z.uuid(),
  providerName: z.string(),
  districtId: z.uuid(),
  status: z.enum(LEAD_STATUSES),
  noDealReason: z.enum(NO_DEAL_REASONS).nullable(),
  openedBy: z.enum(['enterprise', 'provider']),
  /** The match score when the lead was opened. */
  score: z.number().nullable(),
  firstResponseAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Statuses the caller may move the lead to now. */
  nextStatuses: z.array(z.enum(LEAD_STATUSES)),
  events: z.array(LeadEventSchema),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Lead = z.infer<typeof LeadSchema>;

export const LeadListQuerySchema = ListQuerySchema.extend({
  status: z.enum(LEAD_STATUSES).optional(),
  demandId: z.uuid().optional(),
  solutionId: z.uuid().optional(),
}).strict();
export type LeadListQuery = z.infer<typeof LeadListQuerySchema>;

/** Where a lead may go from each status (the provider moves it; either side adds notes). */
export const LEAD_NEXT: Readonly<Record<LeadStatus, readonly LeadStatus[]>> = {
  contact: ['proposal', 'no_deal'],
  proposal: ['deal', 'no_deal'],
  deal: [],
  no_deal: [],
};
