import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { codeItem, codeList } from './codelist.table.js';

export type CodeListRow = typeof codeList.$inferSelect;
export type CodeItemRow = typeof codeItem.$inferSelect;

export function createCodeListRepo(db: DbOrTx) {
  return {
    async findLists(): Promise<CodeListRow[]> {
      return db.select().from(codeList).orderBy(asc(codeList.key));
    },

    async findList(key: string): Promise<CodeListRow | null> {
      const [row] = await db.select().from(codeList).where(eq(codeList.key, key));
      return row ?? null;
    },

    async findItems(key: string): Promise<CodeItemRow[]> {
      return db.select().from(codeItem).where(eq(codeItem.listKey, key)).orderBy(asc(codeItem.sortOrder), asc(codeItem.code));
    },

    async findItem(key: string, code: string): Promise<CodeItemRow | null> {
      const [row] = await db
        .select()
        .from(codeItem)
        .where(and(eq(codeItem.listKey, key), eq(codeItem.code, code)));
      return row ?? null;
    },

    async insertList(row: typeof codeList.$inferInsert): Promise<void> {
      await db.insert(codeList).values(row);
    },

    /** Bumps the list version and returns the new one (row-locks the list for the transaction). */
    async bumpVersion(key: string, now: Date): Promise<number> {
      const [row] = await db
        .update(codeList)
        .set({ version: sql`${codeList.version} + 1`, updatedAt: now })
        .where(eq(codeList.key, key))
        .returning({ version: codeList.version });
      if (!row) throw new Error(`code list ${key} vanished`);
      return row.version;
    },

    async insertItems(rows: Array<typeof codeItem.$inferInsert>): Promise<void> {
      if (rows.length > 0) await db.insert(codeItem).values(rows);
    },

    async updateItem(key: string, code: string, patch: Partial<typeof codeItem.$inferInsert>): Promise<CodeItemRow | null> {
      const [row] = await db
        .update(codeItem)
        .set(patch)
        .where(and(eq(codeItem.listKey, key), eq(codeItem.code, code)))
        .returning();
      return row ?? null;
    },
  };
}
