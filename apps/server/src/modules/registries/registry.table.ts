import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { confirmationColumns } from '../../platform/confirmation/confirmation.js';
import { storedFile } from '../../platform/files/file.table.js';
import { organisation } from '../organisations/organisation.table.js';

/**
 * One table for the ecosystem registries (ADR 0004): the type's own fields in `data` (validated by
 * its Zod schema), and the fields indicators count and filter by promoted to columns.
 */
export const registryRecord = pgTable(
  'registry_record',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    registry: text('registry').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisation.id),
    districtId: uuid('district_id').references(() => organisation.id),
    title: text('title').notNull(),
    recordDate: date('record_date').notNull(),
    kind: text('kind'),
    quantity: integer('quantity'),
    /** Natural key where the type has one (patent number, standard number): unique per registry. */
    uniqueKey: text('unique_key'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    ...confirmationColumns(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('registry_record_registry_date_idx').on(t.registry, t.recordDate),
    index('registry_record_org_id_idx').on(t.orgId),
    index('registry_record_district_id_idx').on(t.districtId),
    uniqueIndex('registry_record_unique_key_uq').on(t.registry, t.uniqueKey),
    index('registry_record_confirmation_idx').on(t.confirmationState, t.districtId),
    index('registry_record_confirmation_file_id_idx').on(t.confirmationFileId),
  ],
);

export const registryAttachment = pgTable(
  'registry_attachment',
  {
    recordId: uuid('record_id')
      .notNull()
      .references(() => registryRecord.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFile.id),
  },
  (t) => [primaryKey({ columns: [t.recordId, t.fileId] }), index('registry_attachment_file_id_idx').on(t.fileId)],
);
