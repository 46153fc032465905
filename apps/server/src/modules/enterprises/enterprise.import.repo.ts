import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { organisation } from '../organisations/organisation.table.js';
import { enterpriseProfile } from './enterprise.table.js';

/** Rows per INSERT: organisation has 16 columns, well under PostgreSQL's 65 535 parameters. */
const BATCH = 1000;

/** Bulk reads and writes for enterprise imports (the one-by-one paths live in enterprise.repo.ts). */
export function createEnterpriseImportRepo(db: DbOrTx) {
  return {
    /** Which of these credit codes any organisation (enterprise or provider) already holds. */
    async findTakenCreditCodes(codes: string[]): Promise<Set<string>> {
      const taken = new Set<string>();
      for (let i = 0; i < codes.length; i += BATCH) {
        const rows = await db
          .select({ code: organisation.creditCode })
          .from(organisation)
          .where(inArray(organisation.creditCode, codes.slice(i, i + BATCH)));
        for (const r of rows) if (r.code) taken.add(r.code);
      }
      return taken;
    },

    /** Inserts enterprises with their profiles; reports each batch written. */
    async insertEnterprises(
      rows: ReadonlyArray<{ org: typeof organisation.$inferInsert; profile: typeof enterpriseProfile.$inferInsert }>,
      written: (n: number) => void,
    ): Promise<void> {
      for (let i = 0; i < rows.length; i += BATCH) {
        const chunk = rows.slice(i, i + BATCH);
        await db.insert(organisation).values(chunk.map((r) => r.org));
        await db.insert(enterpriseProfile).values(chunk.map((r) => r.profile));
        written(chunk.length);
      }
    },
  };
}
