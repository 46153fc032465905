import type { DatasetSource } from '@suilian/contracts';
import { sql } from 'drizzle-orm';
import { customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/account.table.js';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** A cell of a dataset's table, as stored for uploaded statistics and as generated. */
export type DatasetCell = string | number | null;
export type DatasetRow = Record<string, DatasetCell>;

/**
 * The dataset catalogue (数据目录, issue #16 item 3). `source` is a registered query over the
 * platform's own data or an uploaded statistics table, whose checked rows are kept in `upload_rows`.
 */
export const dataset = pgTable(
  'dataset',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    code: text('code').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    descriptionZh: text('description_zh').notNull(),
    descriptionEn: text('description_en').notNull(),
    publisher: text('publisher').notNull(),
    theme: text('theme', { enum: ['ECON', 'TECH', 'GOVE', 'REGI'] }).notNull(),
    keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
    licence: text('licence', { enum: ['CC-BY-4.0', 'CC0-1.0', 'ODC-By-1.0', 'restricted'] }).notNull(),
    frequency: text('frequency', { enum: ['daily', 'monthly', 'quarterly', 'annual', 'irregular'] }).notNull(),
    accessLevel: text('access_level', { enum: ['public', 'registered', 'internal'] }).notNull(),
    temporalStart: date('temporal_start'),
    temporalEnd: date('temporal_end'),
    spatial: text('spatial').notNull(),
    source: jsonb('source').$type<DatasetSource>().notNull(),
    uploadRows: jsonb('upload_rows').$type<DatasetRow[]>(),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('dataset_code_key').on(t.code),
    index('dataset_access_level_idx').on(t.accessLevel),
    index('dataset_created_by_idx').on(t.createdBy),
  ],
);

/**
 * A generated distribution (CSV, JSON, XLSX) with its bytes. `fingerprint` is the SHA-256 of the
 * rows it was generated from: a refresh regenerates only when the data changed.
 */
export const datasetDistribution = pgTable(
  'dataset_distribution',
  {
    datasetId: uuid('dataset_id')
      .notNull()
      .references(() => dataset.id, { onDelete: 'cascade' }),
    format: text('format', { enum: ['csv', 'json', 'xlsx'] }).notNull(),
    content: bytea('content').notNull(),
    byteSize: integer('byte_size').notNull(),
    checksum: text('checksum').notNull(),
    rowCount: integer('row_count').notNull(),
    fingerprint: text('fingerprint').notNull(),
    modifiedAt: timestamp('modified_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.datasetId, t.format] })],
);
