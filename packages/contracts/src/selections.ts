import { z } from 'zod';
import { IsoDateSchema, IsoDateTimeSchema, ListQuerySchema } from './common.js';
import type { Permission } from './roles.js';

/** Selection rounds (遴选, issue #3 item 4): 5G factory benchmarks (T-APP-3), typical cases (T-APP-4), others. */
export const SELECTION_KINDS = ['benchmark_factory', 'typical_case', 'other'] as const;
export const SELECTION_SUBJECTS = ['factory', 'project'] as const;
export const ROUND_STAGES = ['draft', 'open', 'district_review', 'expert_review', 'closed', 'publicity', 'published'] as const;
export type RoundStage = (typeof ROUND_STAGES)[number];
export const APPLICATION_STATUSES = ['submitted', 'recommended', 'not_recommended', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const AGGREGATIONS = ['trimmed_mean', 'mean'] as const;

/**
 * Stable codes of the rules a selection request can break, sent as `details.rule` of a CONFLICT
 * refusal or as `rule` of a field issue (alongside `conflict_of_interest`), for the console to
 * translate. The English message stays for API users; these codes never change meaning.
 */
export const SELECTION_REFUSALS = [
  'round_not_open',
  'deadline_passed',
  'own_subject',
  'recommend_stage',
  'application_withdrawn',
  'assign_stage',
  'not_recommended',
  'expert',
  'experts_per_application',
  'not_assigned',
  'already_scored',
  'score_stage',
  'rubric_fixed',
  'stage_order',
  'future',
  'publicity_running',
  'objections_open',
  'publicity_stage',
  'objection_resolved',
  'not_typical_case',
  'not_selected',
  'image',
  'exists',
  'missing',
  'unknown',
  'range',
] as const;
export type SelectionRefusal = (typeof SELECTION_REFUSALS)[number];

/**
 * Any selection permission: everyone who takes part in rounds (organisers, applicants, district
 * officers, experts, readers) may open them; which rounds and applications is decided by the server.
 */
export const SELECTION_PARTICIPANTS = [
  'selection:read',
  'selection:manage',
  'selection:apply',
  'selection:recommend',
  'selection:review',
] as const satisfies readonly Permission[];

export const CriterionSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'key: lower-case letters, digits, _'),
    nameZh: z.string().trim().min(1).max(64),
    nameEn: z.string().trim().min(1).max(128),
    weight: z.number().positive().max(100),
    maxScore: z.number().int().min(1).max(100),
  })
  .strict();
export type Criterion = z.infer<typeof CriterionSchema>;

export const ConflictRulesSchema = z.object({ ownEnterprise: z.boolean().default(true), ownDistrict: z.boolean().default(true) }).strict();
export type ConflictRules = z.infer<typeof ConflictRulesSchema>;

const roundFields = {
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(8000).nullable().optional(),
  kind: z.enum(SELECTION_KINDS),
  subjectType: z.enum(SELECTION_SUBJECTS),
  year: z.number().int().min(2025).max(2030),
  rubric: z
    .array(CriterionSchema)
    .min(1)
    .max(20)
    .refine((c) => new Set(c.map((x) => x.key)).size === c.length, { message: 'criterion keys must be unique' }),
  deadline: IsoDateTimeSchema,
  quota: z.number().int().min(1).max(1000),
  expertsPerApplication: z.number().int().min(1).max(15).default(3),
  aggregation: z.enum(AGGREGATIONS).default('trimmed_mean'),
  conflictRules: ConflictRulesSchema.default({ ownEnterprise: true, ownDistrict: true }),
};

export const CreateRoundSchema = z.object(roundFields).strict();
export type CreateRound = z.infer<typeof CreateRoundSchema>;
export const UpdateRoundSchema = z.object({ version: z.number().int(), ...z.object(roundFields).partial().shape }).strict();
export type UpdateRound = z.infer<typeof UpdateRoundSchema>;

export const ROUND_ACTIONS = ['open', 'close_applications', 'start_review', 'close_review', 'start_publicity', 'publish'] as const;
export type RoundAction = (typeof ROUND_ACTIONS)[number];
export const RoundTransitionSchema = z
  .object({ version: z.number().int(), action: z.enum(ROUND_ACTIONS), publicityEnd: IsoDateSchema.optional() })
  .strict();
export type RoundTransition = z.infer<typeof RoundTransitionSchema>;

export const RoundSchema = z.object({
  id: z.uuid(),
  ...z.object(roundFields).required().shape,
  description: z.string().nullable(),
  stage: z.enum(ROUND_STAGES),
  publicityEnd: z.string().nullable(),
  applicationCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Round = z.infer<typeof RoundSchema>;

export const ApplyInputSchema = z
  .object({
    subjectId: z.uuid(),
    narrative: z.string().trim().min(1).max(20000),
    attachments: z.array(z.uuid()).max(20).optional(),
  })
  .strict();
export type ApplyInput = z.infer<typeof ApplyInputSchema>;

export const RecommendInputSchema = z.object({ recommended: z.boolean(), comment: z.string().trim().max(2000).optional() }).strict();

export const AssignInputSchema = z.object({ expertIds: z.array(z.uuid()).min(1).max(15) }).strict();
export const AssignmentParamsSchema = z.object({ id: z.uuid(), applicationId: z.uuid(), expertId: z.uuid() }).strict();

/** An expert assigned to an application, for organisers (unassigning is possible until they score). */
export const AssignmentSchema = z.object({
  expertId: z.uuid(),
  expertName: z.string(),
  assignedAt: z.string(),
  scored: z.boolean(),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

export const ScoreInputSchema = z
  .object({ scores: z.record(z.string(), z.number().min(0)), comment: z.string().trim().max(4000).optional() })
  .strict();
export type ScoreInput = z.infer<typeof ScoreInputSchema>;

export const ObjectionInputSchema = z.object({ content: z.string().trim().min(1).max(4000) }).strict();
export const ResolveObjectionSchema = z.object({ upheld: z.boolean(), resolution: z.string().trim().min(1).max(2000) }).strict();

export const ApplicationSchema = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  districtId: z.uuid(),
  districtName: z.string(),
  subjectId: z.uuid(),
  subjectName: z.string(),
  narrative: z.string(),
  attachments: z.array(z.object({ fileId: z.uuid(), name: z.string() })),
  status: z.enum(APPLICATION_STATUSES),
  districtComment: z.string().nullable(),
  /** Visible once the round is closed (and to organisers before). */
  finalScore: z.number().nullable(),
  rank: z.number().int().nullable(),
  selected: z.boolean(),
  /** For organisers: how many assigned experts have scored. */
  assignedExperts: z.number().int(),
  submittedScores: z.number().int(),
  createdAt: z.string(),
});
export type Application = z.infer<typeof ApplicationSchema>;

export const ScoreSchema = z.object({
  applicationId: z.uuid(),
  expertId: z.uuid(),
  expertName: z.string(),
  scores: z.record(z.string(), z.number()),
  total: z.number(),
  comment: z.string().nullable(),
  submittedAt: z.string(),
});
export type Score = z.infer<typeof ScoreSchema>;

export const ObjectionSchema = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  content: z.string(),
  raisedBy: z.string(),
  status: z.enum(['open', 'upheld', 'dismissed']),
  resolution: z.string().nullable(),
  createdAt: z.string(),
});
export type Objection = z.infer<typeof ObjectionSchema>;

export const RoundListQuerySchema = ListQuerySchema.extend({
  kind: z.enum(SELECTION_KINDS).optional(),
  stage: z.enum(ROUND_STAGES).optional(),
  year: z.coerce.number().int().optional(),
}).strict();
export type RoundListQuery = z.infer<typeof RoundListQuerySchema>;

export const ApplicationParamsSchema = z.object({ id: z.uuid(), applicationId: z.uuid() }).strict();
export const ObjectionParamsSchema = z.object({ id: z.uuid(), objectionId: z.uuid() }).strict();

export const CaseInputSchema = z
  .object({
    background: z.string().trim().min(1).max(8000),
    solution: z.string().trim().min(1).max(8000),
    network: z.string().trim().min(1).max(4000),
    benefits: z
      .array(z.object({ label: z.string().trim().min(1).max(64), value: z.number(), unit: z.string().trim().max(16) }).strict())
      .min(1)
      .max(20),
    imageIds: z.array(z.uuid()).max(12).default([]),
  })
  .strict();
export type CaseInput = z.infer<typeof CaseInputSchema>;

export const CaseSchema = z.object({
  applicationId: z.uuid(),
  roundId: z.uuid(),
  roundTitle: z.string(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  districtName: z.string(),
  subjectName: z.string(),
  background: z.string(),
  solution: z.string(),
  network: z.string(),
  benefits: z.array(z.object({ label: z.string(), value: z.number(), unit: z.string() })),
  imageIds: z.array(z.uuid()),
  published: z.boolean(),
  updatedAt: z.string(),
});
export type Case = z.infer<typeof CaseSchema>;

export const ExpertProfileInputSchema = z
  .object({
    affiliationOrgId: z.uuid().nullable(),
    districtId: z.uuid().nullable(),
    specialties: z.string().trim().max(500).nullable().optional(),
  })
  .strict();
export const ExpertSchema = z.object({
  userId: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  affiliationOrgId: z.uuid().nullable(),
  affiliationName: z.string().nullable(),
  districtId: z.uuid().nullable(),
  specialties: z.string().nullable(),
});
export type Expert = z.infer<typeof ExpertSchema>;
