import type { ProgressReportData } from '@suilian/contracts';
import { sql } from 'drizzle-orm';
import { customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { job } from '../../platform/jobs/job.table.js';
import { appUser } from '../accounts/account.table.js';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * A quarterly progress report as issued: the figures it was built from, its HTML snapshot and its
 * PDF, so a report once generated never changes when data or code do (ADR 0007).
 */
export const progressReport = pgTable(
  'progress_report',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    quarter: text('quarter').notNull(),
    /** The date the figures are as of: the quarter's last day, or the generation day while the quarter runs. */
    asOf: text('as_of').notNull(),
    title: text('title').notNull(),
    status: text('status', { enum: ['generating', 'ready', 'failed'] }).notNull(),
    jobId: uuid('job_id').references(() => job.id, { onDelete: 'set null' }),
    data: jsonb('data').$type<ProgressReportData>(),
    html: text('html'),
    pdf: bytea('pdf'),
    pdfBytes: integer('pdf_bytes'),
    error: text('error'),
    generatedById: uuid('generated_by_id').references(() => appUser.id, { onDelete: 'set null' }),
    generatedByName: text('generated_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('progress_report_quarter_idx').on(t.quarter, t.createdAt),
    index('progress_report_job_idx').on(t.jobId),
    index('progress_report_generated_by_idx').on(t.generatedById),
  ],
);
