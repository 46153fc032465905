import { boolean, date, doublePrecision, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * An indicator is data (issue #4 item 1): the 16 plan targets are seeded rows, and new ones can be
 * added without code. `counter` names a record count implemented in indicator.repo.ts.
 */
export const indicator = pgTable('indicator', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  group: text('group', { enum: ['infrastructure', 'application', 'ecosystem', 'public_service'] }).notNull(),
  unit: text('unit').notNull(),
  kind: text('kind', { enum: ['cumulative', 'new_since_start', 'record_count', 'formula'] }).notNull(),
  source: text('source', { enum: ['records', 'data_elements', 'indicators'] }).notNull(),
  comparator: text('comparator', { enum: ['at_least', 'reach'] }).notNull(),
  target: doublePrecision('target').notNull(),
  targetDate: date('target_date').notNull(),
  baseline: doublePrecision('baseline').notNull().default(0),
  baselineDate: date('baseline_date').notNull(),
  /** Optional annual milestones {date: value}; without them the path is a straight line. */
  milestones: jsonb('milestones').$type<Record<string, number>>(),
  /** Pace thresholds as shares of the expected value: below atRisk → at risk, below behind → behind. */
  thresholds: jsonb('thresholds').$type<{ atRisk: number; behind: number }>().notNull(),
  counter: text('counter'),
  formula: text('formula'),
  definitionZh: text('definition_zh').notNull(),
  definitionEn: text('definition_en').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  isPlanTarget: boolean('is_plan_target').notNull().default(false),
  /** Shown on the public dashboard and in open data; new indicators are internal until marked. */
  isPublic: boolean('is_public').notNull().default(false),
  /** A retired indicator keeps its history and code but leaves the lists and the dashboard. */
  retiredAt: timestamp('retired_at', { withTimezone: true }),
  retiredReason: text('retired_reason'),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
