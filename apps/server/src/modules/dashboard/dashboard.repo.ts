import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';

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
      const result = await db.execute<{ code: string }>(sql`SELECT code FROM indicator`);
      return new Set(result.rows.map((r) => r.code));
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
      const district = districtId ? sql`WHERE p.district_id = ${districtId}` : sql``;
      const result = await db.execute<{ state: string; count: number }>(
        sql`SELECT p.state, count(*)::int AS count FROM project p ${district} GROUP BY p.state`,
      );
      return result.rows.map((r) => ({ state: r.state, count: Number(r.count) }));
    },

    async districts(): Promise<DistrictRow[]> {
      const result = await db.execute<{ id: string; division_code: string; name: string; name_en: string | null }>(
        sql`SELECT id, division_code, name, name_en FROM organisation WHERE kind = 'district' ORDER BY division_code`,
      );
      return result.rows.map((r) => ({ id: r.id, divisionCode: r.division_code, nameZh: r.name, nameEn: r.name_en }));
    },

    /** Registrations of a data set between two periods (YYYYMM), with the data set's existence. */
    async registrations(
      dataSet: string,
      from: string,
      to: string,
      districtId: string | null,
    ): Promise<{ exists: boolean; rows: Array<{ period: string; orgId: string; state: string }> }> {
      const district = districtId ? sql`AND r.org_id = ${districtId}` : sql``;
      const [found, result] = await Promise.all([
        db.execute(sql`SELECT 1 FROM data_set WHERE code = ${dataSet}`),
        db.execute<{ period: string; org_id: string; state: string }>(
          sql`SELECT r.period, r.org_id, r.state FROM data_registration r
               WHERE r.data_set_code = ${dataSet} AND r.period BETWEEN ${from} AND ${to} ${district}`,
        ),
      ]);
      return {
        exists: found.rows.length > 0,
        rows: result.rows.map((r) => ({ period: r.period, orgId: r.org_id, state: r.state })),
      };
    },
  };
}

export type DashboardRepo = ReturnType<typeof createDashboardRepo>;
