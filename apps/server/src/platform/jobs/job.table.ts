import { sql } from 'drizzle-orm';
import { customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * Long work (imports, exports) run by whichever server instance takes it from the queue
 * (ADR 0012); the row is how the client follows it. org_id and created_by_id carry no foreign
 * key: platform tables know no module (the same as stored_file).
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
    /** The named handler that runs it; null for jobs of the in-process era (before ADR 0012). */
    handler: text('handler'),
    /** Runs begun so far; a run writes only while it is the latest (a fence against a presumed-dead one). */
    attempts: integer('attempts').notNull().default(0),
  },
  (t) => [
    index('job_created_by_id_idx').on(t.createdById, t.createdAt),
    index('job_org_id_idx').on(t.orgId),
    // The reconciler reads the unfinished jobs only.
    index('job_open_idx').on(t.createdAt).where(sql`status IN ('queued', 'running')`),
  ],
);

/**
 * The files a job works on (an upload, a directory of advisories), kept in the database so any
 * instance can run the job, and deleted when the job ends.
 */
export const jobInput = pgTable(
  'job_input',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => job.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    name: text('name').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.ordinal] })],
);
