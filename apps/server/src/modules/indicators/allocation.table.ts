import { sql } from 'drizzle-orm';
import { doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisation } from '../organisations/organisation.table.js';
import { indicator } from './indicator.table.js';

/**
 * 目标分解 (issue #12 item 5): append-only versions of each district's allocation of an indicator's
 * target — share (percent of the city target) or absolute; a version with mode null removes it.
 * The latest version per (indicator, district) is in force.
 */
export const indicatorAllocation = pgTable(
  'indicator_allocation',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    indicatorCode: text('indicator_code')
      .notNull()
      .references(() => indicator.code),
    districtId: uuid('district_id')
      .notNull()
      .references(() => organisation.id),
    mode: text('mode', { enum: ['share', 'absolute'] }),
    amount: doublePrecision('amount'),
    version: integer('version').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('indicator_allocation_version_idx').on(t.indicatorCode, t.districtId, t.version),
    index('indicator_allocation_district_id_idx').on(t.districtId),
  ],
);
