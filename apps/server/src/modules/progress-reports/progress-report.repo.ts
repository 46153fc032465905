import { count, desc, eq, getTableColumns } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { progressReport } from './progress-report.table.js';

export type ProgressReportRow = typeof progressReport.$inferSelect;

const { html: _html, pdf: _pdf, data: _data, ...listColumns } = getTableColumns(progressReport);

/** Kept progress reports; list queries leave the HTML and PDF out. */
export function createProgressReportRepo(db: DbOrTx) {
  return {
    async insert(row: typeof progressReport.$inferInsert): Promise<ProgressReportRow> {
      const [inserted] = await db.insert(progressReport).values(row).returning();
      if (!inserted) throw new Error('progress report insert returned nothing');
      return inserted;
    },
    async update(id: string, patch: Partial<typeof progressReport.$inferInsert>): Promise<void> {
      await db.update(progressReport).set(patch).where(eq(progressReport.id, id));
    },
    async findPage(query: { page: number; pageSize: number; quarter?: string | undefined }) {
      const where = query.quarter ? eq(progressReport.quarter, query.quarter) : undefined;
      const [items, [total]] = await Promise.all([
        db
          .select(listColumns)
          .from(progressReport)
          .where(where)
          .orderBy(desc(progressReport.createdAt), desc(progressReport.id))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
        db.select({ n: count() }).from(progressReport).where(where),
      ]);
      return { items, total: total?.n ?? 0 };
    },
    async findMeta(id: string) {
      const [row] = await db
        .select({ ...listColumns, data: progressReport.data })
        .from(progressReport)
        .where(eq(progressReport.id, id));
      return row ?? null;
    },
    async findHtml(id: string): Promise<{ html: string | null; status: ProgressReportRow['status'] } | null> {
      const [row] = await db
        .select({ html: progressReport.html, status: progressReport.status })
        .from(progressReport)
        .where(eq(progressReport.id, id));
      return row ?? null;
    },
    async findPdf(id: string): Promise<{ pdf: Buffer | null; quarter: string; status: ProgressReportRow['status'] } | null> {
      const [row] = await db
        .select({ pdf: progressReport.pdf, quarter: progressReport.quarter, status: progressReport.status })
        .from(progressReport)
        .where(eq(progressReport.id, id));
      return row ?? null;
    },
  };
}
