import type { RegistryKey } from '@suilian/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { BATCH, inBatches } from '../../db/in-batches.js';
import { registryRecord } from './registry.table.js';

export type NewRecordRow = typeof registryRecord.$inferInsert & { id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Bulk reads and writes for registry imports and exports (the one-by-one paths live in registry.repo.ts). */
export function createRegistryImportRepo(db: DbOrTx) {
  const summary = {
    id: registryRecord.id,
    title: registryRecord.title,
    orgId: registryRecord.orgId,
    districtId: registryRecord.districtId,
  };
  return {
    /** Which of these natural keys the registry already holds. */
    async findTakenKeys(registry: RegistryKey, keys: string[]): Promise<Set<string>> {
      const rows = await inBatches(keys, (chunk) =>
        db
          .select({ key: registryRecord.uniqueKey })
          .from(registryRecord)
          .where(and(eq(registryRecord.registry, registry), inArray(registryRecord.uniqueKey, chunk))),
      );
      return new Set(rows.flatMap((r) => (r.key ? [r.key] : [])));
    },

    /** Records of one registry named by id or by title (rows may name either). */
    async findByIdsOrTitles(registry: RegistryKey, values: string[]) {
      const ids = values.filter((v) => UUID.test(v));
      const byId = await inBatches(ids, (chunk) =>
        db
          .select(summary)
          .from(registryRecord)
          .where(and(eq(registryRecord.registry, registry), inArray(registryRecord.id, chunk))),
      );
      const byTitle = await inBatches(values, (chunk) =>
        db
          .select(summary)
          .from(registryRecord)
          .where(and(eq(registryRecord.registry, registry), inArray(registryRecord.title, chunk))),
      );
      return { byId, byTitle };
    },

    async findTitles(ids: string[]): Promise<Map<string, string>> {
      const rows = await inBatches(ids, (chunk) =>
        db.select({ id: registryRecord.id, title: registryRecord.title }).from(registryRecord).where(inArray(registryRecord.id, chunk)),
      );
      return new Map(rows.map((r) => [r.id, r.title]));
    },

    async insertRecords(rows: readonly NewRecordRow[], written: (n: number) => void): Promise<void> {
      for (let i = 0; i < rows.length; i += BATCH) {
        const chunk = rows.slice(i, i + BATCH);
        await db.insert(registryRecord).values(chunk);
        written(chunk.length);
      }
    },
  };
}
