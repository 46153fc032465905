import { type DrillRecordKind, PLAN_START } from '@suilian/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';

/**
 * The records behind each named counter, as of the end of `asOf` (YYYY-MM-DD), city-wide or for one
 * district. Each counter is ONE query of matching rows (kind, id, title, district_id, state,
 * counted_on, weight, ref); the indicator's value is the sum of `weight` over it and the drill-down
 * pages through the same rows, so the two can never disagree. This module owns only definitions:
 * it reads the programme tables directly.
 */
const COUNTERS: Record<string, (asOf: string, district: SQL) => SQL> = {
  // T-APP-2: the state a project had on that day, from its timeline; a national filing id.
  projects_filed_active: (asOf, district) => sql`
    SELECT 'project' AS kind, p.id::text AS id, p.title, p.district_id, s.state, s.since::text AS counted_on,
           1::float8 AS weight, NULL::text AS ref
      FROM project p
      CROSS JOIN LATERAL (SELECT e.to_state AS state, e.occurred_at::date AS since FROM project_event e
                           WHERE e.project_id = p.id AND e.occurred_at < (${asOf}::date + 1)
                           ORDER BY e.occurred_at DESC LIMIT 1) s
     WHERE p.filing_id IS NOT NULL ${district}
       AND s.state IN ('under_construction', 'built', 'accepted')`,
  // T-APP-1: factories with at least ten scenarios live by that day; it counts from the tenth.
  factories_with_10_live_scenarios: (asOf, district) => sql`
    SELECT 'factory' AS kind, p.id::text AS id, p.name AS title, p.district_id, p.level AS state,
           greatest(tenth.go_live_date, p.created_at::date)::text AS counted_on, 1::float8 AS weight, NULL::text AS ref
      FROM factory p
      CROSS JOIN LATERAL (SELECT s.go_live_date FROM factory_scenario s
                           WHERE s.factory_id = p.id AND s.go_live_date <= ${asOf}::date
                           ORDER BY s.go_live_date OFFSET 9 LIMIT 1) tenth
     WHERE p.created_at < (${asOf}::date + 1) ${district}`,
  benchmarks_selected: (asOf, district) => sql`
    SELECT 'selection_application' AS kind, p.id::text AS id, p.subject_name AS title, p.district_id, p.status AS state,
           r.published_at::date::text AS counted_on, 1::float8 AS weight, r.id::text AS ref
      FROM selection_application p JOIN selection_round r ON r.id = p.round_id
     WHERE r.kind = 'benchmark_factory' AND r.stage = 'published' AND p.selected
       AND r.published_at < (${asOf}::date + 1) ${district}`,
  typical_cases_published: (asOf, district) => sql`
    SELECT 'typical_case' AS kind, p.id::text AS id, p.subject_name AS title, p.district_id, p.status AS state,
           r.published_at::date::text AS counted_on, 1::float8 AS weight, r.id::text AS ref
      FROM selection_application p JOIN selection_round r ON r.id = p.round_id
      JOIN selection_case c ON c.application_id = p.id
     WHERE r.kind = 'typical_case' AND r.stage = 'published' AND p.selected
       AND r.published_at < (${asOf}::date + 1) ${district}`,
  // An enterprise counts once, from its first qualifying honour.
  national_single_champions_new: (asOf, district) => sql`
    SELECT DISTINCT ON (p.id) 'enterprise' AS kind, p.id::text AS id, p.name AS title, p.district_id, h.level AS state,
           coalesce(h.valid_from, make_date(h.year, 12, 31))::text AS counted_on, 1::float8 AS weight, NULL::text AS ref
      FROM enterprise_honour h JOIN organisation p ON p.id = h.org_id
     WHERE h.honour_type = 'SINGLE_CHAMPION_ENTERPRISE' AND h.level = 'national'
       AND coalesce(h.valid_from, make_date(h.year, 12, 31)) BETWEEN ${PLAN_START}::date AND ${asOf}::date ${district}
     ORDER BY p.id, coalesce(h.valid_from, make_date(h.year, 12, 31))`,
  standards_intl_national_industry: (asOf, district) =>
    registry('standards', asOf, district, sql`AND p.kind IN ('international', 'national', 'industry')`),
  patents: (asOf, district) => registry('patents', asOf, district),
  national_pilot_projects: (asOf, district) => registry('pilot-projects', asOf, district, sql`AND p.kind = 'national'`),
  carriers: (asOf, district) => registry('carriers', asOf, district),
  platforms: (asOf, district) => registry('platforms', asOf, district),
  exchange_meetings: (asOf, district) => registry('events', asOf, district, sql`AND p.kind = 'exchange_meeting'`),
  trainings: (asOf, district) => registry('trainings', asOf, district),
  // T-PUB-4: each training adds the trainees who completed it.
  trainees_completed: (asOf, district) => registry('trainings', asOf, district, sql``, sql`coalesce(p.quantity, 0)::float8`),
  handle_registrations: (asOf, district) => handleStats(sql`registrations`, asOf, district),
  handle_resolutions: (asOf, district) => handleStats(sql`resolutions`, asOf, district),
};

/**
 * Identifier registrations or resolutions since the plan started, one row per prefix (weight: its
 * daily counts summed to the date); a prefix belongs to the district of the organisation owning it.
 */
function handleStats(column: SQL, asOf: string, district: SQL): SQL {
  return sql`
    SELECT 'handle_stat' AS kind, s.prefix AS id, s.prefix || ' · ' || p.name AS title, p.district_id, NULL::text AS state,
           max(s.day)::text AS counted_on, sum(s.${column})::float8 AS weight, s.prefix AS ref
      FROM handle_stat_daily s JOIN handle_prefix h ON h.prefix = s.prefix JOIN organisation p ON p.id = h.owner_org_id
     WHERE s.day BETWEEN ${PLAN_START}::date AND ${asOf}::date AND s.${column} > 0 ${district}
     GROUP BY s.prefix, p.name, p.district_id`;
}

function registry(key: string, asOf: string, district: SQL, extra: SQL = sql``, weight: SQL = sql`1::float8`): SQL {
  return sql`
    SELECT 'registry_record' AS kind, p.id::text AS id, p.title, p.district_id, p.kind AS state,
           p.record_date::text AS counted_on, ${weight} AS weight, p.registry AS ref
      FROM registry_record p
     WHERE p.registry = ${key} AND p.record_date BETWEEN ${PLAN_START}::date AND ${asOf}::date ${extra} ${district}`;
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

function rowsOf(counter: string, asOf: string, districtId: string | null): SQL {
  const build = COUNTERS[counter];
  if (!build) throw new Error(`unknown counter ${counter}`);
  return build(asOf, districtId ? sql`AND p.district_id = ${districtId}` : sql``);
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
