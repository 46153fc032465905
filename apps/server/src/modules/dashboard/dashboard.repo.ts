import { PLAN_START } from '@suilian/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';

/**
 * Items a record counter adds up: each counts `weight` on every day from `since` until the day
 * before `until` (open when null), in its district. With every counter in this shape, one query
 * gives all counters on all the sparkline's dates for every district and the whole scope.
 *
 * These are the set-based forms of the counters in indicators/indicator.repo.ts (one value per
 * call there); dashboard.int.test.ts checks that both give the same figures.
 */
const ITEMS: Record<string, (district: SQL) => SQL> = {
  // The state a project had on a day is the `to_state` of its last event up to that day.
  projects_filed_active: (district) => sql`
    SELECT district_id, since, until, 1::float8 AS weight FROM (
      SELECT p.district_id, e.to_state, e.occurred_at::date AS since,
             lead(e.occurred_at::date) OVER (PARTITION BY e.project_id ORDER BY e.occurred_at) AS until
        FROM project p JOIN project_event e ON e.project_id = p.id
       WHERE p.filing_id IS NOT NULL ${district}) t
     WHERE to_state IN ('under_construction', 'built', 'accepted')`,
  // A factory counts from the day its tenth scenario went live (or it was registered, if later).
  factories_with_10_live_scenarios: (district) => sql`
    SELECT p.district_id, greatest(p.created_at::date, t.tenth) AS since, NULL::date AS until, 1::float8 AS weight
      FROM factory p JOIN (
        SELECT factory_id, (array_agg(go_live_date ORDER BY go_live_date))[10] AS tenth FROM factory_scenario
         WHERE go_live_date IS NOT NULL GROUP BY factory_id HAVING count(*) >= 10) t ON t.factory_id = p.id
     WHERE true ${district}`,
  benchmarks_selected: (district) => sql`
    SELECT p.district_id, r.published_at::date AS since, NULL::date AS until, 1::float8 AS weight
      FROM selection_application p JOIN selection_round r ON r.id = p.round_id
     WHERE r.kind = 'benchmark_factory' AND r.stage = 'published' AND p.selected AND r.published_at IS NOT NULL ${district}`,
  typical_cases_published: (district) => sql`
    SELECT p.district_id, r.published_at::date AS since, NULL::date AS until, 1::float8 AS weight
      FROM selection_application p JOIN selection_round r ON r.id = p.round_id JOIN selection_case c ON c.application_id = p.id
     WHERE r.kind = 'typical_case' AND r.stage = 'published' AND p.selected AND r.published_at IS NOT NULL ${district}`,
  // An enterprise counts once, from its first national single-champion honour since the plan started.
  national_single_champions_new: (district) => sql`
    SELECT p.district_id, min(coalesce(h.valid_from, make_date(h.year, 12, 31))) AS since, NULL::date AS until, 1::float8 AS weight
      FROM enterprise_honour h JOIN organisation p ON p.id = h.org_id
     WHERE h.honour_type = 'SINGLE_CHAMPION_ENTERPRISE' AND h.level = 'national'
       AND coalesce(h.valid_from, make_date(h.year, 12, 31)) >= ${PLAN_START}::date ${district}
     GROUP BY h.org_id, p.district_id`,
  standards_intl_national_industry: (district) =>
    registry('standards', district, sql`AND p.kind IN ('international', 'national', 'industry')`),
  patents: (district) => registry('patents', district),
  national_pilot_projects: (district) => registry('pilot-projects', district, sql`AND p.kind = 'national'`),
  carriers: (district) => registry('carriers', district),
  platforms: (district) => registry('platforms', district),
  exchange_meetings: (district) => registry('events', district, sql`AND p.kind = 'exchange_meeting'`),
  trainings: (district) => registry('trainings', district),
  trainees_completed: (district) => registry('trainings', district, sql``, sql`coalesce(p.quantity, 0)::float8`),
};

function registry(key: string, district: SQL, extra: SQL = sql``, weight: SQL = sql`1::float8`): SQL {
  return sql`SELECT p.district_id, p.record_date AS since, NULL::date AS until, ${weight} AS weight FROM registry_record p
     WHERE p.registry = ${key} AND p.record_date >= ${PLAN_START}::date ${extra} ${district}`;
}

const REPORTED = /^(last|sum):([A-Z0-9_]+)$/;

/** Whether the dashboard can compute a counter set-based (otherwise it asks the indicators module). */
export function isGridCounter(counter: string | null): counter is string {
  return counter !== null && (counter in ITEMS || REPORTED.test(counter));
}

/** Values by counter → date → district id ('*' for the whole scope); null = nothing reported. */
export type Grid = Map<string, Map<string, Map<string, number | null>>>;

export interface DistrictRow {
  id: string;
  divisionCode: string;
  nameZh: string;
  nameEn: string | null;
}

export function createDashboardRepo(db: DbOrTx) {
  return {
    /** Every indicator's code and counter (null for formulas and other kinds the grid does not know). */
    async counters(): Promise<Map<string, string | null>> {
      const result = await db.execute<{ code: string; counter: string | null }>(sql`SELECT code, counter FROM indicator`);
      return new Map(result.rows.map((r) => [r.code, r.counter]));
    },

    /** Every counter on every date, per district and for the scope (city-wide or one district). */
    async grid(counters: string[], dates: string[], districtId: string | null): Promise<Grid> {
      const grid: Grid = new Map();
      const put = (counter: string, date: string, district: string, value: number | null) => {
        const byDate = grid.get(counter) ?? new Map<string, Map<string, number | null>>();
        grid.set(counter, byDate);
        const byDistrict = byDate.get(date) ?? new Map<string, number | null>();
        byDate.set(date, byDistrict);
        byDistrict.set(district, value);
      };
      const records = counters.filter((c) => c in ITEMS);
      const reported = counters.flatMap((c) => {
        const m = c.match(REPORTED);
        return m ? [{ counter: c, how: m[1] as 'last' | 'sum', element: m[2] ?? '' }] : [];
      });
      const [recordRows, reportedRows] = await Promise.all([
        records.length ? db.execute<GridRow>(recordGrid(records, dates, districtId)) : null,
        reported.length ? db.execute<GridRow>(reportedGrid(reported, dates, districtId)) : null,
      ]);
      // Record counters are 0 without records; reported ones are null until something is reported.
      for (const c of records) for (const d of dates) put(c, d, '*', 0);
      for (const c of reported) for (const d of dates) put(c.counter, d, '*', null);
      for (const row of [...(recordRows?.rows ?? []), ...(reportedRows?.rows ?? [])]) {
        put(row.counter, row.date, Number(row.whole) === 1 ? '*' : (row.district_id ?? '?'), Number(row.n));
      }
      return grid;
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

interface GridRow extends Record<string, unknown> {
  counter: string;
  date: string;
  district_id: string | null;
  whole: number;
  n: number;
}

function datesArray(dates: string[]): SQL {
  return sql`${`{${dates.join(',')}}`}::date[]`;
}

/**
 * Rather than joining every item to every date, each item adds its weight at the first date on or
 * after `since` and takes it away at the first date on or after `until` (width_bucket over the
 * sorted dates); a running sum over the dates then gives the value on each of them.
 */
function recordGrid(counters: string[], dates: string[], districtId: string | null): SQL {
  const district = districtId ? sql`AND p.district_id = ${districtId}` : sql``;
  const items = sql.join(
    counters.map((c) => sql`SELECT ${c}::text AS counter, x.* FROM (${ITEMS[c]?.(district)}) x`),
    sql` UNION ALL `,
  );
  const bounds = datesArray(dates);
  return sql`
    WITH items AS (${items}),
    steps AS (
      SELECT counter, district_id, width_bucket(since - 1, ${bounds}) + 1 AS k, weight AS w FROM items
      UNION ALL
      SELECT counter, district_id, width_bucket(until - 1, ${bounds}) + 1 AS k, -weight AS w FROM items WHERE until IS NOT NULL),
    per AS (SELECT counter, district_id, k, sum(w) AS w FROM steps WHERE k <= ${dates.length} GROUP BY counter, district_id, k)
    SELECT per.counter, d.date::text AS date, per.district_id, grouping(per.district_id) AS whole, sum(per.w)::float8 AS n
      FROM per JOIN unnest(${bounds}) WITH ORDINALITY AS d(date, j) ON per.k <= d.j
     GROUP BY GROUPING SETS ((per.counter, d.date, per.district_id), (per.counter, d.date))`;
}

/**
 * `last:` sums each district's latest value up to the month (a stock); `sum:` adds the months since
 * the plan started (a flow). A district without any value is left out, so "nothing reported" stays null.
 */
function reportedGrid(
  counters: Array<{ counter: string; how: 'last' | 'sum'; element: string }>,
  dates: string[],
  districtId: string | null,
): SQL {
  const district = districtId ? sql`AND v.org_id = ${districtId}` : sql``;
  const from = PLAN_START.slice(0, 4) + PLAN_START.slice(5, 7);
  const parts = counters.map(({ counter, how, element }) =>
    how === 'last'
      ? sql`SELECT ${counter}::text AS counter, d.date, l.org_id, l.value FROM d CROSS JOIN LATERAL (
              SELECT DISTINCT ON (v.org_id) v.org_id, v.value::numeric AS value FROM data_value v
               WHERE v.data_element_code = ${element} AND length(v.period) = 6 AND v.period <= to_char(d.date, 'YYYYMM') ${district}
               ORDER BY v.org_id, v.period DESC) l`
      : sql`SELECT ${counter}::text AS counter, d.date, v.org_id, sum(v.value::numeric) AS value FROM d JOIN data_value v
              ON v.data_element_code = ${element} AND length(v.period) = 6 AND v.period BETWEEN ${from} AND to_char(d.date, 'YYYYMM') ${district}
             GROUP BY d.date, v.org_id`,
  );
  return sql`
    WITH d AS (SELECT unnest(${datesArray(dates)}) AS date), per_org AS (${sql.join(parts, sql` UNION ALL `)})
    SELECT counter, date::text AS date, org_id AS district_id, grouping(org_id) AS whole, sum(value)::float8 AS n
      FROM per_org GROUP BY GROUPING SETS ((counter, date, org_id), (counter, date))`;
}
