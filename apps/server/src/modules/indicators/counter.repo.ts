import type { DrillRecordKind } from '@suilian/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { combineSources, type SpanSources } from '../../platform/measures/spans.js';
import { enterpriseMeasures, enterprisePendingMeasures } from '../enterprises/index.js';
import { factoryMeasures, factoryPendingMeasures } from '../factories/index.js';
import { handleMeasures } from '../handles/index.js';
import { networkMeasures, networkPendingMeasures } from '../networks/index.js';
import { projectMeasures } from '../projects/index.js';
import { registryMeasures, registryPendingMeasures } from '../registries/index.js';
import { selectionMeasures } from '../selections/index.js';
import { trainingMeasures } from '../trainings/index.js';
import { type GridRow, gridFromRows, type ValueGrid } from './value-grid.js';

/**
 * The records behind each named counter as SPANS (platform/measures/spans.ts): each counts `weight`
 * on every day from `since` until the day before `until`. The modules that own the records declare
 * them with their Drizzle columns (`projectMeasures`, `factoryMeasures` …); this repository combines
 * them. That is the one definition of every counter: its value on a day is the sum of the weights
 * of the spans covering that day, its drill-down pages through those spans, and the grid (every
 * counter on many dates for every district) is ONE statement over them, so the indicator list,
 * the series and the dashboard can never disagree.
 */
const COUNTERS: SpanSources = combineSources(
  {
    ...projectMeasures,
    ...factoryMeasures,
    ...selectionMeasures,
    ...enterpriseMeasures,
    ...registryMeasures,
    ...handleMeasures,
    ...networkMeasures,
  },
  // T-PUB-2…4 count the registries' typed records and the trainings module's people and activities alike.
  trainingMeasures,
);

/**
 * The records each counter would count once their district confirms them: declared by the
 * enterprise, not counted yet (issue #12 item 5). Same shape and filters as COUNTERS.
 */
const PENDING: SpanSources = {
  ...factoryPendingMeasures,
  ...registryPendingMeasures,
  ...enterprisePendingMeasures,
  ...networkPendingMeasures,
};

/** Record kinds that count only once confirmed: their counted rows are confirmed by definition. */
const CONFIRMABLE = new Set<DrillRecordKind>(['factory', 'registry_record', 'enterprise', 'private_network', 'edge_node']);

/** Counters whose drill-down shows one row per id (summing its spans) rather than one per span. */
const PER_ID = new Set(['handle_registrations', 'handle_resolutions']);

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
  /** confirmed (counted) or declared (pending) for records that need confirmation; null for others. */
  confirmation: 'confirmed' | 'declared' | null;
}

function spansOf(counter: string, districtId: string | null, sources: SpanSources = COUNTERS): SQL {
  const build = sources[counter];
  if (!build) throw new Error(`unknown counter ${counter}`);
  return build((column) => (districtId ? sql`AND ${column} = ${districtId}` : sql``));
}

/** The rows counted at the end of `asOf`: the spans covering that day (per id where the counter says so). */
function rowsOf(counter: string, asOf: string, districtId: string | null, sources: SpanSources = COUNTERS): SQL {
  const covering = sql`SELECT * FROM (${spansOf(counter, districtId, sources)}) x WHERE x.since <= ${asOf}::date AND (x.until IS NULL OR x.until > ${asOf}::date)`;
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
      return listRows(db, rowsOf(counter, asOf, districtId), page, 'confirmed');
    },

    /**
     * The declared records the counter would count once confirmed (issue #12 item 5): how many,
     * what they would add, and one page of them. Counters without confirmation have none.
     */
    async pending(
      counter: string,
      asOf: string,
      districtId: string | null,
      page: { limit: number; offset: number },
    ): Promise<{ rows: number; value: number; items: CounterRow[] }> {
      if (!Object.hasOwn(PENDING, counter)) return { rows: 0, value: 0, items: [] };
      const rows = rowsOf(counter, asOf, districtId, PENDING);
      const result = await db.execute<{ value: number; rows: number }>(
        sql`SELECT coalesce(sum(r.weight), 0)::float8 AS value, count(*)::int AS rows FROM (${rows}) r`,
      );
      return {
        rows: Number(result.rows[0]?.rows ?? 0),
        value: Number(result.rows[0]?.value ?? 0),
        items: await listRows(db, rows, page, 'declared'),
      };
    },
  };
}

/** One page of counter rows, latest first, with the confirmation state their list implies. */
async function listRows(
  db: DbOrTx,
  rows: SQL,
  page: { limit: number; offset: number },
  state: 'confirmed' | 'declared',
): Promise<CounterRow[]> {
  const result = await db.execute<Record<string, unknown>>(sql`
      SELECT r.kind, r.id, r.title, r.district_id, d.name AS district_name, r.state, r.counted_on, r.weight, r.ref
        FROM (${rows}) r LEFT JOIN organisation d ON d.id = r.district_id
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
    confirmation: CONFIRMABLE.has(r.kind as DrillRecordKind) ? state : null,
  }));
}
