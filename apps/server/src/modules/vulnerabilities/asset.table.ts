import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/account.table.js';
import { organisation } from '../organisations/organisation.table.js';
import { vulnerability } from './advisory.table.js';

/** An industrial asset of an enterprise (PLC, HMI, gateway, SCADA server …). district_id is the enterprise's, kept for scoping. */
export const vulnAsset = pgTable(
  'vuln_asset',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisation.id),
    districtId: uuid('district_id').references(() => organisation.id),
    name: text('name'),
    vendor: text('vendor').notNull(),
    product: text('product').notNull(),
    /** 订货号 / model number. */
    model: text('model'),
    /** Firmware or software version as written. */
    firmwareVersion: text('firmware_version'),
    serial: text('serial'),
    /** Host name or IP address: how scan results find the asset. */
    host: text('host'),
    site: text('site'),
    zone: text('zone', { enum: ['IT', 'OT', 'DMZ'] }).notNull(),
    criticality: text('criticality', { enum: ['low', 'medium', 'high', 'critical'] }).notNull(),
    owner: text('owner'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('vuln_asset_enterprise_idx').on(t.enterpriseId),
    index('vuln_asset_district_idx').on(t.districtId),
    index('vuln_asset_host_idx').on(t.enterpriseId, t.host),
  ],
);

/** The matcher's latest verdict for (asset, vulnerability), with the reasons it gave. */
export const vulnMatch = pgTable(
  'vuln_match',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => vulnAsset.id),
    vulnerabilityId: uuid('vulnerability_id')
      .notNull()
      .references(() => vulnerability.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisation.id),
    districtId: uuid('district_id').references(() => organisation.id),
    verdict: text('verdict', { enum: ['affected', 'needs_review', 'not_affected'] }).notNull(),
    reasons: jsonb('reasons').$type<Array<{ kind: string; text: string; score?: number }>>().notNull(),
    /** Each product entry that spoke: advisory, product id, verdict and reasons. */
    evidence: jsonb('evidence').notNull(),
    /** An analyst's decision on a needs_review match. */
    reviewVerdict: text('review_verdict', { enum: ['affected', 'not_affected'] }),
    reviewedById: uuid('reviewed_by_id').references(() => appUser.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewNote: text('review_note'),
    matchedAt: timestamp('matched_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('vuln_match_asset_vulnerability_uq').on(t.assetId, t.vulnerabilityId),
    index('vuln_match_vulnerability_idx').on(t.vulnerabilityId),
    index('vuln_match_enterprise_idx').on(t.enterpriseId),
    index('vuln_match_district_idx').on(t.districtId),
    index('vuln_match_reviewed_by_idx').on(t.reviewedById),
  ],
);
