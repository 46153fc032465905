import { sql } from 'drizzle-orm';
import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Uploaded files. Content lives on disk under DATA_DIR/files by SHA-256 (deduplicated, outside any
 * web root); this row carries the name, the sniffed type and whose scope it belongs to.
 */
export const storedFile = pgTable(
  'stored_file',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mediaType: text('media_type').notNull(),
    name: text('name').notNull(),
    uploadedById: uuid('uploaded_by_id'),
    uploadedBy: text('uploaded_by').notNull(),
    /** Organisation and district of the uploader: who may read the file. */
    orgId: uuid('org_id').notNull(),
    districtId: uuid('district_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('stored_file_org_id_idx').on(t.orgId), index('stored_file_sha256_idx').on(t.sha256)],
);
