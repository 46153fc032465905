import type { WhitePaperChapter, WhitePaperSnapshot } from '@suilian/contracts';
import { sql } from 'drizzle-orm';
import { customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/account.table.js';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * A white paper edition (白皮书, issue #16 item 4): its number, the snapshot of figures it states,
 * the city's commentary per chapter and, once published, the HTML and PDF as issued — the figures
 * of a published edition never change when the data does (ADR 0007).
 */
export const whitePaper = pgTable(
  'white_paper',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    year: integer('year').notNull(),
    /** The edition's sequence within its year: 穗联白皮书〔year〕第sequence号. */
    sequence: integer('sequence').notNull(),
    period: text('period', { enum: ['year', 'h1', 'h2'] }).notNull(),
    number: text('number').notNull(),
    title: text('title').notNull(),
    asOf: text('as_of').notNull(),
    state: text('state', { enum: ['draft', 'in_review', 'published'] }).notNull(),
    snapshot: jsonb('snapshot').$type<WhitePaperSnapshot>().notNull(),
    snapshotTakenAt: timestamp('snapshot_taken_at', { withTimezone: true }).notNull(),
    commentary: jsonb('commentary').$type<Partial<Record<WhitePaperChapter, string>>>().notNull(),
    reviewComment: text('review_comment'),
    html: text('html'),
    pdf: bytea('pdf'),
    pdfBytes: integer('pdf_bytes'),
    issuedOn: text('issued_on'),
    createdById: uuid('created_by_id').references(() => appUser.id, { onDelete: 'set null' }),
    createdByName: text('created_by_name').notNull(),
    submittedById: uuid('submitted_by_id').references(() => appUser.id, { onDelete: 'set null' }),
    publishedByName: text('published_by_name'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('white_paper_number_idx').on(t.year, t.sequence),
    // One edition per period: a second 2026年上半年 would contradict the first.
    uniqueIndex('white_paper_period_idx').on(t.year, t.period),
    index('white_paper_created_by_idx').on(t.createdById),
    index('white_paper_submitted_by_idx').on(t.submittedById),
  ],
);
