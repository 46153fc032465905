import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { storedFile } from '../../platform/files/file.table.js';
import { appUser } from '../accounts/account.table.js';
import { organisation } from '../organisations/organisation.table.js';

type ScoreBasis = {
  method: 'trimmed_mean' | 'mean';
  assigned: number;
  counted: number;
  missing: number;
  kept: number[];
  trimmed: number[];
};
type Criterion = { key: string; nameZh: string; nameEn: string; weight: number; maxScore: number };

/** A selection round (遴选): a call with a weighted rubric, deadline, quota and review rules. */
export const selectionRound = pgTable(
  'selection_round',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    kind: text('kind', { enum: ['benchmark_factory', 'typical_case', 'other'] }).notNull(),
    subjectType: text('subject_type', { enum: ['factory', 'project'] }).notNull(),
    title: text('title').notNull(),
    description: text('description'),
    year: integer('year').notNull(),
    rubric: jsonb('rubric').$type<Criterion[]>().notNull(),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    quota: integer('quota').notNull(),
    expertsPerApplication: integer('experts_per_application').notNull(),
    aggregation: text('aggregation', { enum: ['trimmed_mean', 'mean'] }).notNull(),
    conflictRules: jsonb('conflict_rules').$type<{ ownEnterprise: boolean; ownDistrict: boolean }>().notNull(),
    stage: text('stage', { enum: ['draft', 'open', 'district_review', 'expert_review', 'closed', 'publicity', 'published'] })
      .notNull()
      .default('draft'),
    /** 匿名评审: experts do not see the applicant's name, district or recommendation (redacted by the server). */
    blind: boolean('blind').notNull().default(false),
    /** The review closed with assigned scores missing: the organiser's recorded override. */
    closeOverride: jsonb('close_override').$type<{ reason: string; missing: number; by: string; at: string }>(),
    publicityEnd: date('publicity_end'),
    /** When the round was published: T-APP-3/4 count from then on. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('selection_round_kind_stage_idx').on(t.kind, t.stage)],
);

export const selectionApplication = pgTable(
  'selection_application',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    roundId: uuid('round_id')
      .notNull()
      .references(() => selectionRound.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisation.id),
    districtId: uuid('district_id')
      .notNull()
      .references(() => organisation.id),
    /** The factory or project applied with (per the round's subject type). */
    subjectId: uuid('subject_id').notNull(),
    subjectName: text('subject_name').notNull(),
    narrative: text('narrative').notNull(),
    status: text('status', { enum: ['submitted', 'recommended', 'not_recommended', 'withdrawn'] }).notNull(),
    districtComment: text('district_comment'),
    finalScore: doublePrecision('final_score'),
    /** What the final score used: method, assigned / counted / missing scores, totals kept and trimmed. */
    scoreBasis: jsonb('score_basis').$type<ScoreBasis>(),
    rank: integer('rank'),
    selected: boolean('selected').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('selection_application_round_id_idx').on(t.roundId),
    index('selection_application_enterprise_id_idx').on(t.enterpriseId),
    index('selection_application_district_id_idx').on(t.districtId),
    uniqueIndex('selection_application_round_subject_uq').on(t.roundId, t.subjectId),
  ],
);

export const selectionAttachment = pgTable(
  'selection_attachment',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => selectionApplication.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFile.id),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.fileId] }), index('selection_attachment_file_id_idx').on(t.fileId)],
);

export const selectionAssignment = pgTable(
  'selection_assignment',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => selectionApplication.id, { onDelete: 'cascade' }),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => appUser.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
    /** Filled when the expert submits; one score sheet per assignment. */
    scores: jsonb('scores').$type<Record<string, number>>(),
    total: doublePrecision('total'),
    comment: text('comment'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** Set when the organiser reopens a submitted (locked) score; cleared when the expert submits again. */
    reopenedAt: timestamp('reopened_at', { withTimezone: true }),
    reopenedBy: text('reopened_by'),
    reopenReason: text('reopen_reason'),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.expertId] }), index('selection_assignment_expert_id_idx').on(t.expertId)],
);

export const selectionObjection = pgTable(
  'selection_objection',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => selectionApplication.id),
    content: text('content').notNull(),
    raisedById: uuid('raised_by_id'),
    raisedBy: text('raised_by').notNull(),
    status: text('status', { enum: ['open', 'upheld', 'dismissed'] })
      .notNull()
      .default('open'),
    resolution: text('resolution'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('selection_objection_application_id_idx').on(t.applicationId)],
);

/**
 * The history of every score sheet (never updated or deleted): each submission, reopening and new
 * submission with the old and new values, who, when and why.
 */
export const selectionScoreVersion = pgTable(
  'selection_score_version',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => selectionApplication.id, { onDelete: 'cascade' }),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => appUser.id),
    event: text('event', { enum: ['submitted', 'reopened', 'resubmitted'] }).notNull(),
    oldScores: jsonb('old_scores').$type<Record<string, number>>(),
    oldTotal: doublePrecision('old_total'),
    newScores: jsonb('new_scores').$type<Record<string, number>>(),
    newTotal: doublePrecision('new_total'),
    byId: uuid('by_id'),
    byName: text('by_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    reason: text('reason'),
  },
  (t) => [index('selection_score_version_application_idx').on(t.applicationId, t.at)],
);

/** 回避申明: an expert declared a conflict of interest with an application; they stay off it. */
export const selectionConflictDeclaration = pgTable(
  'selection_conflict_declaration',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => selectionApplication.id, { onDelete: 'cascade' }),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => appUser.id),
    reason: text('reason').notNull(),
    declaredAt: timestamp('declared_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.expertId] }), index('selection_conflict_declaration_expert_idx').on(t.expertId)],
);

/** An expert's affiliation, for conflict-of-interest rules. */
export const expertProfile = pgTable(
  'expert_profile',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => appUser.id),
    affiliationOrgId: uuid('affiliation_org_id').references(() => organisation.id),
    districtId: uuid('district_id').references(() => organisation.id),
    specialties: text('specialties'),
  },
  (t) => [index('expert_profile_affiliation_idx').on(t.affiliationOrgId), index('expert_profile_district_idx').on(t.districtId)],
);

/** The public page of a published typical case (T-APP-4): background, solution, network, benefits, images. */
export const selectionCase = pgTable('selection_case', {
  applicationId: uuid('application_id')
    .primaryKey()
    .references(() => selectionApplication.id),
  background: text('background').notNull(),
  solution: text('solution').notNull(),
  network: text('network').notNull(),
  benefits: jsonb('benefits').$type<Array<{ label: string; value: number; unit: string }>>().notNull(),
  imageIds: jsonb('image_ids').$type<string[]>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
