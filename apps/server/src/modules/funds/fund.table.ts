import type { FundAwardRule, FundEligibilityRule, FundReason } from '@suilian/contracts';
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
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
import { project } from '../projects/project.table.js';

const STATES = ['draft', 'submitted', 'returned', 'city_review', 'publicity', 'awarded', 'disbursed', 'rejected'] as const;

/** A special-fund programme (专项资金, issue #16 item 1): its rules are data, judged by contracts' fund-rules. */
export const fundProgramme = pgTable('fund_programme', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  policyBasis: text('policy_basis').notNull(),
  description: text('description'),
  eligibility: jsonb('eligibility').$type<FundEligibilityRule[]>().notNull(),
  awardRule: jsonb('award_rule').$type<FundAwardRule>().notNull(),
  opensOn: date('opens_on').notNull(),
  /** The last day applications are submitted (inclusive, China Standard Time). */
  closesOn: date('closes_on').notNull(),
  publicityDays: integer('publicity_days').notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
  createdBy: uuid('created_by').references(() => appUser.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  version: integer('version').notNull().default(1),
});

/** A programme's budget of one year, in yuan. */
export const fundBudget = pgTable(
  'fund_budget',
  {
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => fundProgramme.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    amount: numeric('amount', { precision: 16, scale: 2 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.year] })],
);

/**
 * An enterprise's application. The bank account number is stored only sealed (SM4, context
 * `fund-application:<id>:bank-account`) with a mask of its last four digits; `awarded_amount` is
 * the amount of the latest award decision and changes only with a new decision.
 */
export const fundApplication = pgTable(
  'fund_application',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => fundProgramme.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisation.id),
    districtId: uuid('district_id')
      .notNull()
      .references(() => organisation.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id),
    factoryId: uuid('factory_id'),
    networkId: uuid('network_id'),
    selectionApplicationId: uuid('selection_application_id'),
    requestedAmount: numeric('requested_amount', { precision: 16, scale: 2 }).notNull(),
    level: text('level'),
    description: text('description'),
    bankName: text('bank_name').notNull(),
    bankAccountSealed: text('bank_account_sealed').notNull(),
    bankAccountMasked: text('bank_account_masked').notNull(),
    state: text('state', { enum: STATES }).notNull().default('draft'),
    eligibilityReasons: jsonb('eligibility_reasons').$type<FundReason[]>(),
    eligibilityCheckedAt: timestamp('eligibility_checked_at', { withTimezone: true }),
    publicityEndsOn: date('publicity_ends_on'),
    awardedAmount: numeric('awarded_amount', { precision: 16, scale: 2 }),
    isDemo: boolean('is_demo').notNull().default(false),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('fund_application_code_uq').on(t.code),
    index('fund_application_programme_state_idx').on(t.programmeId, t.state),
    index('fund_application_enterprise_id_idx').on(t.enterpriseId),
    index('fund_application_district_state_idx').on(t.districtId, t.state),
    index('fund_application_project_id_idx').on(t.projectId),
  ],
);

/** Invoices, contracts, acceptance reports … with the number each carries. */
export const fundEvidence = pgTable(
  'fund_evidence',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => fundApplication.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFile.id),
    kind: text('kind', { enum: ['invoice', 'contract', 'acceptance_report', 'other'] }).notNull(),
    number: text('number'),
    amount: numeric('amount', { precision: 16, scale: 2 }),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.position] }),
    index('fund_evidence_file_id_idx').on(t.fileId),
    index('fund_evidence_number_idx').on(t.kind, t.number),
  ],
);

const actorColumns = () => ({
  actorId: uuid('actor_id'),
  actorName: text('actor_name').notNull(),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
});

/** The timeline of an application: every transition with its comment (also in the audit log). */
export const fundEvent = pgTable(
  'fund_event',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => fundApplication.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromState: text('from_state', { enum: STATES }),
    toState: text('to_state', { enum: STATES }).notNull(),
    comment: text('comment'),
    ...actorColumns(),
  },
  (t) => [index('fund_event_application_id_idx').on(t.applicationId, t.occurredAt)],
);

/** Objections received during 公示, and how each was resolved. */
export const fundObjection = pgTable(
  'fund_objection',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => fundApplication.id, { onDelete: 'cascade' }),
    objector: text('objector').notNull(),
    content: text('content').notNull(),
    upheld: boolean('upheld'),
    resolution: text('resolution'),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    ...actorColumns(),
  },
  (t) => [index('fund_objection_application_id_idx').on(t.applicationId)],
);

/** Award decisions, numbered per application: a changed amount is a new decision with its reason, never an edit. */
export const fundAwardDecision = pgTable(
  'fund_award_decision',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => fundApplication.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    amount: numeric('amount', { precision: 16, scale: 2 }).notNull(),
    /** The award rule's ceiling when decided. */
    ceiling: numeric('ceiling', { precision: 16, scale: 2 }).notNull(),
    reason: text('reason').notNull(),
    ...actorColumns(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.seq] })],
);

/** Disbursement tranches, numbered per application. */
export const fundTranche = pgTable(
  'fund_tranche',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => fundApplication.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    amount: numeric('amount', { precision: 16, scale: 2 }).notNull(),
    paidOn: date('paid_on').notNull(),
    reference: text('reference').notNull(),
    ...actorColumns(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.seq] })],
);
