import type { TemplateItem } from '@suilian/contracts';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { codeItem } from '../codelists/codelist.table.js';
import { organisation } from '../organisations/organisation.table.js';
import { handlePrefix, handlePrefixAdmin, handleRecord, handleStatDaily, handleTemplate } from './handle.table.js';
import type { CounterRow } from './logic/counters.js';
import type { StoredValue } from './logic/values.js';

/** The channel every instance listens on; payload: handle keys separated by newlines, or `*prefixes`. */
export const INVALIDATION_CHANNEL = 'handle_invalidate';

export interface PrefixRow {
  prefix: string;
  prefixKey: string;
  parentPrefix: string | null;
  served: boolean;
  ownerOrgId: string;
  ownerOrgName: string;
  districtId: string | null;
  status: string;
  description: string | null;
  version: number;
  createdAt: Date;
  adminOrgIds: string[];
  adminOrgNames: string[];
}

export interface RecordRow {
  handleKey: string;
  handle: string;
  prefix: string;
  handleValues: StoredValue[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type NewRecord = Omit<RecordRow, 'version'> & { isDemo?: boolean };

/** Prefixes a query is limited to; null: every prefix. */
export type PrefixFilter = readonly string[] | null;

/** Every SQL statement of the identifier module. */
export function createHandleRepo(db: DbOrTx) {
  const recordColumns = {
    handleKey: handleRecord.handleKey,
    handle: handleRecord.handle,
    prefix: handleRecord.prefix,
    handleValues: handleRecord.handleValues,
    version: handleRecord.version,
    createdAt: handleRecord.createdAt,
    updatedAt: handleRecord.updatedAt,
  };
  const inPrefixes = (filter: PrefixFilter) =>
    filter === null ? undefined : filter.length === 0 ? sql`false` : inArray(handleRecord.prefix, [...filter]);

  return {
    /** Every prefix with owner and admin group: small, held in memory by each instance. */
    async allPrefixes(): Promise<PrefixRow[]> {
      const result = await db.execute<Omit<PrefixRow, 'createdAt'> & { createdAt: string | Date }>(sql`
        SELECT p.prefix, p.prefix_key AS "prefixKey", p.parent_prefix AS "parentPrefix", p.served,
               p.owner_org_id AS "ownerOrgId", o.name AS "ownerOrgName", o.district_id AS "districtId",
               p.status, p.description, p.version, p.created_at AS "createdAt",
               coalesce(array_agg(a.org_id ORDER BY ao.name) FILTER (WHERE a.org_id IS NOT NULL), '{}') AS "adminOrgIds",
               coalesce(array_agg(ao.name ORDER BY ao.name) FILTER (WHERE a.org_id IS NOT NULL), '{}') AS "adminOrgNames"
        FROM ${handlePrefix} p
        JOIN ${organisation} o ON o.id = p.owner_org_id
        LEFT JOIN ${handlePrefixAdmin} a ON a.prefix = p.prefix
        LEFT JOIN ${organisation} ao ON ao.id = a.org_id
        GROUP BY p.prefix, o.id
        ORDER BY p.prefix`);
      return result.rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
    },

    async insertPrefix(row: typeof handlePrefix.$inferInsert, adminOrgIds: readonly string[]): Promise<void> {
      await db.insert(handlePrefix).values(row);
      if (adminOrgIds.length) await db.insert(handlePrefixAdmin).values(adminOrgIds.map((orgId) => ({ prefix: row.prefix, orgId })));
    },

    /** Served prefixes from configuration: created once, owned by the city. */
    async ensureServed(prefixes: readonly string[], cityOrgId: string, now: Date, keyOf: (p: string) => string): Promise<number> {
      if (prefixes.length === 0) return 0;
      const inserted = await db
        .insert(handlePrefix)
        .values(
          prefixes.map((prefix) => ({
            prefix,
            prefixKey: keyOf(prefix),
            served: true,
            ownerOrgId: cityOrgId,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .onConflictDoNothing()
        .returning({ prefix: handlePrefix.prefix });
      return inserted.length;
    },

    async updatePrefix(
      prefix: string,
      version: number,
      fields: { status?: string; description?: string | null; updatedAt: Date },
      adminOrgIds?: readonly string[],
    ): Promise<boolean> {
      const updated = await db
        .update(handlePrefix)
        .set({ ...fields, version: sql`${handlePrefix.version} + 1` })
        .where(and(eq(handlePrefix.prefix, prefix), eq(handlePrefix.version, version)))
        .returning({ prefix: handlePrefix.prefix });
      if (updated.length === 0) return false;
      if (adminOrgIds) {
        await db.delete(handlePrefixAdmin).where(eq(handlePrefixAdmin.prefix, prefix));
        if (adminOrgIds.length) await db.insert(handlePrefixAdmin).values(adminOrgIds.map((orgId) => ({ prefix, orgId })));
      }
      return true;
    },

    async countHandlesByPrefix(prefixes: readonly string[]): Promise<Map<string, number>> {
      if (prefixes.length === 0) return new Map();
      const rows = await db
        .select({ prefix: handleRecord.prefix, n: sql<number>`count(*)::int` })
        .from(handleRecord)
        .where(inArray(handleRecord.prefix, [...prefixes]))
        .groupBy(handleRecord.prefix);
      return new Map(rows.map((r) => [r.prefix, r.n]));
    },

    async organisationsExist(ids: readonly string[]): Promise<Array<{ id: string; kind: string; districtId: string | null }>> {
      if (ids.length === 0) return [];
      return db
        .select({ id: organisation.id, kind: organisation.kind, districtId: organisation.districtId })
        .from(organisation)
        .where(inArray(organisation.id, [...ids]));
    },

    // ------------------------------------------------------------ templates

    /** Whether the industry code list (GB/T 4754 divisions) has this division, active. */
    async industryDivisionActive(division: string): Promise<boolean> {
      const [row] = await db
        .select({ active: codeItem.active })
        .from(codeItem)
        .where(and(eq(codeItem.listKey, 'industry'), eq(codeItem.code, division)));
      return row?.active === true;
    },

    async templates(prefix: string) {
      return db
        .select()
        .from(handleTemplate)
        .where(eq(handleTemplate.prefix, prefix))
        .orderBy(asc(handleTemplate.industryCode), desc(handleTemplate.version));
    },

    /** A given version, or the newest of the class when version is undefined. */
    async template(prefix: string, industryCode: string, version?: number) {
      const [row] = await db
        .select()
        .from(handleTemplate)
        .where(
          and(
            eq(handleTemplate.prefix, prefix),
            eq(handleTemplate.industryCode, industryCode),
            version === undefined ? undefined : eq(handleTemplate.version, version),
          ),
        )
        .orderBy(desc(handleTemplate.version))
        .limit(1);
      return row ?? null;
    },

    async insertTemplate(row: {
      prefix: string;
      industryCode: string;
      name: string;
      items: TemplateItem[];
      createdBy: string;
      createdAt: Date;
    }) {
      // Version = newest + 1, under a lock on the class so two editors cannot both write version n.
      await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`handle_template:${row.prefix}:${row.industryCode}`}))`);
      const [max] = await db
        .select({ v: sql<number>`coalesce(max(${handleTemplate.version}), 0)::int` })
        .from(handleTemplate)
        .where(and(eq(handleTemplate.prefix, row.prefix), eq(handleTemplate.industryCode, row.industryCode)));
      const [created] = await db
        .insert(handleTemplate)
        .values({ ...row, version: (max?.v ?? 0) + 1 })
        .returning();
      if (!created) throw new Error('template insert returned nothing');
      return created;
    },

    // ------------------------------------------------------------ records

    async findByKey(key: string): Promise<RecordRow | null> {
      const [row] = await db.select(recordColumns).from(handleRecord).where(eq(handleRecord.handleKey, key));
      return row ?? null;
    },

    /** The resolution read as a named prepared statement: planned once per connection, built once. */
    preparedFindByKey() {
      const statement = db
        .select(recordColumns)
        .from(handleRecord)
        .where(eq(handleRecord.handleKey, sql.placeholder('key')))
        .prepare('handle_record_by_key');
      return async (key: string): Promise<RecordRow | null> => (await statement.execute({ key }))[0] ?? null;
    },

    /** One array parameter rather than one per key: a 2,000-key IN list costs more to bind than to run. */
    async findByKeys(keys: readonly string[]): Promise<RecordRow[]> {
      if (keys.length === 0) return [];
      return db
        .select(recordColumns)
        .from(handleRecord)
        .where(sql`${handleRecord.handleKey} = ANY(${sql.param([...keys])}::text[])`);
    },

    /**
     * Inserts; returns the keys actually inserted (others existed already). The rows travel as one
     * JSON parameter expanded by jsonb_to_recordset: a 2,000-row VALUES list with 12,000 parameters
     * spent more time in building and binding than in writing.
     */
    async insertMany(rows: readonly NewRecord[]): Promise<Set<string>> {
      if (rows.length === 0) return new Set();
      const payload = JSON.stringify(
        rows.map((r) => ({
          handle_key: r.handleKey,
          handle: r.handle,
          prefix: r.prefix,
          handle_values: r.handleValues,
          is_demo: r.isDemo ?? false,
          created_at: r.createdAt.toISOString(),
          updated_at: r.updatedAt.toISOString(),
        })),
      );
      const result = await db.execute<{ handle_key: string }>(sql`
        INSERT INTO ${handleRecord} (handle_key, handle, prefix, handle_values, is_demo, created_at, updated_at)
        SELECT handle_key, handle, prefix, handle_values, is_demo, created_at, updated_at
          FROM jsonb_to_recordset(${payload}::jsonb)
            AS x(handle_key text, handle text, prefix text, handle_values jsonb, is_demo boolean, created_at timestamptz, updated_at timestamptz)
        ON CONFLICT DO NOTHING
        RETURNING handle_key`);
      return new Set(result.rows.map((r) => r.handle_key));
    },

    async replaceValues(key: string, values: StoredValue[], now: Date, expectedVersion?: number): Promise<boolean> {
      const updated = await db
        .update(handleRecord)
        .set({ handleValues: values, updatedAt: now, version: sql`${handleRecord.version} + 1` })
        .where(and(eq(handleRecord.handleKey, key), expectedVersion === undefined ? undefined : eq(handleRecord.version, expectedVersion)))
        .returning({ key: handleRecord.handleKey });
      return updated.length > 0;
    },

    async deleteRecord(key: string, expectedVersion?: number): Promise<boolean> {
      const deleted = await db
        .delete(handleRecord)
        .where(and(eq(handleRecord.handleKey, key), expectedVersion === undefined ? undefined : eq(handleRecord.version, expectedVersion)))
        .returning({ key: handleRecord.handleKey });
      return deleted.length > 0;
    },

    /** Handles of one prefix in key order (GET /api/handles?prefix=). */
    async listHandles(prefix: string, offset: number, limit: number): Promise<{ total: number; handles: string[] }> {
      const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(handleRecord).where(eq(handleRecord.prefix, prefix));
      const rows = await db
        .select({ handle: handleRecord.handle })
        .from(handleRecord)
        .where(eq(handleRecord.prefix, prefix))
        .orderBy(asc(handleRecord.handleKey))
        .offset(offset)
        .limit(limit);
      return { total: count?.n ?? 0, handles: rows.map((r) => r.handle) };
    },

    /** The console list: records of the given prefixes whose key starts with `keyStart`. */
    async listRecords(filter: PrefixFilter, keyStart: string | undefined, offset: number, limit: number) {
      const where = and(inPrefixes(filter), keyStart ? sql`${handleRecord.handleKey} LIKE ${`${escapeLike(keyStart)}%`}` : undefined);
      const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(handleRecord).where(where);
      const items = await db
        .select(recordColumns)
        .from(handleRecord)
        .where(where)
        .orderBy(asc(handleRecord.handleKey))
        .offset(offset)
        .limit(limit);
      return { total: count?.n ?? 0, items };
    },

    /**
     * Handles carrying a value whose data is exactly `value` (containment on the GIN index), the
     * value's type matching when given (`URL.` takes subtypes), public-read values only when asked.
     */
    async reverseLookup(q: { value: string; type?: string; filter: PrefixFilter; publicOnly: boolean; offset: number; limit: number }) {
      const probe = JSON.stringify([q.value]);
      const typeUpper = q.type?.toUpperCase();
      const typeMatch =
        typeUpper === undefined
          ? sql`true`
          : typeUpper.endsWith('.')
            ? sql`(upper(v->>'type') = ${typeUpper.slice(0, -1)} OR upper(v->>'type') LIKE ${`${escapeLike(typeUpper)}%`})`
            : sql`upper(v->>'type') = ${typeUpper}`;
      const publicMatch = q.publicOnly ? sql`substr(v->>'permissions', 3, 1) = '1'` : sql`true`;
      const prefixMatch = q.filter === null ? sql`true` : sql`r.prefix = ANY(${sql.param([...q.filter])})`;
      const result = await db.execute<{ handle: string; idx: number; type: string }>(sql`
        SELECT r.handle, (v->>'index')::int AS idx, v->>'type' AS type
        FROM ${handleRecord} r, jsonb_array_elements(r.handle_values) v
        WHERE jsonb_path_query_array(r.handle_values, '$[*].data.value') @> ${probe}::jsonb AND ${prefixMatch}
          AND v->'data'->>'value' = ${q.value} AND ${typeMatch} AND ${publicMatch}
        ORDER BY r.handle_key, idx
        OFFSET ${q.offset} LIMIT ${q.limit + 1}`);
      return result.rows.map((r) => ({ handle: r.handle, index: Number(r.idx), type: r.type }));
    },

    // ------------------------------------------------------------ statistics and invalidation

    /** Adds counts to handle_stat_daily in one statement. */
    async addStats(rows: readonly CounterRow[]): Promise<void> {
      if (rows.length === 0) return;
      await db.execute(sql`
        INSERT INTO ${handleStatDaily} (prefix, day, registrations, resolutions)
        SELECT * FROM unnest(${sql.param(rows.map((r) => r.prefix))}::text[], ${sql.param(rows.map((r) => r.day))}::date[],
                             ${sql.param(rows.map((r) => r.registrations))}::int[], ${sql.param(rows.map((r) => r.resolutions))}::int[])
        ON CONFLICT (prefix, day) DO UPDATE SET
          registrations = ${handleStatDaily}.registrations + excluded.registrations,
          resolutions = ${handleStatDaily}.resolutions + excluded.resolutions`);
    },

    async statsByDay(filter: PrefixFilter, from: string, to: string) {
      const result = await db.execute<{ day: string; registrations: number; resolutions: number }>(sql`
        SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(registrations)::int AS registrations, sum(resolutions)::int AS resolutions
        FROM ${handleStatDaily}
        WHERE day BETWEEN ${from}::date AND ${to}::date AND ${filter === null ? sql`true` : sql`prefix = ANY(${sql.param([...filter])})`}
        GROUP BY day ORDER BY day`);
      return result.rows;
    },

    async statsByPrefix(filter: PrefixFilter, from: string, to: string) {
      const result = await db.execute<{ prefix: string; registrations: number; resolutions: number }>(sql`
        SELECT prefix, sum(registrations)::int AS registrations, sum(resolutions)::int AS resolutions
        FROM ${handleStatDaily}
        WHERE day BETWEEN ${from}::date AND ${to}::date AND ${filter === null ? sql`true` : sql`prefix = ANY(${sql.param([...filter])})`}
        GROUP BY prefix ORDER BY prefix`);
      return result.rows;
    },

    async countRecords(filter: PrefixFilter): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(handleRecord).where(inPrefixes(filter));
      return row?.n ?? 0;
    },

    /** Queues an invalidation for every instance; delivered when the transaction commits. */
    async notify(payloads: readonly string[]): Promise<void> {
      for (const chunk of chunkPayload(payloads)) await db.execute(sql`SELECT pg_notify(${INVALIDATION_CHANNEL}, ${chunk})`);
    },
  };
}

export type HandleRepo = ReturnType<typeof createHandleRepo>;

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** NOTIFY payloads stay under PostgreSQL's 8000-byte limit. */
function chunkPayload(keys: readonly string[]): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const key of keys) {
    const next = current ? `${current}\n${key}` : key;
    if (Buffer.byteLength(next) > 7000 && current) {
      chunks.push(current);
      current = key;
    } else current = next;
  }
  if (current) chunks.push(current);
  return chunks;
}
