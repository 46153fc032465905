import { PLAN_START } from '@suilian/contracts';
import { asc, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { indicator } from './indicator.table.js';

export type IndicatorRow = typeof indicator.$inferSelect;

/**
 * Record counts behind the plan's targets, as of the end of `asOf` (YYYY-MM-DD), city-wide or for
 * one district. Each reads the programme tables directly: this module owns only the definitions.
 */
const COUNTERS: Record<string, (asOf: string, district: SQL) => SQL> = {
  // T-APP-2: the state a project had on that day, from its timeline; a national filing id.
  projects_filed_active: (asOf, district) => sql`
    SELECT count(*)::int AS n FROM project p
     WHERE p.filing_id IS NOT NULL ${district}
       AND (SELECT e.to_state FROM project_event e
             WHERE e.project_id = p.id AND e.occurred_at < (${asOf}::date + 1)
             ORDER BY e.occurred_at DESC LIMIT 1) IN ('under_construction', 'built', 'accepted')`,
  // T-APP-1: factories with at least ten scenarios live by that day.
  factories_with_10_live_scenarios: (asOf, district) => sql`
    SELECT count(*)::int AS n FROM factory p
     WHERE p.created_at < (${asOf}::date + 1) ${district}
       AND (SELECT count(*) FROM factory_scenario s WHERE s.factory_id = p.id AND s.go_live_date <= ${asOf}::date) >= 10`,
  benchmarks_selected: (asOf, district) => sql`
    SELECT count(*)::int AS n FROM selection_application p JOIN selection_round r ON r.id = p.round_id
     WHERE r.kind = 'benchmark_factory' AND r.stage = 'published' AND p.selected
       AND r.published_at < (${asOf}::date + 1) ${district}`,
  typical_cases_published: (asOf, district) => sql`
    SELECT count(*)::int AS n FROM selection_application p JOIN selection_round r ON r.id = p.round_id
      JOIN selection_case c ON c.application_id = p.id
     WHERE r.kind = 'typical_case' AND r.stage = 'published' AND p.selected
       AND r.published_at < (${asOf}::date + 1) ${district}`,
  national_single_champions_new: (asOf, district) => sql`
    SELECT count(DISTINCT h.org_id)::int AS n FROM enterprise_honour h JOIN organisation p ON p.id = h.org_id
     WHERE h.honour_type = 'SINGLE_CHAMPION_ENTERPRISE' AND h.level = 'national'
       AND coalesce(h.valid_from, make_date(h.year, 12, 31)) BETWEEN ${PLAN_START}::date AND ${asOf}::date ${district}`,
  standards_intl_national_industry: (asOf, district) =>
    registry('standards', asOf, district, sql`AND p.kind IN ('international', 'national', 'industry')`),
  patents: (asOf, district) => registry('patents', asOf, district),
  national_pilot_projects: (asOf, district) => registry('pilot-projects', asOf, district, sql`AND p.kind = 'national'`),
  carriers: (asOf, district) => registry('carriers', asOf, district),
  platforms: (asOf, district) => registry('platforms', asOf, district),
  exchange_meetings: (asOf, district) => registry('events', asOf, district, sql`AND p.kind = 'exchange_meeting'`),
  trainings: (asOf, district) => registry('trainings', asOf, district),
  trainees_completed: (asOf, district) => sql`
    SELECT coalesce(sum(p.quantity), 0)::int AS n FROM registry_record p
     WHERE p.registry = 'trainings' AND p.record_date BETWEEN ${PLAN_START}::date AND ${asOf}::date ${district}`,
};

function registry(key: string, asOf: string, district: SQL, extra: SQL = sql``): SQL {
  return sql`SELECT count(*)::int AS n FROM registry_record p
     WHERE p.registry = ${key} AND p.record_date BETWEEN ${PLAN_START}::date AND ${asOf}::date ${extra} ${district}`;
}

export const COUNTER_NAMES = Object.keys(COUNTERS);

export function createIndicatorRepo(db: DbOrTx) {
  return {
    async findAll(): Promise<IndicatorRow[]> {
      return db.select().from(indicator).orderBy(asc(indicator.sortOrder), asc(indicator.code));
    },
    async findByCode(code: string): Promise<IndicatorRow | null> {
      const [row] = await db.select().from(indicator).where(eq(indicator.code, code));
      return row ?? null;
    },
    async insertIfMissing(rows: Array<typeof indicator.$inferInsert>): Promise<number> {
      if (rows.length === 0) return 0;
      const inserted = await db.insert(indicator).values(rows).onConflictDoNothing().returning({ code: indicator.code });
      return inserted.length;
    },
    /**
     * The value of a named counter; null when unknown or nothing was reported. `last:<element>`
     * sums each district's latest reported value (a stock); `sum:<element>` adds every period
     * since the plan started (a flow).
     */
    async count(counter: string, asOf: string, districtId: string | null): Promise<number | null> {
      const reported = counter.match(/^(last|sum):([A-Z0-9_]+)$/);
      if (reported) return reportedValue(db, reported[1] as 'last' | 'sum', reported[2] ?? '', asOf, districtId);
      const build = COUNTERS[counter];
      if (!build) return null;
      const district = districtId ? sql`AND p.district_id = ${districtId}` : sql``;
      const result = await db.execute<{ n: number }>(build(asOf, district));
      return Number(result.rows[0]?.n ?? 0);
    },
  };
}

async function reportedValue(
  db: DbOrTx,
  how: 'last' | 'sum',
  element: string,
  asOf: string,
  districtId: string | null,
): Promise<number | null> {
  const until = asOf.slice(0, 4) + asOf.slice(5, 7);
  const from = PLAN_START.slice(0, 4) + PLAN_START.slice(5, 7);
  const district = districtId ? sql`AND v.org_id = ${districtId}` : sql``;
  const query =
    how === 'last'
      ? sql`SELECT count(*)::int AS n, coalesce(sum(latest.value::numeric), 0)::float8 AS total FROM (
              SELECT DISTINCT ON (v.org_id) v.value FROM data_value v
               WHERE v.data_element_code = ${element} AND length(v.period) = 6 AND v.period <= ${until} ${district}
               ORDER BY v.org_id, v.period DESC) latest`
      : sql`SELECT count(*)::int AS n, coalesce(sum(v.value::numeric), 0)::float8 AS total FROM data_value v
             WHERE v.data_element_code = ${element} AND length(v.period) = 6 AND v.period BETWEEN ${from} AND ${until} ${district}`;
  const result = await db.execute<{ n: number; total: number }>(query);
  const row = result.rows[0];
  return row && Number(row.n) > 0 ? Number(row.total) : null;
}
