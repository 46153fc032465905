import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/account.table.js';
import { organisation } from '../organisations/organisation.table.js';
import { vulnerability } from './advisory.table.js';
import { vulnAsset } from './asset.table.js';

const GRADES = ['critical', 'high', 'medium', 'low'] as const;
const STATES = [
  'new',
  'confirmed',
  'false_positive',
  'not_affected',
  'remediating',
  'fixed_awaiting_verification',
  'verified_closed',
  'risk_accepted',
  'reopened',
] as const;

/** A finding per (asset, vulnerability): the closed loop of verification → remediation → re-verification. */
export const vulnFinding = pgTable(
  'vuln_finding',
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
    state: text('state', { enum: STATES }).notNull(),
    grade: text('grade', { enum: GRADES }).notNull(),
    /** How it was first seen: a match against the inventory or a scan. */
    origin: text('origin', { enum: ['match', 'scan'] }).notNull(),
    /** The scan scope (enterprise + scan name) that last reported it; "closed if absent" works per scope. */
    scanKey: text('scan_key'),
    vexJustification: text('vex_justification'),
    plan: text('plan'),
    remediationOwner: text('remediation_owner'),
    remediationDue: date('remediation_due'),
    /** When the finding is overdue by its grade's SLA (from detection; reset on reopen). */
    slaDueAt: timestamp('sla_due_at', { withTimezone: true }).notNull(),
    fixedById: uuid('fixed_by_id').references(() => appUser.id),
    fixedAt: timestamp('fixed_at', { withTimezone: true }),
    verifiedById: uuid('verified_by_id').references(() => appUser.id),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    riskApproverId: uuid('risk_approver_id').references(() => appUser.id),
    riskAcceptedUntil: date('risk_accepted_until'),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The SLA due date an escalation was sent for (sent once per due date). */
    escalatedFor: timestamp('escalated_for', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('vuln_finding_asset_vulnerability_uq').on(t.assetId, t.vulnerabilityId),
    index('vuln_finding_vulnerability_idx').on(t.vulnerabilityId),
    index('vuln_finding_enterprise_idx').on(t.enterpriseId),
    index('vuln_finding_district_idx').on(t.districtId),
    index('vuln_finding_state_idx').on(t.state, t.slaDueAt),
    index('vuln_finding_scan_key_idx').on(t.scanKey),
    index('vuln_finding_fixed_by_idx').on(t.fixedById),
    index('vuln_finding_verified_by_idx').on(t.verifiedById),
    index('vuln_finding_risk_approver_idx').on(t.riskApproverId),
  ],
);

/** The finding's history: every state change with who, when and why. */
export const vulnFindingEvent = pgTable(
  'vuln_finding_event',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    findingId: uuid('finding_id')
      .notNull()
      .references(() => vulnFinding.id),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    action: text('action').notNull(),
    actorId: uuid('actor_id').references(() => appUser.id),
    actorName: text('actor_name').notNull(),
    note: text('note'),
    data: jsonb('data'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('vuln_finding_event_finding_idx').on(t.findingId, t.at), index('vuln_finding_event_actor_idx').on(t.actorId)],
);

/** One imported scan result file for an enterprise, with its reconcile counts. */
export const vulnScan = pgTable(
  'vuln_scan',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisation.id),
    districtId: uuid('district_id').references(() => organisation.id),
    /** The scan scope: re-imports of one name reconcile against each other. */
    name: text('name').notNull(),
    format: text('format', { enum: ['csv', 'json'] }).notNull(),
    fileName: text('file_name').notNull(),
    counts: jsonb('counts')
      .$type<{ new: number; unchanged: number; closed: number; reactivated: number; rows: number; assetsCreated: number }>()
      .notNull(),
    createdById: uuid('created_by_id').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('vuln_scan_enterprise_idx').on(t.enterpriseId, t.name),
    index('vuln_scan_district_idx').on(t.districtId),
    index('vuln_scan_created_by_idx').on(t.createdById),
  ],
);

/** One host/product line of a scan file and the asset it resolved to. */
export const vulnScanResult = pgTable(
  'vuln_scan_result',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    scanId: uuid('scan_id')
      .notNull()
      .references(() => vulnScan.id),
    row: integer('row').notNull(),
    host: text('host').notNull(),
    vendor: text('vendor').notNull(),
    product: text('product').notNull(),
    model: text('model'),
    firmwareVersion: text('firmware_version'),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => vulnAsset.id),
  },
  (t) => [index('vuln_scan_result_scan_idx').on(t.scanId), index('vuln_scan_result_asset_idx').on(t.assetId)],
);

/** Days to remediate by grade (超危 7 / 高危 30 / 中危 90 / 低危 120 by default); city admins change them. */
export const vulnSla = pgTable('vuln_sla', {
  grade: text('grade', { enum: GRADES }).primaryKey(),
  days: integer('days').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
