import type { TemplateItem } from '@suilian/contracts';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisation } from '../organisations/organisation.table.js';
import type { StoredValue } from './logic/values.js';

/**
 * Prefixes the platform serves (`served`, owned by the city) and the derived prefixes delegated to
 * enterprises. `prefix` is the canonical spelling; `prefix_key` (ASCII upper-cased) keeps two
 * spellings of one prefix from coexisting.
 */
export const handlePrefix = pgTable(
  'handle_prefix',
  {
    prefix: text('prefix').primaryKey(),
    prefixKey: text('prefix_key').notNull(),
    parentPrefix: text('parent_prefix').references((): AnyPgColumn => handlePrefix.prefix),
    served: boolean('served').notNull().default(false),
    ownerOrgId: uuid('owner_org_id')
      .notNull()
      .references(() => organisation.id),
    status: text('status').notNull().default('active'),
    description: text('description'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('handle_prefix_key_uq').on(t.prefixKey),
    index('handle_prefix_parent_idx').on(t.parentPrefix),
    index('handle_prefix_owner_idx').on(t.ownerOrgId),
  ],
);

/** The administrator group of a prefix: organisations whose users and tokens administer its handles. */
export const handlePrefixAdmin = pgTable(
  'handle_prefix_admin',
  {
    prefix: text('prefix')
      .notNull()
      .references(() => handlePrefix.prefix, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisation.id),
  },
  (t) => [primaryKey({ columns: [t.prefix, t.orgId] }), index('handle_prefix_admin_org_idx').on(t.orgId)],
);

/** IDIS metadata templates: per prefix and GB/T 4754 class, versions are immutable once written. */
export const handleTemplate = pgTable(
  'handle_template',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    prefix: text('prefix')
      .notNull()
      .references(() => handlePrefix.prefix),
    industryCode: text('industry_code').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    items: jsonb('items').$type<TemplateItem[]>().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('handle_template_version_uq').on(t.prefix, t.industryCode, t.version)],
);

/**
 * One row per handle, its values as one JSONB array (a resolution is one primary-key read). The GIN
 * index over the values' data answers reverse lookups by containment: which handles carry this value.
 */
export const handleRecord = pgTable(
  'handle_record',
  {
    handleKey: text('handle_key').primaryKey(),
    handle: text('handle').notNull(),
    prefix: text('prefix')
      .notNull()
      .references(() => handlePrefix.prefix),
    handleValues: jsonb('handle_values').$type<StoredValue[]>().notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('handle_record_prefix_key_idx').on(t.prefix, t.handleKey),
    // Only the data values are indexed (about a seventh of the entries of the whole array), so a
    // 2,000-item batch does not flush a large GIN pending list into a big index on every commit.
    index('handle_record_data_values_gin').using('gin', sql`jsonb_path_query_array(${t.handleValues}, '$[*].data.value') jsonb_path_ops`),
  ],
);

/**
 * Registrations and resolutions per prefix and China Standard Time day; resolutions are added in
 * batches from in-memory counters. The dashboard's indicators read this table (per district through
 * handle_prefix.owner_org_id → organisation.district_id).
 */
export const handleStatDaily = pgTable(
  'handle_stat_daily',
  {
    prefix: text('prefix')
      .notNull()
      .references(() => handlePrefix.prefix),
    day: date('day').notNull(),
    registrations: integer('registrations').notNull().default(0),
    resolutions: integer('resolutions').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.prefix, t.day] })],
);
