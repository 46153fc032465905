import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisation } from '../organisations/organisation.table.js';
import { dataSet } from './reporting.table.js';

/** A reminder sent for one form: at most one per (data set, period, district, kind) — the key makes it idempotent. */
export const reportingReminder = pgTable(
  'reporting_reminder',
  {
    dataSetCode: text('data_set_code')
      .notNull()
      .references(() => dataSet.code),
    period: text('period').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisation.id),
    kind: text('kind', { enum: ['due', 'overdue'] }).notNull(),
    deadline: text('deadline').notNull(),
    recipients: integer('recipients').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.dataSetCode, t.period, t.orgId, t.kind] })],
);
