import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { storedFile } from './file.table.js';

export type StoredFileRow = typeof storedFile.$inferSelect;

export function createFileRepo(db: DbOrTx) {
  return {
    async insert(row: typeof storedFile.$inferInsert): Promise<StoredFileRow> {
      const [created] = await db.insert(storedFile).values(row).returning();
      if (!created) throw new Error('insert returned no row');
      return created;
    },
    async findById(id: string): Promise<StoredFileRow | null> {
      const [row] = await db.select().from(storedFile).where(eq(storedFile.id, id));
      return row ?? null;
    },
    async findByIds(ids: string[]): Promise<StoredFileRow[]> {
      if (ids.length === 0) return [];
      return db.select().from(storedFile).where(inArray(storedFile.id, ids));
    },
  };
}
