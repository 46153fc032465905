import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Long work (imports, exports) run in-process after the request returned; the row is how the
 * client follows it. org_id and created_by_id carry no foreign key: platform tables know no module
 * (the same as stored_file).
 */
export const job = pgTable(
  'job',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    kind: text('kind').notNull(),
    status: text('status', { enum: ['queued', 'running', 'succeeded', 'failed'] })
      .notNull()
      .default('queued'),
    progress: integer('progress').notNull().default(0),
    total: integer('total').notNull().default(0),
    message: text('message'),
    result: jsonb('result'),
    createdById: uuid('created_by_id'),
    /** Set when an API token started the job (its user id is null), so the token can follow it. */
    createdByTokenId: uuid('created_by_token_id'),
    orgId: uuid('org_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('job_created_by_id_idx').on(t.createdById, t.createdAt), index('job_org_id_idx').on(t.orgId)],
);
