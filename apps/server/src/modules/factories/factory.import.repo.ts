import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { BATCH, inBatches } from '../../db/in-batches.js';
import { project } from '../projects/project.table.js';
import { factory, factoryProject, factoryScenario } from './factory.table.js';

export interface NewFactoryRows {
  factory: typeof factory.$inferInsert & { id: string };
  scenarios: Array<typeof factoryScenario.$inferInsert>;
  projects: Array<typeof factoryProject.$inferInsert>;
}

/** Bulk reads and writes for factory imports and exports (the one-by-one paths live in factory.repo.ts). */
export function createFactoryImportRepo(db: DbOrTx) {
  return {
    /** Projects by their codes (XM…), with their enterprise. */
    async findProjectsByCode(codes: string[]) {
      return inBatches(codes, (chunk) =>
        db
          .select({ id: project.id, code: project.code, enterpriseId: project.enterpriseId })
          .from(project)
          .where(inArray(project.code, chunk)),
      );
    },

    async findProjectCodes(ids: string[]): Promise<Map<string, string>> {
      const rows = await inBatches(ids, (chunk) =>
        db.select({ id: project.id, code: project.code }).from(project).where(inArray(project.id, chunk)),
      );
      return new Map(rows.map((r) => [r.id, r.code]));
    },

    /** The names of the factories these enterprises already run, as `enterpriseId|name`. */
    async findNames(enterpriseIds: string[]): Promise<Set<string>> {
      const rows = await inBatches(enterpriseIds, (chunk) =>
        db.select({ enterpriseId: factory.enterpriseId, name: factory.name }).from(factory).where(inArray(factory.enterpriseId, chunk)),
      );
      return new Set(rows.map((r) => factoryKey(r.enterpriseId, r.name)));
    },

    /** Inserts factories with their scenarios and project links; reports each batch written. */
    async insertFactories(rows: readonly NewFactoryRows[], written: (n: number) => void): Promise<void> {
      for (let i = 0; i < rows.length; i += BATCH) {
        const chunk = rows.slice(i, i + BATCH);
        await db.insert(factory).values(chunk.map((r) => r.factory));
        const scenarios = chunk.flatMap((r) => r.scenarios);
        for (let j = 0; j < scenarios.length; j += BATCH) await db.insert(factoryScenario).values(scenarios.slice(j, j + BATCH));
        const links = chunk.flatMap((r) => r.projects);
        for (let j = 0; j < links.length; j += BATCH) await db.insert(factoryProject).values(links.slice(j, j + BATCH));
        written(chunk.length);
      }
    },
  };
}

/** Factory names compared within an enterprise: no spaces, one case, half-width brackets. */
export function factoryKey(enterpriseId: string, name: string): string {
  return `${enterpriseId}|${name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase()}`;
}
