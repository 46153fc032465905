import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/account.table.js';

/**
 * One advisory per (source, tracking id): a CSAF document, a CVE record, or a record an analyst
 * entered (CNVD / CICSVD style). `document` is the raw text as imported, kept for re-extraction;
 * older imported versions live in vuln_advisory_revision.
 */
export const vulnAdvisory = pgTable(
  'vuln_advisory',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    source: text('source', { enum: ['csaf', 'cve', 'manual'] }).notNull(),
    /** CSAF document.tracking.id, the CVE id of a CVE record, or the CNVD id of a manual record. */
    trackingId: text('tracking_id').notNull(),
    /** CSAF tracking.version (or the CVE record's dateUpdated; manual: a counter). */
    trackingVersion: text('tracking_version').notNull(),
    title: text('title').notNull(),
    publisher: text('publisher'),
    initialReleaseAt: timestamp('initial_release_at', { withTimezone: true }),
    currentReleaseAt: timestamp('current_release_at', { withTimezone: true }),
    /** CSAF tracking.revision_history as published ({number, date, summary}[]). */
    revisionHistory: jsonb('revision_history').$type<Array<{ number: string; date: string; summary: string }>>().notNull(),
    document: jsonb('document').notNull(),
    sha256: text('sha256').notNull(),
    /** Extraction notes (skipped product ids …) for the import report. */
    warnings: jsonb('warnings').$type<string[]>().notNull(),
    importedById: uuid('imported_by_id').references(() => appUser.id),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('vuln_advisory_source_tracking_uq').on(t.source, t.trackingId),
    index('vuln_advisory_imported_by_idx').on(t.importedById),
  ],
);

/** Every version of an advisory ever imported, with its document: the history a newer revision keeps. */
export const vulnAdvisoryRevision = pgTable(
  'vuln_advisory_revision',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    advisoryId: uuid('advisory_id')
      .notNull()
      .references(() => vulnAdvisory.id),
    trackingVersion: text('tracking_version').notNull(),
    currentReleaseAt: timestamp('current_release_at', { withTimezone: true }),
    document: jsonb('document').notNull(),
    sha256: text('sha256').notNull(),
    /** What changed against the version before (vulnerabilities, entries added/removed). */
    summary: text('summary'),
    importedById: uuid('imported_by_id').references(() => appUser.id),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('vuln_advisory_revision_uq').on(t.advisoryId, t.trackingVersion),
    index('vuln_advisory_revision_imported_by_idx').on(t.importedById),
  ],
);

/**
 * A vulnerability, deduplicated across sources by `key`: the CVE id when there is one, else the
 * CNVD id, else the advisory's own id. Each source's product data stays in vuln_product_entry.
 */
export const vulnerability = pgTable(
  'vulnerability',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    key: text('key').notNull(),
    cve: text('cve'),
    cnvd: text('cnvd'),
    title: text('title').notNull(),
    titleZh: text('title_zh'),
    description: text('description'),
    cwe: text('cwe'),
    /** Highest computed base score of its scores (or the analyst's stated grade when there is no vector). */
    baseScore: doublePrecision('base_score'),
    grade: text('grade', { enum: ['critical', 'high', 'medium', 'low'] }),
    /** Some stated score differs from the recomputed one. */
    scoreDisagrees: boolean('score_disagrees').notNull().default(false),
    /** Manual records: 漏洞描述 / 解决方案 / 影响产品 as written (Chinese). */
    details: jsonb('details').$type<Record<string, string>>().notNull().default({}),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('vulnerability_key_uq').on(t.key),
    index('vulnerability_cve_idx').on(t.cve),
    index('vulnerability_grade_idx').on(t.grade),
  ],
);

/** Which advisories speak of which vulnerability (many to many). */
export const vulnAdvisoryVulnerability = pgTable(
  'vuln_advisory_vulnerability',
  {
    advisoryId: uuid('advisory_id')
      .notNull()
      .references(() => vulnAdvisory.id),
    vulnerabilityId: uuid('vulnerability_id')
      .notNull()
      .references(() => vulnerability.id),
  },
  (t) => [
    uniqueIndex('vuln_advisory_vulnerability_uq').on(t.advisoryId, t.vulnerabilityId),
    index('vuln_advisory_vulnerability_vuln_idx').on(t.vulnerabilityId),
  ],
);

/** One extracted (vulnerability × product) fact of one advisory — the matcher's input. */
export const vulnProductEntry = pgTable(
  'vuln_product_entry',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    advisoryId: uuid('advisory_id')
      .notNull()
      .references(() => vulnAdvisory.id),
    vulnerabilityId: uuid('vulnerability_id')
      .notNull()
      .references(() => vulnerability.id),
    source: text('source', { enum: ['csaf', 'cve', 'manual'] }).notNull(),
    productId: text('product_id').notNull(),
    vendor: text('vendor').notNull(),
    product: text('product').notNull(),
    productNames: jsonb('product_names').$type<string[]>().notNull(),
    fullName: text('full_name').notNull(),
    models: jsonb('models').$type<string[]>().notNull(),
    cpes: jsonb('cpes').$type<string[]>().notNull(),
    versionRaw: text('version_raw').notNull(),
    /** The parsed range (E's VersionRange) so a re-match needs no re-parse. */
    range: jsonb('range').notNull(),
    status: text('status').notNull(),
    platform: text('platform'),
  },
  (t) => [index('vuln_product_entry_advisory_idx').on(t.advisoryId), index('vuln_product_entry_vulnerability_idx').on(t.vulnerabilityId)],
);

/** A CVSS vector as stated by a source, with the score we recompute and whether they disagree. */
export const vulnScore = pgTable(
  'vuln_score',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    vulnerabilityId: uuid('vulnerability_id')
      .notNull()
      .references(() => vulnerability.id),
    advisoryId: uuid('advisory_id')
      .notNull()
      .references(() => vulnAdvisory.id),
    cvssVersion: text('cvss_version').notNull(),
    vector: text('vector').notNull(),
    statedScore: doublePrecision('stated_score'),
    computedScore: doublePrecision('computed_score'),
    severity: text('severity'),
    grade: text('grade', { enum: ['critical', 'high', 'medium', 'low'] }),
    disagrees: boolean('disagrees').notNull().default(false),
    /** Why the vector could not be scored. */
    error: text('error'),
  },
  (t) => [index('vuln_score_vulnerability_idx').on(t.vulnerabilityId), index('vuln_score_advisory_idx').on(t.advisoryId)],
);

/** Names that mean one vendor ("Siemens AG" = "Siemens" = "西门子"); analysts edit them. */
export const vendorAlias = pgTable(
  'vendor_alias',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    canonical: text('canonical').notNull(),
    names: jsonb('names').$type<string[]>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('vendor_alias_canonical_uq').on(t.canonical)],
);
