import { type DrillRecordKind, PLAN_START } from '@suilian/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { type GridRow, gridFromRows, type ValueGrid } from './value-grid.js';

/**
 * The records behind each named counter as SPANS: (kind, id, title, district_id, state, since,
 * until, weight, ref) — each counts `weight` on every day from `since` until the day before `until`
 * (for ever when null). This is the one definition of every counter: its value on a day is the sum
 * of the weights of the spans covering that day, its drill-down pages through those spans, and the
 * grid (every counter on many dates for every district) is ONE statement over them, so the
 * indicator list, the series and the dashboard can never disagree. It reads the programme tables
 * directly; `district` filters on `p.district_id`.
 */
const COUNTERS: Record<string, (district: SQL) => SQL> = {
  // T-APP-2: the state a project had on a day is the `to_state` of its last event up to that day;
  // a national filing id.
  projects_filed_active: (district) => sql`
    SELECT 'project' AS kind, s.id, s.title, s.district_id, s.state, s.since, s.until, 1::float8 AS weight, NULL::text AS ref
      FROM (SELECT p.id::text AS id, p.title, p.district_id, e.to_state AS state, e.occurred_at::date AS since,
                   lead(e.occurred_at::date) OVER (PARTITION BY e.project_id ORDER BY e.occurred_at) AS until
              FROM project p JOIN project_event e ON e.project_id = p.id
             WHERE p.filing_id IS NOT NULL ${district}) s
     WHERE s.state IN ('under_construction', 'built', 'accepted')`,
  // T-APP-1: factories with at least ten scenarios live; each counts from its tenth (or from its
  // registration, if later).
  factories_with_10_live_scenarios: (district) => sql`
    SELECT 'factory' AS kind, p.id::text AS id, p.name AS title, p.district_id, p.level AS state,
           greatest(t.tenth, p.created_at::date) AS since, NULL::date AS until, 1::float8 AS weight, NULL::text AS ref
      FROM factory p JOIN (
        SELECT factory_id, (array_agg(go_live_date ORDER BY go_live_date))[10] AS tenth FROM factory_scenario
         WHERE go_live_date IS NOT NULL GROUP BY factory_id HAVING count(*) >= 10) t ON t.factory_id = p.id
     WHERE true ${district}`,
  benchmarks_selected: (district) => sql`
    SELECT 'selection_application' AS kind, p.id::text AS id, p.subject_name AS title, p.district_id, p.status AS state,
           r.published_at::date AS since, NULL::date AS until, 1::float8 AS weight, r.id::text AS ref
      FROM selection_application p JOIN selection_round r ON r.id = p.round_id
     WHERE r.kind = 'benchmark_factory' AND r.stage = 'published' AND p.selected AND r.published_at IS NOT NULL ${district}`,
  typical_cases_published: (district) => sql`
    SELECT 'typical_case' AS kind, p.id::text AS id, p.subject_name AS title, p.district_id, p.status AS state,
           r.published_at::date AS since, NULL::date AS until, 1::float8 AS weight, r.id::text AS ref
      FROM selection_application p JOIN selection_round r ON r.id = p.round_id
      JOIN selection_case c ON c.application_id = p.id
     WHERE r.kind = 'typical_case' AND r.stage = 'published' AND p.selected AND r.published_at IS NOT NULL ${district}`,
  // An enterprise counts once, from its first qualifying honour since the plan started.
  national_single_champions_new: (district) => sql`
    SELECT DISTINCT ON (p.id) 'enterprise' AS kind, p.id::text AS id, p.name AS title, p.district_id, h.level AS state,
           coalesce(h.valid_from, make_date(h.year, 12, 31)) AS since, NULL::date AS until, 1::float8 AS weight, NULL::text AS ref
      FROM enterprise_honour h JOIN organisation p ON p.id = h.org_id
     WHERE h.honour_type = 'SINGLE_CHAMPION_ENTERPRISE' AND h.level = 'national'
       AND coalesce(h.valid_from, make_date(h.year, 12, 31)) >= ${PLAN_START}::date ${district}
     ORDER BY p.id, coalesce(h.valid_from, make_date(h.year, 12, 31))`,
  standards_intl_national_industry: (district) =>
    registry('standards', district, sql`AND p.kind IN ('international', 'national', 'industry')`),
  patents: (district) => registry('patents', district),
  national_pilot_projects: (district) => registry('pilot-projects', district, sql`AND p.kind = 'national'`),
  carriers: (district) => registry('carriers', district),
  platforms: (district) => registry('platforms', district),
  exchange_meetings: (district) => registry('events', district, sql`AND p.kind = 'exchange_meeting'`),
  trainings: (district) => registry('trainings', district),
  // T-PUB-4: each training adds the trainees who completed it.
  trainees_completed: (district) => registry('trainings', district, sql``, sql`coalesce(p.quantity, 0)::float8`),
  handle_registrations: (district) => handleStats(sql`registrations`, district),
  handle_resolutions: (district) => handleStats(sql`resolutions`, district),
};

/** Counters whose drill-down shows one row per id (summing its spans) rather than one per span. */
const PER_ID = new Set(['handle_registrations', 'handle_resolutions']);

/**
 * Identifier registrations or resolutions since the plan started: one span per prefix and day
 * (weight: that day's count); a prefix belongs to the district of the organisation owning it.
 */
function handleStats(column: SQL, district: SQL): SQL {
  return sql`
    SELECT 'handle_stat' AS kind, s.prefix AS id, s.prefix || ' · ' || p.name AS title, p.district_id, NULL::text AS state,
           s.day AS since, NULL::date AS until, s.${column}::float8 AS weight, s.prefix AS ref
      FROM handle_stat_daily s JOIN handle_prefix h ON h.prefix = s.prefix JOIN organisation p ON p.id = h.owner_org_id
     WHERE s.day >= ${PLAN_START}::date AND s.${column} > 0 ${district}`;
}

function registry(key: string, district: SQL, extra: SQL = sql``, weight: SQL = sql`1::float8`): SQL {
  return sql`
    SELECT 'registry_record' AS kind, p.id::text AS id, p.title, p.district_id, p.kind AS state,
           p.record_date AS since, NULL::date AS until, ${weight} AS weight, p.registry AS ref
      FROM registry_record p
     WHERE p.registry = ${key} AND p.record_date >= ${PLAN_START}::date ${extra} ${district}`;
}

export const COUNTER_NAMES = Object.keys(COUNTERS);

export function isCounter(name: string): boolean {
  return Object.hasOwn(COUNTERS, name);
}

export interface CounterRow {
  kind: DrillRecordKind;
  id: string;
  title: string;
  districtId: string | null;
  districtName: string | null;
  state: string | null;
  countedOn: string | null;
  weight: number;
  /** The round of a selection application, the registry of a registry record. */
  ref: string | null;
}

function spansOf(counter: string, districtId: string | null): SQL {
  const build = COUNTERS[counter];
  if (!build) throw new Error(`unknown counter ${counter}`);
  return build(districtId ? sql`AND p.district_id = ${districtId}` : sql``);
}

/** The rows counted at the end of `asOf`: the spans covering that day (per id where the counter says so). */
function rowsOf(counter: string, asOf: string, districtId: string | null): SQL {
  const covering = sql`SELECT * FROM (${spansOf(counter, districtId)}) x WHERE x.since <= ${asOf}::date AND (x.until IS NULL OR x.until > ${asOf}::date)`;
  return PER_ID.has(counter)
    ? sql`SELECT kind, id, title, district_id, state, max(since)::text AS counted_on, sum(weight)::float8 AS weight, ref
            FROM (${covering}) c GROUP BY kind, id, title, district_id, state, ref`
    : sql`SELECT kind, id, title, district_id, state, since::text AS counted_on, weight, ref FROM (${covering}) c`;
}

/**
 * Rather than joining every span to every date, each span adds its weight at the first date on or
 * after `since` and takes it away at the first date on or after `until` (width_bucket over the
 * sorted dates); a running sum over the dates then gives the value on each of them. Both steps come
 * from one pass over the spans (LATERAL VALUES), so the CTE is inlined rather than materialised.
 */
function gridOf(counters: string[], dates: string[], districtId: string | null): SQL {
  const spans = sql.join(
    counters.map((c) => sql`SELECT ${c}::text AS counter, x.district_id, x.since, x.until, x.weight FROM (${spansOf(c, districtId)}) x`),
    sql` UNION ALL `,
  );
  const bounds = sql`${`{${dates.join(',')}}`}::date[]`;
  return sql`
    WITH spans AS (${spans}),
    steps AS (
      SELECT spans.counter, spans.district_id, width_bucket(s.at - 1, ${bounds}) + 1 AS k, s.w
        FROM spans CROSS JOIN LATERAL (VALUES (spans.since, spans.weight), (spans.until, -spans.weight)) s(at, w)
       WHERE s.at IS NOT NULL),
    per AS (SELECT counter, district_id, k, sum(w) AS w FROM steps WHERE k <= ${dates.length} GROUP BY counter, district_id, k)
    SELECT per.counter, d.date::text AS date, per.district_id, grouping(per.district_id) AS whole, sum(per.w)::float8 AS n
      FROM per JOIN unnest(${bounds}) WITH ORDINALITY AS d(date, j) ON per.k <= d.j
     GROUP BY GROUPING SETS ((per.counter, d.date, per.district_id), (per.counter, d.date))`;
}

export function createCounterRepo(db: DbOrTx) {
  return {
    /** The counter's value: the sum of its rows' weights (0 when nothing matches), and how many rows. */
    async count(counter: string, asOf: string, districtId: string | null): Promise<{ value: number; rows: number }> {
      const result = await db.execute<{ value: number; rows: number }>(
        sql`SELECT coalesce(sum(r.weight), 0)::float8 AS value, count(*)::int AS rows FROM (${rowsOf(counter, asOf, districtId)}) r`,
      );
      const row = result.rows[0];
      return { value: Number(row?.value ?? 0), rows: Number(row?.rows ?? 0) };
    },

    /**
     * Every counter on every date (ascending, distinct), per district and for the scope ('*'), in
     * one statement; a counter without spans on a date is absent (its value is 0).
     */
    async grid(counters: string[], dates: string[], districtId: string | null): Promise<ValueGrid> {
      if (counters.length === 0 || dates.length === 0) return new Map();
      return gridFromRows((await db.execute<GridRow>(gridOf(counters, dates, districtId))).rows);
    },

    /** One page of the rows, latest first. */
    async list(counter: string, asOf: string, districtId: string | null, page: { limit: number; offset: number }): Promise<CounterRow[]> {
      const result = await db.execute<Record<string, unknown>>(sql`
        SELECT r.kind, r.id, r.title, r.district_id, d.name AS district_name, r.state, r.counted_on, r.weight, r.ref
          FROM (${rowsOf(counter, asOf, districtId)}) r LEFT JOIN organisation d ON d.id = r.district_id
         ORDER BY r.counted_on DESC NULLS LAST, r.title, r.id
         LIMIT ${page.limit} OFFSET ${page.offset}`);
      return result.rows.map((r) => ({
        kind: r.kind as DrillRecordKind,
        id: String(r.id),
        title: String(r.title),
        districtId: (r.district_id as string | null) ?? null,
        districtName: (r.district_name as string | null) ?? null,
        state: (r.state as string | null) ?? null,
        countedOn: (r.counted_on as string | null) ?? null,
        weight: Number(r.weight),
        ref: (r.ref as string | null) ?? null,
      }));
    },
  };
}
