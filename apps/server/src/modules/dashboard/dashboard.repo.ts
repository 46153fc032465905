import { and, asc, between, count, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { indicator } from '../indicators/indicator.table.js';
import { organisation } from '../organisations/organisation.table.js';
import { project } from '../projects/project.table.js';
import { dataRegistration, dataSet } from '../reporting/reporting.table.js';

export interface DistrictRow {
  id: string;
  divisionCode: string;
  nameZh: string;
  nameEn: string | null;
}

export function createDashboardRepo(db: DbOrTx) {
  return {
    /** Every indicator's code, retired ones included (a map may still be asked for one). */
    async indicatorCodes(): Promise<Set<string>> {
      const rows = await db.select({ code: indicator.code }).from(indicator);
      return new Set(rows.map((r) => r.code));
    },

    /** The indicators marked public: the only ones the public dashboard shows (issue #12 item 7). */
    async publicIndicatorCodes(): Promise<Set<string>> {
      const rows = await db.select({ code: indicator.code }).from(indicator).where(eq(indicator.isPublic, true));
      return new Set(rows.map((r) => r.code));
    },

    /**
     * Where WAL insertion stands: it moves with every change anywhere in the database (even with
     * synchronous_commit off), so figures computed at the same position are still exact.
     */
    async walPosition(): Promise<string> {
      const result = await db.execute<{ lsn: string }>(sql`SELECT pg_current_wal_insert_lsn()::text AS lsn`);
      return result.rows[0]?.lsn ?? '';
    },

    async pipeline(districtId: string | null): Promise<Array<{ state: string; count: number }>> {
      const rows = await db
        .select({ state: project.state, count: count() })
        .from(project)
        .where(districtId ? eq(project.districtId, districtId) : undefined)
        .groupBy(project.state);
      return rows.map((r) => ({ state: r.state, count: Number(r.count) }));
    },

    async districts(): Promise<DistrictRow[]> {
      const rows = await db
        .select({ id: organisation.id, divisionCode: organisation.divisionCode, nameZh: organisation.name, nameEn: organisation.nameEn })
        .from(organisation)
        .where(eq(organisation.kind, 'district'))
        .orderBy(asc(organisation.divisionCode));
      return rows.map((r) => ({ ...r, divisionCode: r.divisionCode ?? '' }));
    },

    /** Registrations of a data set between two periods (YYYYMM), with the data set's existence. */
    async registrations(
      code: string,
      from: string,
      to: string,
      districtId: string | null,
    ): Promise<{ exists: boolean; rows: Array<{ period: string; orgId: string; state: string }> }> {
      const r = dataRegistration;
      const [found, rows] = await Promise.all([
        db.select({ code: dataSet.code }).from(dataSet).where(eq(dataSet.code, code)),
        db
          .select({ period: r.period, orgId: r.orgId, state: r.state })
          .from(r)
          .where(and(eq(r.dataSetCode, code), between(r.period, from, to), districtId ? eq(r.orgId, districtId) : undefined)),
      ]);
      return { exists: found.length > 0, rows };
    },
  };
}

export type DashboardRepo = ReturnType<typeof createDashboardRepo>;
