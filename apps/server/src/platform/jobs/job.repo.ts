import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { job, jobInput } from './job.table.js';

export type JobRow = typeof job.$inferSelect;
export type JobOwner = { by: 'user' | 'token'; id: string };
/** A file a job works on. */
export type JobFile = { name: string; content: Buffer };

const OPEN: Array<JobRow['status']> = ['queued', 'running'];

export function createJobRepo(db: DbOrTx) {
  /** Only the latest run of an unfinished job may write: a run presumed dead must not overwrite its successor. */
  const fence = (id: string, attempt: number) => and(eq(job.id, id), eq(job.attempts, attempt), inArray(job.status, OPEN));

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

    /** The jobs not finished yet, oldest first. */
    async findOpen(limit: number): Promise<JobRow[]> {
      return db.select().from(job).where(inArray(job.status, OPEN)).orderBy(asc(job.createdAt)).limit(limit);
    },

    /** Locks one unfinished job's row for the reconciler; null when it finished or another holds it. */
    async lockOpen(id: string): Promise<JobRow | null> {
      const [row] = await db
        .select()
        .from(job)
        .where(and(eq(job.id, id), inArray(job.status, OPEN)))
        .for('update', { skipLocked: true });
      return row ?? null;
    },

    /** Begins a run: the attempt number it writes under, or null when the job already ended. */
    async markRunning(id: string, now: Date): Promise<number | null> {
      const [row] = await db
        .update(job)
        .set({ status: 'running', attempts: sql`${job.attempts} + 1`, startedAt: sql`coalesce(${job.startedAt}, ${now})` })
        .where(and(eq(job.id, id), inArray(job.status, OPEN)))
        .returning({ attempts: job.attempts });
      return row?.attempts ?? null;
    },

    /** Progress only while this run is the job's latest, so a late write never overtakes the final one. */
    async updateProgress(id: string, attempt: number, progress: number, total: number): Promise<void> {
      await db.update(job).set({ progress, total }).where(fence(id, attempt));
    },

    /** Records a run's outcome (or the reconciler's verdict on it); false when a later run took over. */
    async finish(id: string, attempt: number, patch: Partial<typeof job.$inferInsert>): Promise<boolean> {
      const rows = await db.update(job).set(patch).where(fence(id, attempt)).returning({ id: job.id });
      return rows.length > 0;
    },

    async insertInputs(jobId: string, files: readonly JobFile[]): Promise<void> {
      // A few at a time: a directory import may bring thousands of files.
      for (let i = 0; i < files.length; i += 50)
        await db
          .insert(jobInput)
          .values(files.slice(i, i + 50).map((f, j) => ({ jobId, ordinal: i + j, name: f.name, content: f.content })));
    },

    async loadInputs(jobId: string): Promise<JobFile[]> {
      const rows = await db
        .select({ name: jobInput.name, content: jobInput.content })
        .from(jobInput)
        .where(eq(jobInput.jobId, jobId))
        .orderBy(asc(jobInput.ordinal));
      return rows;
    },

    async deleteInputs(jobId: string): Promise<void> {
      await db.delete(jobInput).where(eq(jobInput.jobId, jobId));
    },
  };
}
