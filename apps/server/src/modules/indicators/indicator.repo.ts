import { type AggregationType, PLAN_START } from '@suilian/contracts';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { dataElement } from '../reporting/reporting.table.js';
import { indicator } from './indicator.table.js';
import { type GridRow, gridFromRows, type ValueGrid } from './value-grid.js';

export type IndicatorRow = typeof indicator.$inferSelect;
export type IndicatorInsert = typeof indicator.$inferInsert;

export interface ElementInfo {
  code: string;
  nameZh: string;
  nameEn: string;
  aggregation: AggregationType;
  unit: string;
}

export interface ReportedRow {
  districtId: string;
  districtName: string;
  period: string;
  value: number;
  accepted: boolean;
}

/** `last:<element>` (a stock: each district's latest figure) or `sum:<element>` (a flow: periods since the plan started). */
export function parseReportedCounter(counter: string | null): { how: 'last' | 'sum'; element: string } | null {
  const match = counter?.match(/^(last|sum):([A-Za-z0-9_.-]+)$/);
  return match ? { how: match[1] as 'last' | 'sum', element: match[2] ?? '' } : null;
}

/**
 * The reported values a figure is made of, as of `asOf`: for `last` each district's latest monthly
 * value on or before that month, for `sum` every monthly value since the plan started.
 */
function reportedRows(how: 'last' | 'sum', element: string, asOf: string, districtId: string | null) {
  const until = asOf.slice(0, 4) + asOf.slice(5, 7);
  const from = PLAN_START.slice(0, 4) + PLAN_START.slice(5, 7);
  const district = districtId ? sql`AND v.org_id = ${districtId}` : sql``;
  return how === 'last'
    ? sql`SELECT DISTINCT ON (v.org_id) v.org_id, v.period, v.value::numeric AS value FROM data_value v
           WHERE v.data_element_code = ${element} AND length(v.period) = 6 AND v.period <= ${until} ${district}
           ORDER BY v.org_id, v.period DESC`
    : sql`SELECT v.org_id, v.period, v.value::numeric AS value FROM data_value v
           WHERE v.data_element_code = ${element} AND length(v.period) = 6 AND v.period BETWEEN ${from} AND ${until} ${district}`;
}

/**
 * Many reported figures on many dates in one statement, per district and for the scope: `last:`
 * sums each district's latest value up to the date's month, `sum:` adds the months since the plan
 * started — the same rows as `reportedRows`. A district without any value is left out, so "nothing
 * reported" stays absent (null).
 */
function reportedGridOf(counters: Array<{ how: 'last' | 'sum'; element: string }>, dates: string[], districtId: string | null) {
  const district = districtId ? sql`AND v.org_id = ${districtId}` : sql``;
  const from = PLAN_START.slice(0, 4) + PLAN_START.slice(5, 7);
  const parts = counters.map(({ how, element }) =>
    how === 'last'
      ? sql`SELECT ${`last:${element}`}::text AS counter, d.date, l.org_id, l.value FROM d CROSS JOIN LATERAL (
              SELECT DISTINCT ON (v.org_id) v.org_id, v.value::numeric AS value FROM data_value v
               WHERE v.data_element_code = ${element} AND length(v.period) = 6 AND v.period <= to_char(d.date, 'YYYYMM') ${district}
               ORDER BY v.org_id, v.period DESC) l`
      : sql`SELECT ${`sum:${element}`}::text AS counter, d.date, v.org_id, sum(v.value::numeric) AS value FROM d JOIN data_value v
              ON v.data_element_code = ${element} AND length(v.period) = 6 AND v.period BETWEEN ${from} AND to_char(d.date, 'YYYYMM') ${district}
             GROUP BY d.date, v.org_id`,
  );
  return sql`
    WITH d AS (SELECT unnest(${`{${dates.join(',')}}`}::date[]) AS date), per_org AS (${sql.join(parts, sql` UNION ALL `)})
    SELECT counter, date::text AS date, org_id AS district_id, grouping(org_id) AS whole, sum(value)::float8 AS n
      FROM per_org GROUP BY GROUPING SETS ((counter, date, org_id), (counter, date))`;
}

export function createIndicatorRepo(db: DbOrTx) {
  return {
    /** Active indicators (not retired) unless asked otherwise. */
    async findAll(options: { retired?: 'include' | 'only' } = {}): Promise<IndicatorRow[]> {
      const where =
        options.retired === 'include'
          ? undefined
          : options.retired === 'only'
            ? sql`${indicator.retiredAt} IS NOT NULL`
            : isNull(indicator.retiredAt);
      return db.select().from(indicator).where(where).orderBy(asc(indicator.sortOrder), asc(indicator.code));
    },
    async findByCode(code: string, options: { lock?: boolean } = {}): Promise<IndicatorRow | null> {
      const query = db.select().from(indicator).where(eq(indicator.code, code));
      const [row] = options.lock ? await query.for('update') : await query;
      return row ?? null;
    },
    async insertIfMissing(rows: IndicatorInsert[]): Promise<number> {
      if (rows.length === 0) return 0;
      const inserted = await db.insert(indicator).values(rows).onConflictDoNothing().returning({ code: indicator.code });
      return inserted.length;
    },
    /** Inserts a new indicator; null when the code is taken. */
    async insert(row: IndicatorInsert): Promise<IndicatorRow | null> {
      const [inserted] = await db.insert(indicator).values(row).onConflictDoNothing().returning();
      return inserted ?? null;
    },
    /** Updates when the version matches; null when someone else changed it first. */
    async update(code: string, version: number, fields: Partial<IndicatorInsert>): Promise<IndicatorRow | null> {
      const [updated] = await db
        .update(indicator)
        .set({ ...fields, version: version + 1 })
        .where(and(eq(indicator.code, code), eq(indicator.version, version)))
        .returning();
      return updated ?? null;
    },

    async dataElements(): Promise<ElementInfo[]> {
      return db
        .select({
          code: dataElement.code,
          nameZh: dataElement.nameZh,
          nameEn: dataElement.nameEn,
          aggregation: dataElement.aggregation,
          unit: dataElement.unit,
        })
        .from(dataElement)
        .orderBy(asc(dataElement.code));
    },

    /** The reported figure; null when nothing was reported. */
    async reported(how: 'last' | 'sum', element: string, asOf: string, districtId: string | null): Promise<number | null> {
      const result = await db.execute<{ n: number; total: number }>(
        sql`SELECT count(*)::int AS n, coalesce(sum(r.value), 0)::float8 AS total FROM (${reportedRows(how, element, asOf, districtId)}) r`,
      );
      const row = result.rows[0];
      return row && Number(row.n) > 0 ? Number(row.total) : null;
    },

    /** Many reported figures on many dates, per district and for the scope, in one statement. */
    async reportedGrid(
      counters: Array<{ how: 'last' | 'sum'; element: string }>,
      dates: string[],
      districtId: string | null,
    ): Promise<ValueGrid> {
      if (counters.length === 0 || dates.length === 0) return new Map();
      return gridFromRows((await db.execute<GridRow>(reportedGridOf(counters, dates, districtId))).rows);
    },

    /** How many values make the figure. */
    async reportedCount(how: 'last' | 'sum', element: string, asOf: string, districtId: string | null): Promise<number> {
      const result = await db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM (${reportedRows(how, element, asOf, districtId)}) r`,
      );
      return Number(result.rows[0]?.n ?? 0);
    },

    /**
     * One page of the values making the figure, by district then latest period, each saying whether
     * the city has accepted the form it was reported in.
     */
    async reportedList(
      how: 'last' | 'sum',
      element: string,
      asOf: string,
      districtId: string | null,
      page: { limit: number; offset: number },
    ): Promise<ReportedRow[]> {
      const result = await db.execute<{ org_id: string; name: string; period: string; value: number; accepted: boolean }>(sql`
        SELECT r.org_id, d.name, r.period, r.value::float8 AS value,
               EXISTS (SELECT 1 FROM data_registration g
                         JOIN data_set_element se ON se.data_set_code = g.data_set_code
                        WHERE se.data_element_code = ${element} AND g.period = r.period AND g.org_id = r.org_id
                          AND g.state = 'accepted') AS accepted
          FROM (${reportedRows(how, element, asOf, districtId)}) r JOIN organisation d ON d.id = r.org_id
         ORDER BY d.name, r.period DESC
         LIMIT ${page.limit} OFFSET ${page.offset}`);
      return result.rows.map((r) => ({
        districtId: r.org_id,
        districtName: r.name,
        period: r.period,
        value: Number(r.value),
        accepted: Boolean(r.accepted),
      }));
    },
  };
}
