import { z } from 'zod';
import { ListQuerySchema, sortOf } from './common.js';

/**
 * Providers' solutions (解决方案, "小快轻准"; issue #15 item 2): a provider or operator describes what it
 * sells; the city reviews it before it is published in the catalogue and to matching.
 */
export const SOLUTION_STATES = ['draft', 'submitted', 'published', 'returned', 'retired'] as const;
export type SolutionState = (typeof SOLUTION_STATES)[number];

export const SOLUTION_ACTIONS = ['submit', 'publish', 'return', 'retire'] as const;
export type SolutionAction = (typeof SOLUTION_ACTIONS)[number];

export const DELIVERY_MODELS = ['saas', 'on_premises', 'hybrid'] as const;
export type DeliveryModel = (typeof DELIVERY_MODELS)[number];

/** Money bands in 万元, shared by solutions' prices and demands' budgets (ordered, cheapest first). */
export const PRICE_BANDS = ['under_10', '10_50', '50_200', '200_500', 'over_500'] as const;
export type PriceBand = (typeof PRICE_BANDS)[number];

const code = z.string().trim().min(1).max(32);

export const SolutionReferenceSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    enterpriseName: z.string().trim().max(200).nullable().optional(),
    year: z.number().int().min(2000).max(2100).nullable().optional(),
    /** A platform project the reference is, when it is one. */
    projectId: z.uuid().nullable().optional(),
  })
  .strict();
export type SolutionReference = z.infer<typeof SolutionReferenceSchema>;

export const SolutionContactSchema = z
  .object({
    name: z.string().trim().min(1).max(64),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9+\-() ]{5,24}$/, 'phone: digits, spaces, + - ( )')
      .nullable()
      .optional(),
    email: z.email().max(254).nullable().optional(),
  })
  .strict();
export type SolutionContact = z.infer<typeof SolutionContactSchema>;

const editable = {
  title: z.string().trim().min(1).max(120),
  summary: z.string().trim().max(4000).nullable().optional(),
  /** GB/T 4754 divisions (the industry code list). */
  industries: z.array(code).max(20).optional(),
  /** Codes of the scenario code list. */
  scenarios: z.array(code).max(20).optional(),
  capabilities: z.array(z.string().trim().min(1).max(60)).max(30).optional(),
  priceBand: z.enum(PRICE_BANDS).nullable().optional(),
  deploymentWeeks: z.number().int().min(1).max(260).nullable().optional(),
  deliveryModel: z.enum(DELIVERY_MODELS).nullable().optional(),
  references: z.array(SolutionReferenceSchema).max(30).optional(),
  certifications: z.array(z.string().trim().min(1).max(120)).max(20).optional(),
  contacts: z.array(SolutionContactSchema).max(10).optional(),
};

export const CreateSolutionSchema = z
  .object({
    /** The owning provider; providers' own accounts leave it out (their organisation). */
    providerId: z.uuid().optional(),
    ...editable,
  })
  .strict();
export type CreateSolution = z.infer<typeof CreateSolutionSchema>;

export const UpdateSolutionSchema = z.object({ version: z.number().int(), ...editable, title: editable.title.optional() }).strict();
export type UpdateSolution = z.infer<typeof UpdateSolutionSchema>;

export const SolutionTransitionInputSchema = z
  .object({
    version: z.number().int(),
    action: z.enum(SOLUTION_ACTIONS),
    comment: z.string().trim().max(2000).optional(),
  })
  .strict();
export type SolutionTransitionInput = z.infer<typeof SolutionTransitionInputSchema>;

const named = z.object({ code: z.string(), name: z.string() });

export const SolutionSchema = z.object({
  id: z.uuid(),
  providerId: z.uuid(),
  providerName: z.string(),
  providerDistrictId: z.uuid().nullable(),
  title: z.string(),
  summary: z.string().nullable(),
  industries: z.array(named),
  scenarios: z.array(named),
  capabilities: z.array(z.string()),
  priceBand: z.enum(PRICE_BANDS).nullable(),
  deploymentWeeks: z.number().int().nullable(),
  deliveryModel: z.enum(DELIVERY_MODELS).nullable(),
  references: z.array(SolutionReferenceSchema),
  certifications: z.array(z.string()),
  contacts: z.array(SolutionContactSchema),
  state: z.enum(SOLUTION_STATES),
  /** The city's comment when it returned the solution (or the last review comment). */
  reviewComment: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** The steps the caller may take now (the console's buttons). */
  actions: z.array(z.enum(SOLUTION_ACTIONS)),
  /** Whether the caller may edit its fields now. */
  editable: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Solution = z.infer<typeof SolutionSchema>;

export const SolutionListQuerySchema = ListQuerySchema.extend({
  state: z.enum(SOLUTION_STATES).optional(),
  industry: code.optional(),
  scenario: code.optional(),
  providerId: z.uuid().optional(),
  sort: sortOf(['title', 'updatedAt', 'publishedAt']),
}).strict();
export type SolutionListQuery = z.infer<typeof SolutionListQuerySchema>;

/** What anyone may read of a published solution: no contacts (personal data stays inside; issue #15 item 7). */
export const PublicSolutionSchema = SolutionSchema.pick({
  id: true,
  providerName: true,
  title: true,
  summary: true,
  industries: true,
  scenarios: true,
  capabilities: true,
  priceBand: true,
  deploymentWeeks: true,
  deliveryModel: true,
  certifications: true,
  publishedAt: true,
}).extend({ referenceCount: z.number().int() });
export type PublicSolution = z.infer<typeof PublicSolutionSchema>;

export const PublicSolutionQuerySchema = ListQuerySchema.extend({
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
  industry: code.optional(),
  scenario: code.optional(),
}).strict();
export type PublicSolutionQuery = z.infer<typeof PublicSolutionQuerySchema>;
