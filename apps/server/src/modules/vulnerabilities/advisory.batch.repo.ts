import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';

/** One advisory's row as the batch writes it; `documentJson` is the document's JSON text, embedded as is. */
export interface AdvisoryBatchRow {
  trackingId: string;
  trackingVersion: string;
  title: string;
  publisher: string | null;
  initialReleaseAt: Date | null;
  currentReleaseAt: Date | null;
  revisionHistory: unknown;
  documentJson: string;
  sha256: string;
  warnings: string[];
}

/** A vulnerability to insert, or the fields to fill in on an existing one (null: leave as is). */
export interface VulnerabilityBatchRow {
  id?: string;
  key: string;
  cve: string | null;
  cnvd: string | null;
  title: string;
  titleZh: string | null;
  description: string | null;
  cwe: string | null;
  details: Record<string, string> | null;
  publishedAt: Date | null;
}

const json = (value: unknown) => JSON.stringify(value);
const iso = (d: Date | null) => (d ? JSON.stringify(d.toISOString()) : 'null');

/**
 * The multi-row statements of the batched directory import (issue #13 item 4): every statement
 * takes one JSON parameter that PostgreSQL expands with jsonb_to_recordset, so a batch of a few
 * hundred advisories costs a dozen round trips instead of a dozen per advisory.
 */
export function createAdvisoryBatchRepo(db: DbOrTx) {
  return {
    /** Transaction-scoped locks on the tracking ids, taken in one order so two imports never deadlock. */
    async lockTrackings(source: string, trackingIds: string[]): Promise<void> {
      await db.execute(sql`
        SELECT pg_advisory_xact_lock(hashtext('vuln:' || ${source} || ':' || t))
          FROM (SELECT t FROM jsonb_array_elements_text(${json(trackingIds)}::jsonb) AS t ORDER BY t COLLATE "C") s`);
    },
    /** The advisories of these tracking ids, without their documents. */
    async findByTracking(source: string, trackingIds: string[]) {
      const { rows } = await db.execute<{ id: string; tracking_id: string; tracking_version: string; sha256: string }>(sql`
        SELECT id, tracking_id, tracking_version, sha256 FROM vuln_advisory
         WHERE source = ${source} AND tracking_id IN (SELECT jsonb_array_elements_text(${json(trackingIds)}::jsonb))`);
      return rows;
    },
    /** Tracking id → version of every advisory of a source (the directory import's skip list). */
    async trackingVersions(source: string): Promise<Map<string, string>> {
      const { rows } = await db.execute<{ tracking_id: string; tracking_version: string }>(
        sql`SELECT tracking_id, tracking_version FROM vuln_advisory WHERE source = ${source}`,
      );
      return new Map(rows.map((r) => [r.tracking_id, r.tracking_version]));
    },
    /** Removes what these advisories said before newer revisions replace them; the vulnerabilities they were linked to. */
    async clearFacts(advisoryIds: string[]): Promise<string[]> {
      if (advisoryIds.length === 0) return [];
      const ids = json(advisoryIds);
      const { rows } = await db.execute<{ vulnerability_id: string }>(sql`
        DELETE FROM vuln_advisory_vulnerability WHERE advisory_id IN (SELECT jsonb_array_elements_text(${ids}::jsonb)::uuid)
        RETURNING vulnerability_id`);
      await db.execute(sql`DELETE FROM vuln_product_entry WHERE advisory_id IN (SELECT jsonb_array_elements_text(${ids}::jsonb)::uuid)`);
      await db.execute(sql`DELETE FROM vuln_score WHERE advisory_id IN (SELECT jsonb_array_elements_text(${ids}::jsonb)::uuid)`);
      return rows.map((r) => r.vulnerability_id);
    },
    /**
     * Inserts or updates the advisories in one statement. The JSON is assembled from the documents'
     * own text: PostgreSQL parses each document once and Node never serialises it again.
     */
    async upsertAdvisories(source: string, rows: AdvisoryBatchRow[], importedById: string | null, now: Date) {
      if (rows.length === 0) return [];
      const payload = `[${rows
        .map(
          (r) =>
            `{"tracking_id":${json(r.trackingId)},"tracking_version":${json(r.trackingVersion)},"title":${json(r.title)},` +
            `"publisher":${json(r.publisher)},"initial_release_at":${iso(r.initialReleaseAt)},"current_release_at":${iso(r.currentReleaseAt)},` +
            `"revision_history":${json(r.revisionHistory)},"sha256":${json(r.sha256)},"warnings":${json(r.warnings)},"document":${r.documentJson}}`,
        )
        .join(',')}]`;
      const { rows: written } = await db.execute<{ id: string; tracking_id: string }>(sql`
        INSERT INTO vuln_advisory (source, tracking_id, tracking_version, title, publisher, initial_release_at, current_release_at,
                                   revision_history, document, sha256, warnings, imported_by_id, created_at, updated_at)
        SELECT ${source}, x.tracking_id, x.tracking_version, x.title, x.publisher, x.initial_release_at, x.current_release_at,
               x.revision_history, x.document, x.sha256, x.warnings, ${importedById}::uuid, ${now.toISOString()}, ${now.toISOString()}
          FROM jsonb_to_recordset(${payload}::jsonb) AS x(tracking_id text, tracking_version text, title text, publisher text,
               initial_release_at timestamptz, current_release_at timestamptz, revision_history jsonb, sha256 text, warnings jsonb, document jsonb)
        ON CONFLICT (source, tracking_id) DO UPDATE SET
               tracking_version = excluded.tracking_version, title = excluded.title, publisher = excluded.publisher,
               initial_release_at = excluded.initial_release_at, current_release_at = excluded.current_release_at,
               revision_history = excluded.revision_history, document = excluded.document, sha256 = excluded.sha256,
               warnings = excluded.warnings, imported_by_id = excluded.imported_by_id, updated_at = excluded.updated_at
        RETURNING id, tracking_id`);
      return written;
    },
    /** Records each advisory's current version as a revision, copied from its row inside PostgreSQL. */
    async insertRevisions(revisions: Array<{ advisoryId: string; summary: string | null }>, now: Date): Promise<void> {
      if (revisions.length === 0) return;
      await db.execute(sql`
        INSERT INTO vuln_advisory_revision (advisory_id, tracking_version, current_release_at, document, sha256, summary, imported_by_id, imported_at)
        SELECT a.id, a.tracking_version, a.current_release_at, a.document, a.sha256, x.summary, a.imported_by_id, ${now.toISOString()}
          FROM jsonb_to_recordset(${json(revisions.map((r) => ({ id: r.advisoryId, summary: r.summary })))}::jsonb) AS x(id uuid, summary text)
          JOIN vuln_advisory a ON a.id = x.id
        ON CONFLICT DO NOTHING`);
    },
    /** Inserts new vulnerabilities (a key another import created meanwhile is left alone and not returned). */
    async insertVulnerabilities(rows: VulnerabilityBatchRow[], now: Date): Promise<Array<{ id: string; key: string }>> {
      if (rows.length === 0) return [];
      const { rows: inserted } = await db.execute<{ id: string; key: string }>(sql`
        INSERT INTO vulnerability (key, cve, cnvd, title, title_zh, description, cwe, details, published_at, created_at, updated_at)
        SELECT x.key, x.cve, x.cnvd, x.title, x.title_zh, x.description, x.cwe, coalesce(x.details, '{}'::jsonb), x.published_at,
               ${now.toISOString()}, ${now.toISOString()}
          FROM jsonb_to_recordset(${json(rows.map(vulnerabilityJson))}::jsonb) AS x(key text, cve text, cnvd text, title text, title_zh text,
               description text, cwe text, details jsonb, published_at timestamptz)
        ON CONFLICT (key) DO NOTHING
        RETURNING id, key`);
      return inserted;
    },
    /** Fills in what existing vulnerabilities lack (never overwrites a value; details are merged). */
    async fillVulnerabilities(rows: VulnerabilityBatchRow[], now: Date): Promise<void> {
      if (rows.length === 0) return;
      await db.execute(sql`
        UPDATE vulnerability v SET cve = coalesce(v.cve, x.cve), cnvd = coalesce(v.cnvd, x.cnvd), title_zh = coalesce(v.title_zh, x.title_zh),
               description = coalesce(v.description, x.description), cwe = coalesce(v.cwe, x.cwe),
               details = v.details || coalesce(x.details, '{}'::jsonb), published_at = coalesce(v.published_at, x.published_at),
               updated_at = ${now.toISOString()}, version = v.version + 1
          FROM jsonb_to_recordset(${json(rows.map((r) => ({ id: r.id, ...vulnerabilityJson(r) })))}::jsonb) AS x(id uuid, cve text, cnvd text,
               title_zh text, description text, cwe text, details jsonb, published_at timestamptz)
         WHERE v.id = x.id`);
    },
    /** Links advisories to vulnerabilities. */
    async link(pairs: Array<{ advisoryId: string; vulnerabilityId: string }>): Promise<void> {
      if (pairs.length === 0) return;
      await db.execute(sql`
        INSERT INTO vuln_advisory_vulnerability (advisory_id, vulnerability_id)
        SELECT x.a, x.v FROM jsonb_to_recordset(${json(pairs.map((p) => ({ a: p.advisoryId, v: p.vulnerabilityId })))}::jsonb) AS x(a uuid, v uuid)
        ON CONFLICT DO NOTHING`);
    },
  };
}

function vulnerabilityJson(r: VulnerabilityBatchRow) {
  return {
    key: r.key,
    cve: r.cve,
    cnvd: r.cnvd,
    title: r.title,
    title_zh: r.titleZh,
    description: r.description,
    cwe: r.cwe,
    details: r.details,
    published_at: r.publishedAt?.toISOString() ?? null,
  };
}
