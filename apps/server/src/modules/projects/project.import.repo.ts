import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { organisation } from '../organisations/organisation.table.js';
import { project, projectEvent, projectScenario } from './project.table.js';

/** Rows per INSERT (project has about 20 columns; PostgreSQL allows 65 535 parameters). */
const BATCH = 1000;

export type NewProject = typeof project.$inferInsert;

/** Bulk reads and writes for project imports (the one-by-one paths live in project.repo.ts). */
export function createProjectImportRepo(db: DbOrTx) {
  return {
    async findProviders(): Promise<Array<{ id: string; name: string; creditCode: string | null }>> {
      return db
        .select({ id: organisation.id, name: organisation.name, creditCode: organisation.creditCode })
        .from(organisation)
        .where(eq(organisation.kind, 'provider'))
        .orderBy(organisation.name);
    },

    /** Enterprises by credit code or id (unknown ones are absent). */
    async findEnterprises(by: { creditCodes?: string[]; ids?: string[] }) {
      const out: Array<{ id: string; name: string; districtId: string | null; creditCode: string | null }> = [];
      const select = (where: ReturnType<typeof inArray>) =>
        db
          .select({
            id: organisation.id,
            name: organisation.name,
            districtId: organisation.districtId,
            creditCode: organisation.creditCode,
          })
          .from(organisation)
          .where(and(eq(organisation.kind, 'enterprise'), where));
      const codes = by.creditCodes ?? [];
      for (let i = 0; i < codes.length; i += BATCH)
        out.push(...(await select(inArray(organisation.creditCode, codes.slice(i, i + BATCH)))));
      const ids = by.ids ?? [];
      for (let i = 0; i < ids.length; i += BATCH) out.push(...(await select(inArray(organisation.id, ids.slice(i, i + BATCH)))));
      return out;
    },

    /** Which of these filing ids projects already use. */
    async findTakenFilingIds(filingIds: string[]): Promise<Set<string>> {
      const taken = new Set<string>();
      for (let i = 0; i < filingIds.length; i += BATCH) {
        const rows = await db
          .select({ filingId: project.filingId })
          .from(project)
          .where(inArray(project.filingId, filingIds.slice(i, i + BATCH)));
        for (const r of rows) if (r.filingId) taken.add(r.filingId);
      }
      return taken;
    },

    /** n project codes in the format of project.repo.ts nextCode (XM + year + six digits). */
    async nextCodes(n: number, year: number): Promise<string[]> {
      const result = await db.execute<{ n: string }>(sql`SELECT nextval('project_code_seq')::text AS n FROM generate_series(1, ${n})`);
      return result.rows.map((r) => `XM${year}${r.n.padStart(6, '0')}`);
    },

    async insertProjects(
      rows: ReadonlyArray<{
        project: NewProject;
        scenarios: Array<typeof projectScenario.$inferInsert>;
        event: typeof projectEvent.$inferInsert;
      }>,
      written: (n: number) => void,
    ): Promise<void> {
      for (let i = 0; i < rows.length; i += BATCH) {
        const chunk = rows.slice(i, i + BATCH);
        await db.insert(project).values(chunk.map((r) => r.project));
        const scenarios = chunk.flatMap((r) => r.scenarios);
        for (let j = 0; j < scenarios.length; j += BATCH) await db.insert(projectScenario).values(scenarios.slice(j, j + BATCH));
        await db.insert(projectEvent).values(chunk.map((r) => r.event));
        written(chunk.length);
      }
    },
  };
}
