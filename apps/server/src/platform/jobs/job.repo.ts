import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { job } from './job.table.js';

export type JobRow = typeof job.$inferSelect;
export type JobOwner = { by: 'user' | 'token'; id: string };

export function createJobRepo(db: DbOrTx) {
  return {
    async insert(row: typeof job.$inferInsert): Promise<JobRow> {
      const [created] = await db.insert(job).values(row).returning();
      if (!created) throw new Error('insert returned no row');
      return created;
    },

    async findById(id: string): Promise<JobRow | null> {
      const [row] = await db.select().from(job).where(eq(job.id, id));
      return row ?? null;
    },

    /** One owner's jobs, newest first. */
    async findPage(
      filter: { owner: JobOwner; kind?: string; status?: JobRow['status'] },
      page: { page: number; pageSize: number },
    ): Promise<{ items: JobRow[]; total: number }> {
      const parts: SQL[] = [eq(filter.owner.by === 'user' ? job.createdById : job.createdByTokenId, filter.owner.id)];
      if (filter.kind) parts.push(eq(job.kind, filter.kind));
      if (filter.status) parts.push(eq(job.status, filter.status));
      const where = and(...parts);
      const items = await db
        .select()
        .from(job)
        .where(where)
        .orderBy(desc(job.createdAt), desc(job.id))
        .limit(page.pageSize)
        .offset((page.page - 1) * page.pageSize);
      const [total] = await db.select({ n: count() }).from(job).where(where);
      return { items, total: total?.n ?? 0 };
    },

    async update(id: string, patch: Partial<typeof job.$inferInsert>): Promise<void> {
      await db.update(job).set(patch).where(eq(job.id, id));
    },

    /** Progress only while the job runs, so a late write never overtakes the final one. */
    async updateProgress(id: string, progress: number, total: number): Promise<void> {
      await db
        .update(job)
        .set({ progress, total })
        .where(and(eq(job.id, id), inArray(job.status, ['queued', 'running'])));
    },
  };
}
