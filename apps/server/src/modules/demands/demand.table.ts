import { DEMAND_STATES, LEAD_STATUSES, NO_DEAL_REASONS, PRICE_BANDS } from '@suilian/contracts';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { storedFile } from '../../platform/files/file.table.js';
import { organisation } from '../organisations/organisation.table.js';
import { solution } from '../solutions/solution.table.js';

/** An enterprise's demand (需求, issue #15 item 3), posted by the enterprise or its district on its behalf. */
export const demand = pgTable(
  'demand',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisation.id),
    districtId: uuid('district_id')
      .notNull()
      .references(() => organisation.id),
    title: text('title').notNull(),
    problem: text('problem').notNull(),
    scenarios: text('scenarios').array().notNull().default(sql`'{}'::text[]`),
    industry: text('industry'),
    budgetBand: text('budget_band', { enum: PRICE_BANDS }),
    timelineWeeks: integer('timeline_weeks'),
    state: text('state', { enum: DEMAND_STATES }).notNull().default('open'),
    postedByDistrict: boolean('posted_by_district').notNull().default(false),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('demand_enterprise_id_idx').on(t.enterpriseId),
    index('demand_district_id_idx').on(t.districtId),
    index('demand_state_idx').on(t.state, t.createdAt),
  ],
);

export const demandAttachment = pgTable(
  'demand_attachment',
  {
    demandId: uuid('demand_id')
      .notNull()
      .references(() => demand.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFile.id),
  },
  (t) => [primaryKey({ columns: [t.demandId, t.fileId] }), index('demand_attachment_file_id_idx').on(t.fileId)],
);

/** A lead (对接线索): one demand × one solution, followed up contact → proposal → deal / no deal. */
export const lead = pgTable(
  'lead',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    demandId: uuid('demand_id')
      .notNull()
      .references(() => demand.id),
    solutionId: uuid('solution_id')
      .notNull()
      .references(() => solution.id),
    /** Copied from the demand and the solution, so policies and lists filter without joins. */
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisation.id),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => organisation.id),
    districtId: uuid('district_id')
      .notNull()
      .references(() => organisation.id),
    status: text('status', { enum: LEAD_STATUSES }).notNull().default('contact'),
    noDealReason: text('no_deal_reason', { enum: NO_DEAL_REASONS }),
    openedBy: text('opened_by', { enum: ['enterprise', 'provider'] }).notNull(),
    score: real('score'),
    /** When the other side first answered (time to first response feeds an indicator later). */
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('lead_demand_solution_uq').on(t.demandId, t.solutionId),
    index('lead_solution_id_idx').on(t.solutionId),
    index('lead_enterprise_id_idx').on(t.enterpriseId),
    index('lead_provider_id_idx').on(t.providerId),
    index('lead_district_id_idx').on(t.districtId),
  ],
);

/** A follow-up record of a lead: a note and/or a status step. */
export const leadEvent = pgTable(
  'lead_event',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => lead.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status', { enum: LEAD_STATUSES }),
    toStatus: text('to_status', { enum: LEAD_STATUSES }),
    note: text('note'),
    actorName: text('actor_name').notNull(),
    side: text('side', { enum: ['enterprise', 'provider', 'district', 'city'] }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('lead_event_lead_id_idx').on(t.leadId, t.occurredAt)],
);
