import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { organisation } from '../organisations/organisation.table.js';
import { indicatorAllocation } from './allocation.table.js';

export type AllocationRow = typeof indicatorAllocation.$inferSelect;

/** Allocation versions (目标分解): the only place with their SQL. */
export function createAllocationRepo(db: DbOrTx) {
  return {
    /** The version in force per (indicator, district) — of one indicator, or of every indicator for one district. */
    async current(filter: { code?: string; districtId?: string }): Promise<AllocationRow[]> {
      const rows = await db
        .selectDistinctOn([indicatorAllocation.indicatorCode, indicatorAllocation.districtId])
        .from(indicatorAllocation)
        .where(
          and(
            filter.code ? eq(indicatorAllocation.indicatorCode, filter.code) : undefined,
            filter.districtId ? eq(indicatorAllocation.districtId, filter.districtId) : undefined,
          ),
        )
        .orderBy(indicatorAllocation.indicatorCode, indicatorAllocation.districtId, desc(indicatorAllocation.version));
      return rows.filter((r) => r.mode !== null && r.amount !== null);
    },

    /** Every version of an indicator's allocations, newest first. */
    async history(code: string): Promise<AllocationRow[]> {
      return db
        .select()
        .from(indicatorAllocation)
        .where(eq(indicatorAllocation.indicatorCode, code))
        .orderBy(desc(indicatorAllocation.createdAt), desc(indicatorAllocation.version));
    },

    /** The latest version number of a district's allocation (0 when none). */
    async lastVersion(code: string, districtId: string): Promise<number> {
      const [row] = await db
        .select({ v: sql<number>`coalesce(max(${indicatorAllocation.version}), 0)::int` })
        .from(indicatorAllocation)
        .where(and(eq(indicatorAllocation.indicatorCode, code), eq(indicatorAllocation.districtId, districtId)));
      return row?.v ?? 0;
    },

    async insert(row: typeof indicatorAllocation.$inferInsert): Promise<AllocationRow> {
      const [created] = await db.insert(indicatorAllocation).values(row).returning();
      if (!created) throw new Error('allocation insert returned nothing');
      return created;
    },

    /** The districts in GB/T 2260 order (their division codes). */
    async districts() {
      return db
        .select({ id: organisation.id, divisionCode: organisation.divisionCode, name: organisation.name, nameEn: organisation.nameEn })
        .from(organisation)
        .where(eq(organisation.kind, 'district'))
        .orderBy(asc(organisation.divisionCode));
    },
  };
}
