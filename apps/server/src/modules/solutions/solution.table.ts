import { DELIVERY_MODELS, PRICE_BANDS, SOLUTION_STATES, type SolutionContact, type SolutionReference } from '@suilian/contracts';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisation } from '../organisations/organisation.table.js';

/** A provider's or operator's solution (解决方案, issue #15 item 2): draft → submitted → published / returned → retired. */
export const solution = pgTable(
  'solution',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => organisation.id),
    title: text('title').notNull(),
    summary: text('summary'),
    /** GB/T 4754 divisions (industry code list). */
    industries: text('industries').array().notNull().default(sql`'{}'::text[]`),
    /** Scenario code list codes. */
    scenarios: text('scenarios').array().notNull().default(sql`'{}'::text[]`),
    capabilities: text('capabilities').array().notNull().default(sql`'{}'::text[]`),
    priceBand: text('price_band', { enum: PRICE_BANDS }),
    deploymentWeeks: integer('deployment_weeks'),
    deliveryModel: text('delivery_model', { enum: DELIVERY_MODELS }),
    references: jsonb('references').$type<SolutionReference[]>().notNull().default([]),
    certifications: text('certifications').array().notNull().default(sql`'{}'::text[]`),
    contacts: jsonb('contacts').$type<SolutionContact[]>().notNull().default([]),
    state: text('state', { enum: SOLUTION_STATES }).notNull().default('draft'),
    reviewComment: text('review_comment'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('solution_provider_id_idx').on(t.providerId), index('solution_state_idx').on(t.state, t.publishedAt)],
);
