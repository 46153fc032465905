import { and, count, desc, eq, getTableColumns, max } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { whitePaper } from './white-paper.table.js';

export type WhitePaperRow = typeof whitePaper.$inferSelect;

const { html: _html, pdf: _pdf, ...withoutFiles } = getTableColumns(whitePaper);
const { snapshot: _snapshot, commentary: _commentary, ...listColumns } = withoutFiles;
export type WhitePaperListRow = { [K in keyof typeof listColumns]: WhitePaperRow[K] };
export type WhitePaperDetailRow = Omit<WhitePaperRow, 'html' | 'pdf'>;

/** White paper editions; lists leave the snapshot, HTML and PDF out. */
export function createWhitePaperRepo(db: DbOrTx) {
  return {
    async insert(row: typeof whitePaper.$inferInsert): Promise<WhitePaperDetailRow> {
      const [inserted] = await db.insert(whitePaper).values(row).returning(withoutFiles);
      if (!inserted) throw new Error('white paper insert returned nothing');
      return inserted;
    },
    async nextSequence(year: number): Promise<number> {
      const [row] = await db
        .select({ n: max(whitePaper.sequence) })
        .from(whitePaper)
        .where(eq(whitePaper.year, year));
      return (row?.n ?? 0) + 1;
    },
    async findByPeriod(year: number, period: WhitePaperRow['period']) {
      const [row] = await db
        .select({ id: whitePaper.id, number: whitePaper.number })
        .from(whitePaper)
        .where(and(eq(whitePaper.year, year), eq(whitePaper.period, period)));
      return row ?? null;
    },
    /** Updates the edition if its version is still `version`; returns null when it moved on. */
    async update(id: string, version: number, patch: Partial<typeof whitePaper.$inferInsert>): Promise<WhitePaperDetailRow | null> {
      const [row] = await db
        .update(whitePaper)
        .set({ ...patch, version: version + 1 })
        .where(and(eq(whitePaper.id, id), eq(whitePaper.version, version)))
        .returning(withoutFiles);
      return row ?? null;
    },
    async findPage(query: { page: number; pageSize: number; state?: WhitePaperRow['state'] | undefined }) {
      const where = query.state ? eq(whitePaper.state, query.state) : undefined;
      const [items, [total]] = await Promise.all([
        db
          .select(listColumns)
          .from(whitePaper)
          .where(where)
          .orderBy(desc(whitePaper.year), desc(whitePaper.sequence))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
        db.select({ n: count() }).from(whitePaper).where(where),
      ]);
      return { items, total: total?.n ?? 0 };
    },
    async findDetail(id: string): Promise<WhitePaperDetailRow | null> {
      const [row] = await db.select(withoutFiles).from(whitePaper).where(eq(whitePaper.id, id));
      return row ?? null;
    },
    async findHtml(id: string) {
      const [row] = await db.select({ html: whitePaper.html }).from(whitePaper).where(eq(whitePaper.id, id));
      return row ?? null;
    },
    async findPublished(): Promise<WhitePaperListRow[]> {
      return db
        .select(listColumns)
        .from(whitePaper)
        .where(eq(whitePaper.state, 'published'))
        .orderBy(desc(whitePaper.issuedOn), desc(whitePaper.year), desc(whitePaper.sequence));
    },
    async findPublishedBySlug(year: number, sequence: number): Promise<WhitePaperListRow | null> {
      const [row] = await db
        .select(listColumns)
        .from(whitePaper)
        .where(and(eq(whitePaper.year, year), eq(whitePaper.sequence, sequence), eq(whitePaper.state, 'published')));
      return row ?? null;
    },
    async findPublishedFile(year: number, sequence: number) {
      const [row] = await db
        .select({ html: whitePaper.html, pdf: whitePaper.pdf })
        .from(whitePaper)
        .where(and(eq(whitePaper.year, year), eq(whitePaper.sequence, sequence), eq(whitePaper.state, 'published')));
      return row ?? null;
    },
  };
}
