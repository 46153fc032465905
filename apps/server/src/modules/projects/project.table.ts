import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { storedFile } from '../../platform/files/file.table.js';
import { organisation } from '../organisations/organisation.table.js';

const STATES = [
  'draft',
  'submitted',
  'returned',
  'city_review',
  'rejected',
  'approved',
  'under_construction',
  'built',
  'accepted',
  'cancelled',
] as const;

/** A "5G+工业互联网" project declared by an enterprise (issue #3 item 2). */
export const project = pgTable(
  'project',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisation.id),
    districtId: uuid('district_id')
      .notNull()
      .references(() => organisation.id),
    filingId: text('filing_id'),
    state: text('state', { enum: STATES }).notNull().default('draft'),
    operatorId: uuid('operator_id').references(() => organisation.id),
    networkMode: text('network_mode', { enum: ['virtual', 'hybrid', 'dedicated'] }),
    investmentTotal: numeric('investment_total', { precision: 18, scale: 2 }),
    investment5g: numeric('investment_5g', { precision: 18, scale: 2 }),
    plannedStart: date('planned_start'),
    plannedEnd: date('planned_end'),
    actualStart: date('actual_start'),
    actualEnd: date('actual_end'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    /** Lower-cased searchable text, maintained by PostgreSQL; one trigram index serves every search (ADR 0005). */
    searchText: text('search_text').generatedAlwaysAs(
      sql`lower(title || ' ' || coalesce(description, '') || ' ' || code || ' ' || coalesce(filing_id, ''))`,
    ),
  },
  (t) => [
    index('project_search_text_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    uniqueIndex('project_code_uq').on(t.code),
    uniqueIndex('project_filing_id_uq').on(t.filingId),
    index('project_enterprise_id_idx').on(t.enterpriseId),
    index('project_district_state_idx').on(t.districtId, t.state),
    index('project_operator_id_idx').on(t.operatorId),
    index('project_state_idx').on(t.state),
  ],
);

/** Scenarios a project deploys: a code-list scenario or a custom one, each auxiliary or main production (S2-1). */
export const projectScenario = pgTable(
  'project_scenario',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    scenarioCode: text('scenario_code'),
    customName: text('custom_name'),
    category: text('category', { enum: ['auxiliary', 'main_production'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.position] }), index('project_scenario_code_idx').on(t.scenarioCode)],
);

export const projectAttachment = pgTable(
  'project_attachment',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFile.id),
    kind: text('kind', { enum: ['declaration', 'acceptance_report', 'photo', 'other'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.fileId] }), index('project_attachment_file_id_idx').on(t.fileId)],
);

/** The timeline: every transition with its comment (also in the audit log). */
export const projectEvent = pgTable(
  'project_event',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromState: text('from_state', { enum: STATES }),
    toState: text('to_state', { enum: STATES }).notNull(),
    comment: text('comment'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('project_event_project_id_idx').on(t.projectId, t.occurredAt)],
);
