import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/account.table.js';
import { organisation } from '../organisations/organisation.table.js';
import { vulnerability } from './advisory.table.js';

/** An early-warning notice (预警通报) drafted by a security analyst and published to the affected enterprises. */
export const vulnNotice = pgTable(
  'vuln_notice',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** 穗联预警〔2026〕N号, given on publish. */
    number: text('number'),
    title: text('title').notNull(),
    grade: text('grade', { enum: ['critical', 'high', 'medium', 'low'] }).notNull(),
    summary: text('summary').notNull(),
    affectedScope: text('affected_scope').notNull(),
    mitigations: text('mitigations').notNull(),
    responseDeadline: date('response_deadline').notNull(),
    status: text('status', { enum: ['draft', 'published'] }).notNull(),
    createdById: uuid('created_by_id').references(() => appUser.id),
    publishedById: uuid('published_by_id').references(() => appUser.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('vuln_notice_number_uq').on(t.number),
    index('vuln_notice_created_by_idx').on(t.createdById),
    index('vuln_notice_published_by_idx').on(t.publishedById),
  ],
);

export const vulnNoticeVulnerability = pgTable(
  'vuln_notice_vulnerability',
  {
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => vulnNotice.id),
    vulnerabilityId: uuid('vulnerability_id')
      .notNull()
      .references(() => vulnerability.id),
  },
  (t) => [
    uniqueIndex('vuln_notice_vulnerability_uq').on(t.noticeId, t.vulnerabilityId),
    index('vuln_notice_vulnerability_vuln_idx').on(t.vulnerabilityId),
  ],
);

/** An enterprise a published notice went to, with its acknowledgement and response. */
export const vulnNoticeRecipient = pgTable(
  'vuln_notice_recipient',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => vulnNotice.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisation.id),
    districtId: uuid('district_id').references(() => organisation.id),
    /** Affected assets of the enterprise when the notice was published. */
    assetCount: integer('asset_count').notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedById: uuid('acknowledged_by_id').references(() => appUser.id),
    response: text('response'),
    responseStatus: text('response_status', { enum: ['mitigated', 'in_progress', 'not_applicable'] }),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    respondedById: uuid('responded_by_id').references(() => appUser.id),
  },
  (t) => [
    uniqueIndex('vuln_notice_recipient_uq').on(t.noticeId, t.enterpriseId),
    index('vuln_notice_recipient_enterprise_idx').on(t.enterpriseId),
    index('vuln_notice_recipient_district_idx').on(t.districtId),
    index('vuln_notice_recipient_ack_by_idx').on(t.acknowledgedById),
    index('vuln_notice_recipient_resp_by_idx').on(t.respondedById),
  ],
);
