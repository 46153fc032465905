import { and, asc, count, eq, getTableColumns, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { escapeLike } from '../../db/like.js';
import { dataset, datasetDistribution } from './dataset.table.js';

export type DatasetRecord = typeof dataset.$inferSelect;
/** A catalogue entry as lists show it: everything but an uploaded table's rows. */
export type DatasetListing = Omit<DatasetRecord, 'uploadRows'>;
export type NewDatasetRecord = typeof dataset.$inferInsert;
export type DistributionRecord = Omit<typeof datasetDistribution.$inferSelect, 'content'>;
export type NewDistributionRecord = typeof datasetDistribution.$inferInsert;
export type AccessLevel = DatasetRecord['accessLevel'];

export interface DatasetFilter {
  levels: readonly AccessLevel[];
  q?: string | undefined;
  theme?: DatasetRecord['theme'] | undefined;
  accessLevel?: AccessLevel | undefined;
}

function conditions(f: DatasetFilter): SQL | undefined {
  const parts: Array<SQL | undefined> = [inArray(dataset.accessLevel, f.levels.length ? [...f.levels] : ['public'])];
  if (f.levels.length === 0) parts.push(sql`false`);
  if (f.theme) parts.push(eq(dataset.theme, f.theme));
  if (f.accessLevel) parts.push(eq(dataset.accessLevel, f.accessLevel));
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    parts.push(
      or(
        ilike(dataset.code, pattern),
        ilike(dataset.titleZh, pattern),
        ilike(dataset.titleEn, pattern),
        ilike(dataset.descriptionZh, pattern),
        ilike(dataset.descriptionEn, pattern),
        sql`array_to_string(${dataset.keywords}, ' ') ILIKE ${pattern}`,
      ),
    );
  }
  return and(...parts);
}

const distributionColumns = {
  datasetId: datasetDistribution.datasetId,
  format: datasetDistribution.format,
  byteSize: datasetDistribution.byteSize,
  checksum: datasetDistribution.checksum,
  rowCount: datasetDistribution.rowCount,
  fingerprint: datasetDistribution.fingerprint,
  modifiedAt: datasetDistribution.modifiedAt,
};

/** SQL of the dataset catalogue and its generated distributions. */
export function createDatasetRepo(db: DbOrTx) {
  return {
    async list(filter: DatasetFilter, page: { limit: number; offset: number }): Promise<{ items: DatasetListing[]; total: number }> {
      const where = conditions(filter);
      // An uploaded table's rows can run to megabytes; a page of the catalogue never needs them.
      const { uploadRows: _rows, ...listed } = getTableColumns(dataset);
      const items = await db.select(listed).from(dataset).where(where).orderBy(asc(dataset.code)).limit(page.limit).offset(page.offset);
      const [total] = await db.select({ n: count() }).from(dataset).where(where);
      return { items, total: total?.n ?? 0 };
    },

    /** Every dataset (the periodic refresh walks them all). */
    async all(): Promise<DatasetRecord[]> {
      return db.select().from(dataset).orderBy(asc(dataset.code));
    },

    async find(id: string): Promise<DatasetRecord | null> {
      const [found] = await db.select().from(dataset).where(eq(dataset.id, id));
      return found ?? null;
    },

    /** By code (CKAN name) or id, as CKAN's package_show takes either. */
    async findByCodeOrId(key: string): Promise<DatasetRecord | null> {
      const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(key);
      const [found] = await db
        .select()
        .from(dataset)
        .where(byId ? or(eq(dataset.id, key), eq(dataset.code, key)) : eq(dataset.code, key));
      return found ?? null;
    },

    async insert(row: NewDatasetRecord): Promise<DatasetRecord> {
      const [created] = await db.insert(dataset).values(row).returning();
      if (!created) throw new Error('dataset insert returned nothing');
      return created;
    },

    /** Updates when the version still matches; null when it moved on (stale). */
    async update(id: string, version: number, changes: Partial<NewDatasetRecord>): Promise<DatasetRecord | null> {
      const [updated] = await db
        .update(dataset)
        .set({ ...changes, version: sql`${dataset.version} + 1` })
        .where(and(eq(dataset.id, id), eq(dataset.version, version)))
        .returning();
      return updated ?? null;
    },

    async setUploadRows(id: string, rows: NewDatasetRecord['uploadRows'], at: Date): Promise<void> {
      await db
        .update(dataset)
        .set({ uploadRows: rows, updatedAt: at, version: sql`${dataset.version} + 1` })
        .where(eq(dataset.id, id));
    },

    /** The distributions (without their bytes) of these datasets. */
    async distributionsOf(ids: readonly string[]): Promise<DistributionRecord[]> {
      if (ids.length === 0) return [];
      return db
        .select(distributionColumns)
        .from(datasetDistribution)
        .where(inArray(datasetDistribution.datasetId, [...ids]))
        .orderBy(asc(datasetDistribution.format));
    },

    async distributionContent(id: string, format: NewDistributionRecord['format']): Promise<Buffer | null> {
      const [found] = await db
        .select({ content: datasetDistribution.content })
        .from(datasetDistribution)
        .where(and(eq(datasetDistribution.datasetId, id), eq(datasetDistribution.format, format)));
      return found?.content ?? null;
    },

    async saveDistribution(row: NewDistributionRecord): Promise<void> {
      await db
        .insert(datasetDistribution)
        .values(row)
        .onConflictDoUpdate({
          target: [datasetDistribution.datasetId, datasetDistribution.format],
          set: {
            content: row.content,
            byteSize: row.byteSize,
            checksum: row.checksum,
            rowCount: row.rowCount,
            fingerprint: row.fingerprint,
            modifiedAt: row.modifiedAt,
          },
        });
    },
  };
}

export type DatasetRepo = ReturnType<typeof createDatasetRepo>;
