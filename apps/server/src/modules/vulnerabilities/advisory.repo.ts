import type { AdvisoryListQuery, VulnerabilityListQuery } from '@suilian/contracts';
import { and, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  vendorAlias,
  vulnAdvisory,
  vulnAdvisoryRevision,
  vulnAdvisoryVulnerability,
  vulnerability,
  vulnProductEntry,
  vulnScore,
} from './advisory.table.js';
import { vulnMatch } from './asset.table.js';

export type AdvisoryRow = typeof vulnAdvisory.$inferSelect;
export type VulnerabilityRow = typeof vulnerability.$inferSelect;
export type EntryRow = typeof vulnProductEntry.$inferSelect;
export type ScoreRow = typeof vulnScore.$inferSelect;
export type AliasRow = typeof vendorAlias.$inferSelect;

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Advisories, vulnerabilities, their product entries, scores and vendor aliases: the only SQL for them. */
export function createAdvisoryRepo(db: DbOrTx) {
  return {
    /** The advisory of a tracking id, without its document (the import's skip check runs once per file). */
    async findAdvisory(source: string, trackingId: string): Promise<Pick<AdvisoryRow, 'id' | 'trackingVersion' | 'sha256'> | null> {
      const [row] = await db
        .select({ id: vulnAdvisory.id, trackingVersion: vulnAdvisory.trackingVersion, sha256: vulnAdvisory.sha256 })
        .from(vulnAdvisory)
        .where(and(eq(vulnAdvisory.source, source as AdvisoryRow['source']), eq(vulnAdvisory.trackingId, trackingId)));
      return row ?? null;
    },
    async findAdvisoryById(id: string): Promise<AdvisoryRow | null> {
      const [row] = await db.select().from(vulnAdvisory).where(eq(vulnAdvisory.id, id));
      return row ?? null;
    },
    /** Takes a transaction-scoped lock on one tracking id so two imports of it queue instead of racing. */
    async lockTracking(source: string, trackingId: string): Promise<void> {
      await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`vuln:${source}:${trackingId}`}))`);
    },
    async insertAdvisory(values: typeof vulnAdvisory.$inferInsert): Promise<{ id: string }> {
      const [row] = await db.insert(vulnAdvisory).values(values).returning({ id: vulnAdvisory.id });
      if (!row) throw new Error('insert returned nothing');
      return row;
    },
    async updateAdvisory(id: string, values: Partial<typeof vulnAdvisory.$inferInsert>): Promise<void> {
      await db.update(vulnAdvisory).set(values).where(eq(vulnAdvisory.id, id));
    },
    /**
     * Records the advisory's current version as a revision, copying version, release date,
     * document and hash from its row inside PostgreSQL: the document crosses the wire and is
     * parsed into jsonb once per import, not twice.
     */
    async insertRevisionOfCurrent(advisoryId: string, summary: string | null, importedAt: Date): Promise<void> {
      await db.execute(sql`
        INSERT INTO vuln_advisory_revision (advisory_id, tracking_version, current_release_at, document, sha256, summary, imported_by_id, imported_at)
        SELECT a.id, a.tracking_version, a.current_release_at, a.document, a.sha256, ${summary}, a.imported_by_id, ${importedAt.toISOString()}
          FROM vuln_advisory a WHERE a.id = ${advisoryId}
        ON CONFLICT DO NOTHING`);
    },
    async revisions(advisoryId: string) {
      return db
        .select()
        .from(vulnAdvisoryRevision)
        .where(eq(vulnAdvisoryRevision.advisoryId, advisoryId))
        .orderBy(desc(vulnAdvisoryRevision.importedAt), desc(vulnAdvisoryRevision.trackingVersion));
    },
    /** Removes what an advisory said before a newer revision replaces it (entries, scores, links). */
    async clearAdvisoryFacts(advisoryId: string): Promise<string[]> {
      const linked = await db
        .delete(vulnAdvisoryVulnerability)
        .where(eq(vulnAdvisoryVulnerability.advisoryId, advisoryId))
        .returning({ id: vulnAdvisoryVulnerability.vulnerabilityId });
      await db.delete(vulnProductEntry).where(eq(vulnProductEntry.advisoryId, advisoryId));
      await db.delete(vulnScore).where(eq(vulnScore.advisoryId, advisoryId));
      return linked.map((l) => l.id);
    },
    async findVulnerabilitiesByKey(keys: string[]): Promise<VulnerabilityRow[]> {
      if (keys.length === 0) return [];
      return db.select().from(vulnerability).where(inArray(vulnerability.key, keys));
    },
    async insertVulnerabilities(rows: (typeof vulnerability.$inferInsert)[]): Promise<VulnerabilityRow[]> {
      const out: VulnerabilityRow[] = [];
      for (let i = 0; i < rows.length; i += 500)
        out.push(
          ...(await db
            .insert(vulnerability)
            .values(rows.slice(i, i + 500))
            .returning()),
        );
      return out;
    },
    /** Sets score, grade and disagreement of many vulnerabilities in one statement. */
    async setGrades(
      rows: Array<{ id: string; baseScore: number | null; grade: string | null; scoreDisagrees: boolean }>,
      now: Date,
    ): Promise<void> {
      if (rows.length === 0) return;
      await db.execute(sql`
        UPDATE vulnerability v SET base_score = u.base_score, grade = coalesce(u.grade, v.grade), score_disagrees = u.disagrees,
               updated_at = ${now.toISOString()}, version = v.version + 1
          FROM unnest(${sql.raw('ARRAY[')}${sql.join(
            rows.map((r) => sql`${r.id}`),
            sql`, `,
          )}${sql.raw(']::uuid[]')},
                      ${sql.raw('ARRAY[')}${sql.join(
                        rows.map((r) => sql`${r.baseScore}`),
                        sql`, `,
                      )}${sql.raw(']::float8[]')},
                      ${sql.raw('ARRAY[')}${sql.join(
                        rows.map((r) => sql`${r.grade}`),
                        sql`, `,
                      )}${sql.raw(']::text[]')},
                      ${sql.raw('ARRAY[')}${sql.join(
                        rows.map((r) => sql`${r.scoreDisagrees}`),
                        sql`, `,
                      )}${sql.raw(']::boolean[]')})
               AS u(id, base_score, grade, disagrees)
         WHERE v.id = u.id`);
    },
    async updateVulnerability(id: string, values: Partial<typeof vulnerability.$inferInsert>): Promise<void> {
      await db
        .update(vulnerability)
        .set({ ...values, version: sql`${vulnerability.version} + 1` })
        .where(eq(vulnerability.id, id));
    },
    async link(advisoryId: string, vulnerabilityIds: string[]): Promise<void> {
      if (vulnerabilityIds.length === 0) return;
      await db
        .insert(vulnAdvisoryVulnerability)
        .values(vulnerabilityIds.map((vulnerabilityId) => ({ advisoryId, vulnerabilityId })))
        .onConflictDoNothing();
    },
    /** All entries of an advisory in one statement: one JSON parameter expands server-side (an advisory may list thousands). */
    async insertEntries(rows: (typeof vulnProductEntry.$inferInsert)[]): Promise<void> {
      if (rows.length === 0) return;
      const json = JSON.stringify(
        rows.map((r) => ({
          advisory_id: r.advisoryId,
          vulnerability_id: r.vulnerabilityId,
          source: r.source,
          product_id: r.productId,
          vendor: r.vendor,
          product: r.product,
          product_names: r.productNames,
          full_name: r.fullName,
          models: r.models,
          cpes: r.cpes,
          version_raw: r.versionRaw,
          range: r.range,
          status: r.status,
          platform: r.platform ?? null,
        })),
      );
      await db.execute(sql`
        INSERT INTO vuln_product_entry (advisory_id, vulnerability_id, source, product_id, vendor, product, product_names, full_name, models, cpes, version_raw, range, status, platform)
        SELECT advisory_id, vulnerability_id, source, product_id, vendor, product, product_names, full_name, models, cpes, version_raw, range, status, platform
          FROM jsonb_to_recordset(${json}::jsonb) AS x(advisory_id uuid, vulnerability_id uuid, source text, product_id text, vendor text, product text,
               product_names jsonb, full_name text, models jsonb, cpes jsonb, version_raw text, range jsonb, status text, platform text)`);
    },
    /** All scores of an advisory in one statement, like the entries (a multi-row VALUES costs ~3× more per row). */
    async insertScores(rows: (typeof vulnScore.$inferInsert)[]): Promise<void> {
      if (rows.length === 0) return;
      const json = JSON.stringify(
        rows.map((r) => ({
          vulnerability_id: r.vulnerabilityId,
          advisory_id: r.advisoryId,
          cvss_version: r.cvssVersion,
          vector: r.vector,
          stated_score: r.statedScore ?? null,
          computed_score: r.computedScore ?? null,
          severity: r.severity ?? null,
          grade: r.grade ?? null,
          disagrees: r.disagrees ?? false,
          error: r.error ?? null,
        })),
      );
      await db.execute(sql`
        INSERT INTO vuln_score (vulnerability_id, advisory_id, cvss_version, vector, stated_score, computed_score, severity, grade, disagrees, error)
        SELECT vulnerability_id, advisory_id, cvss_version, vector, stated_score, computed_score, severity, grade, disagrees, error
          FROM jsonb_to_recordset(${json}::jsonb) AS x(vulnerability_id uuid, advisory_id uuid, cvss_version text, vector text,
               stated_score float8, computed_score float8, severity text, grade text, disagrees boolean, error text)`);
    },
    /**
     * Per vulnerability: its highest score over every source (recomputed, else stated) and whether
     * any source's stated score disagrees — aggregated in PostgreSQL, so a CVE that many
     * advisories score does not ship all their rows back on every import.
     */
    async scoreSummaries(vulnerabilityIds: string[]): Promise<Array<{ id: string; best: number | null; disagrees: boolean }>> {
      if (vulnerabilityIds.length === 0) return [];
      return db
        .select({
          id: vulnScore.vulnerabilityId,
          best: sql<number | null>`max(coalesce(${vulnScore.computedScore}, ${vulnScore.statedScore}))`,
          disagrees: sql<boolean>`bool_or(${vulnScore.disagrees})`,
        })
        .from(vulnScore)
        .where(inArray(vulnScore.vulnerabilityId, vulnerabilityIds))
        .groupBy(vulnScore.vulnerabilityId);
    },
    /** Every product entry with its vulnerability key and advisory tracking id (the matcher's input). */
    async allEntries(vulnerabilityIds?: string[]) {
      return db
        .select({ entry: vulnProductEntry, key: vulnerability.key, trackingId: vulnAdvisory.trackingId })
        .from(vulnProductEntry)
        .innerJoin(vulnerability, eq(vulnerability.id, vulnProductEntry.vulnerabilityId))
        .innerJoin(vulnAdvisory, eq(vulnAdvisory.id, vulnProductEntry.advisoryId))
        .where(vulnerabilityIds ? inArray(vulnProductEntry.vulnerabilityId, vulnerabilityIds) : undefined);
    },
    /** Changes whenever entries or aliases change: the key of the in-memory match index. */
    async matchInputStamp(): Promise<string> {
      const [a] = await db.select({ n: count(), at: sql<string>`coalesce(max(${vulnAdvisory.updatedAt})::text, '')` }).from(vulnAdvisory);
      const [v] = await db.select({ n: count(), at: sql<string>`coalesce(max(${vendorAlias.updatedAt})::text, '')` }).from(vendorAlias);
      return `${a?.n}:${a?.at}:${v?.n}:${v?.at}`;
    },

    async findAdvisories(q: AdvisoryListQuery) {
      const where = and(
        q.source ? eq(vulnAdvisory.source, q.source) : undefined,
        q.q ? or(ilike(vulnAdvisory.trackingId, like(q.q)), ilike(vulnAdvisory.title, like(q.q))) : undefined,
      );
      const vulns = db
        .select({ advisoryId: vulnAdvisoryVulnerability.advisoryId, n: count().as('vn') })
        .from(vulnAdvisoryVulnerability)
        .groupBy(vulnAdvisoryVulnerability.advisoryId)
        .as('vc');
      const entries = db
        .select({ advisoryId: vulnProductEntry.advisoryId, n: count().as('en') })
        .from(vulnProductEntry)
        .groupBy(vulnProductEntry.advisoryId)
        .as('ec');
      const items = await db
        .select({
          advisory: vulnAdvisory,
          vulnerabilityCount: sql<number>`coalesce(${vulns.n}, 0)::int`,
          entryCount: sql<number>`coalesce(${entries.n}, 0)::int`,
        })
        .from(vulnAdvisory)
        .leftJoin(vulns, eq(vulns.advisoryId, vulnAdvisory.id))
        .leftJoin(entries, eq(entries.advisoryId, vulnAdvisory.id))
        .where(where)
        .orderBy(desc(vulnAdvisory.currentReleaseAt), desc(vulnAdvisory.createdAt))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize);
      const [total] = await db.select({ n: count() }).from(vulnAdvisory).where(where);
      return { items, total: total?.n ?? 0 };
    },
    async advisoryCounts(advisoryId: string) {
      const [v] = await db
        .select({ n: count() })
        .from(vulnAdvisoryVulnerability)
        .where(eq(vulnAdvisoryVulnerability.advisoryId, advisoryId));
      const [e] = await db.select({ n: count() }).from(vulnProductEntry).where(eq(vulnProductEntry.advisoryId, advisoryId));
      return { vulnerabilityCount: v?.n ?? 0, entryCount: e?.n ?? 0 };
    },
    async vulnerabilitiesOfAdvisory(advisoryId: string): Promise<VulnerabilityRow[]> {
      const rows = await db
        .select({ v: vulnerability })
        .from(vulnAdvisoryVulnerability)
        .innerJoin(vulnerability, eq(vulnerability.id, vulnAdvisoryVulnerability.vulnerabilityId))
        .where(eq(vulnAdvisoryVulnerability.advisoryId, advisoryId))
        .orderBy(vulnerability.key);
      return rows.map((r) => r.v);
    },

    async findVulnerabilities(q: VulnerabilityListQuery) {
      const conditions: (SQL | undefined)[] = [
        q.grade ? eq(vulnerability.grade, q.grade) : undefined,
        q.disagrees ? eq(vulnerability.scoreDisagrees, q.disagrees === 'true') : undefined,
        q.q
          ? or(
              ilike(vulnerability.key, like(q.q)),
              ilike(vulnerability.title, like(q.q)),
              ilike(vulnerability.titleZh, like(q.q)),
              ilike(vulnerability.cnvd, like(q.q)),
            )
          : undefined,
        q.source
          ? sql`exists (select 1 from ${vulnAdvisoryVulnerability} av join ${vulnAdvisory} a on a.id = av.advisory_id where av.vulnerability_id = ${vulnerability.id} and a.source = ${q.source})`
          : undefined,
      ];
      const where = and(...conditions);
      const items = await db
        .select()
        .from(vulnerability)
        .where(where)
        .orderBy(desc(vulnerability.publishedAt), vulnerability.key)
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize);
      const [total] = await db.select({ n: count() }).from(vulnerability).where(where);
      return { items, total: total?.n ?? 0 };
    },
    async findVulnerability(id: string): Promise<VulnerabilityRow | null> {
      const [row] = await db.select().from(vulnerability).where(eq(vulnerability.id, id));
      return row ?? null;
    },
    async findVulnerabilitiesById(ids: string[]): Promise<VulnerabilityRow[]> {
      if (ids.length === 0) return [];
      return db.select().from(vulnerability).where(inArray(vulnerability.id, ids));
    },
    /** Sources and affected-asset counts for a page of vulnerabilities. */
    async summaries(ids: string[]) {
      if (ids.length === 0) return { sources: new Map<string, string[]>(), affected: new Map<string, number>() };
      const src = await db
        .selectDistinct({ id: vulnAdvisoryVulnerability.vulnerabilityId, source: vulnAdvisory.source })
        .from(vulnAdvisoryVulnerability)
        .innerJoin(vulnAdvisory, eq(vulnAdvisory.id, vulnAdvisoryVulnerability.advisoryId))
        .where(inArray(vulnAdvisoryVulnerability.vulnerabilityId, ids));
      const aff = await db
        .select({ id: vulnMatch.vulnerabilityId, n: count() })
        .from(vulnMatch)
        .where(and(inArray(vulnMatch.vulnerabilityId, ids), sql`coalesce(${vulnMatch.reviewVerdict}, ${vulnMatch.verdict}) = 'affected'`))
        .groupBy(vulnMatch.vulnerabilityId);
      const sources = new Map<string, string[]>();
      for (const s of src) sources.set(s.id, [...(sources.get(s.id) ?? []), s.source].sort());
      return { sources, affected: new Map(aff.map((a) => [a.id, a.n])) };
    },
    async advisoriesOf(vulnerabilityId: string) {
      return db
        .select({ id: vulnAdvisory.id, source: vulnAdvisory.source, trackingId: vulnAdvisory.trackingId, title: vulnAdvisory.title })
        .from(vulnAdvisoryVulnerability)
        .innerJoin(vulnAdvisory, eq(vulnAdvisory.id, vulnAdvisoryVulnerability.advisoryId))
        .where(eq(vulnAdvisoryVulnerability.vulnerabilityId, vulnerabilityId));
    },
    async entriesOf(vulnerabilityId: string): Promise<EntryRow[]> {
      return db.select().from(vulnProductEntry).where(eq(vulnProductEntry.vulnerabilityId, vulnerabilityId));
    },
    async scoresWithSource(vulnerabilityId: string) {
      return db
        .select({ score: vulnScore, source: vulnAdvisory.source })
        .from(vulnScore)
        .innerJoin(vulnAdvisory, eq(vulnAdvisory.id, vulnScore.advisoryId))
        .where(eq(vulnScore.vulnerabilityId, vulnerabilityId));
    },

    async aliases(): Promise<AliasRow[]> {
      return db.select().from(vendorAlias).orderBy(vendorAlias.canonical);
    },
    async findAlias(id: string): Promise<AliasRow | null> {
      const [row] = await db.select().from(vendorAlias).where(eq(vendorAlias.id, id));
      return row ?? null;
    },
    async insertAlias(values: typeof vendorAlias.$inferInsert): Promise<AliasRow> {
      const [row] = await db.insert(vendorAlias).values(values).returning();
      if (!row) throw new Error('insert returned nothing');
      return row;
    },
    async updateAlias(id: string, version: number, values: Partial<typeof vendorAlias.$inferInsert>): Promise<AliasRow | null> {
      const [row] = await db
        .update(vendorAlias)
        .set({ ...values, version: version + 1 })
        .where(and(eq(vendorAlias.id, id), eq(vendorAlias.version, version)))
        .returning();
      return row ?? null;
    },
    async deleteAlias(id: string): Promise<void> {
      await db.delete(vendorAlias).where(eq(vendorAlias.id, id));
    },
  };
}
