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
  // Reviews that hold up (issue #12 item 6)
  'scores_missing',
  'score_locked',
  'score_not_submitted',
  'expert_conflicted',
  'conflict_declared',
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
  expertsPerApplication: z.number().int().min(1).max(15),
  aggregation: z.enum(AGGREGATIONS),
  conflictRules: ConflictRulesSchema,
  /** 匿名评审: experts do not see the applicant's name, district or the district's recommendation. */
  blind: z.boolean(),
};

/** Defaults apply when a round is created only: an update leaves out what it does not change. */
export const CreateRoundSchema = z
  .object({
    ...roundFields,
    expertsPerApplication: roundFields.expertsPerApplication.default(3),
    aggregation: roundFields.aggregation.default('trimmed_mean'),
    conflictRules: ConflictRulesSchema.default({ ownEnterprise: true, ownDistrict: true }),
    blind: roundFields.blind.default(false),
  })
  .strict();
export type CreateRound = z.infer<typeof CreateRoundSchema>;
export const UpdateRoundSchema = z.object({ version: z.number().int(), ...z.object(roundFields).partial().shape }).strict();
export type UpdateRound = z.infer<typeof UpdateRoundSchema>;

export const ROUND_ACTIONS = ['open', 'close_applications', 'start_review', 'close_review', 'start_publicity', 'publish'] as const;
export type RoundAction = (typeof ROUND_ACTIONS)[number];
export const RoundTransitionSchema = z
  .object({
    version: z.number().int(),
    action: z.enum(ROUND_ACTIONS),
    publicityEnd: IsoDateSchema.optional(),
    /** Closing the review while assigned scores are missing needs the organiser's recorded reason. */
    overrideReason: z.string().trim().min(1).max(2000).optional(),
  })
  .strict();
export type RoundTransition = z.infer<typeof RoundTransitionSchema>;

export const RoundSchema = z.object({
  id: z.uuid(),
  ...z.object(roundFields).required().shape,
  description: z.string().nullable(),
  stage: z.enum(ROUND_STAGES),
  publicityEnd: z.string().nullable(),
  /** Set when the review was closed with assigned scores missing: who, when, why, how many were missing. */
  closeOverride: z.object({ reason: z.string(), missing: z.number().int(), by: z.string(), at: z.string() }).nullable(),
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
  /** Scored and reopened by the organiser: the expert may score again. */
  reopened: z.boolean(),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

export const ScoreInputSchema = z
  .object({ scores: z.record(z.string(), z.number().min(0)), comment: z.string().trim().max(4000).optional() })
  .strict();
export type ScoreInput = z.infer<typeof ScoreInputSchema>;

export const ObjectionInputSchema = z.object({ content: z.string().trim().min(1).max(4000) }).strict();
export const ResolveObjectionSchema = z.object({ upheld: z.boolean(), resolution: z.string().trim().min(1).max(2000) }).strict();

/**
 * What an application's final score was computed from (stated with the score): the method, how many
 * experts were assigned, how many scores counted, how many were missing, and which totals were kept
 * and which trimmed (去掉一个最高分和一个最低分).
 */
export const ScoreBasisSchema = z.object({
  method: z.enum(AGGREGATIONS),
  assigned: z.number().int(),
  counted: z.number().int(),
  missing: z.number().int(),
  kept: z.array(z.number()),
  trimmed: z.array(z.number()),
});
export type ScoreBasis = z.infer<typeof ScoreBasisSchema>;

export const ApplicationSchema = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  /** Null (with the names and the district's comment) for experts in a blind round: see `blind`. */
  enterpriseId: z.uuid().nullable(),
  enterpriseName: z.string().nullable(),
  districtId: z.uuid().nullable(),
  districtName: z.string().nullable(),
  subjectId: z.uuid(),
  /** In a blind round experts get the application's anonymous code here instead of the subject's name. */
  subjectName: z.string(),
  /** True when this answer was redacted for a blind round (匿名评审). */
  blind: z.boolean(),
  narrative: z.string(),
  attachments: z.array(z.object({ fileId: z.uuid(), name: z.string() })),
  status: z.enum(APPLICATION_STATUSES),
  districtComment: z.string().nullable(),
  /** Visible once the round is closed (and to organisers before). */
  finalScore: z.number().nullable(),
  rank: z.number().int().nullable(),
  scoreBasis: ScoreBasisSchema.nullable(),
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
  /** A submitted score is locked; the organiser may reopen it with a reason. */
  locked: z.boolean(),
  reopened: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable(),
});
export type Score = z.infer<typeof ScoreSchema>;

export const ReasonInputSchema = z.object({ reason: z.string().trim().min(1).max(2000) }).strict();
export type ReasonInput = z.infer<typeof ReasonInputSchema>;

export const SCORE_EVENTS = ['submitted', 'reopened', 'resubmitted'] as const;
/** One entry of a score's history: every submission, reopening and new submission, never overwritten. */
export const ScoreVersionSchema = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  expertId: z.uuid(),
  expertName: z.string(),
  event: z.enum(SCORE_EVENTS),
  oldTotal: z.number().nullable(),
  newTotal: z.number().nullable(),
  oldScores: z.record(z.string(), z.number()).nullable(),
  newScores: z.record(z.string(), z.number()).nullable(),
  by: z.string(),
  at: z.string(),
  reason: z.string().nullable(),
});
export type ScoreVersion = z.infer<typeof ScoreVersionSchema>;

/** 回避申明: an expert's own declaration of a conflict of interest, which takes them off the application. */
export const ConflictDeclarationSchema = z.object({
  applicationId: z.uuid(),
  expertId: z.uuid(),
  expertName: z.string(),
  reason: z.string(),
  declaredAt: z.string(),
});
export type ConflictDeclaration = z.infer<typeof ConflictDeclarationSchema>;

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
