import type { MatchListQuery } from '@suilian/contracts';
import { and, count, desc, eq, gt, ilike, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { escapeLike } from '../../../db/like.js';
import type { OrgScope } from '../../../platform/scope.js';
import { organisation } from '../../organisations/organisation.table.js';
import { vulnerability } from '../advisory.table.js';
import { vulnAsset, vulnMatch } from '../asset.table.js';
import { scopeCondition } from '../findings/finding.repo.js';

export type MatchRow = typeof vulnMatch.$inferSelect;
export type MatchInsert = typeof vulnMatch.$inferInsert;
/** One `vendor_fix` remediation of a stored CSAF document. */
export type FixRow = {
  trackingId: string;
  index: number;
  total: number;
  cve: string | null;
  firstId: string | null;
  productIds: unknown;
  details: string | null;
};
export interface MatchableAsset {
  id: string;
  enterpriseId: string;
  districtId: string | null;
  vendor: string;
  product: string;
  model: string | null;
  firmwareVersion: string | null;
}

/** Matches and the asset facts the matcher reads: the only SQL for them. */
export function createMatchRepo(db: DbOrTx) {
  return {
    /** Assets in id order after `after` (keyset pages for the full re-match), or the given ids. */
    async assets(options: { ids?: string[]; after?: string; limit?: number }): Promise<MatchableAsset[]> {
      return db
        .select({
          id: vulnAsset.id,
          enterpriseId: vulnAsset.enterpriseId,
          districtId: vulnAsset.districtId,
          vendor: vulnAsset.vendor,
          product: vulnAsset.product,
          model: vulnAsset.model,
          firmwareVersion: vulnAsset.firmwareVersion,
        })
        .from(vulnAsset)
        .where(
          and(options.ids ? inArray(vulnAsset.id, options.ids) : undefined, options.after ? gt(vulnAsset.id, options.after) : undefined),
        )
        .orderBy(vulnAsset.id)
        .limit(options.limit ?? 1_000_000);
    },
    /**
     * The `vendor_fix` remediations of the CSAF advisories (of some vulnerabilities, when given),
     * read out of the stored documents: the fix versions the matcher weighs for unlisted versions.
     */
    async fixStatements(vulnerabilityIds?: string[]): Promise<FixRow[]> {
      const only = vulnerabilityIds
        ? sql`and a.id in (select advisory_id from vuln_advisory_vulnerability where vulnerability_id in (${sql.join(
            vulnerabilityIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )}))`
        : sql``;
      const result = await db.execute<FixRow>(sql`
        select a.tracking_id as "trackingId", (v.ord - 1)::int as "index",
               jsonb_array_length(a.document->'vulnerabilities')::int as "total",
               v.elem->>'cve' as "cve", v.elem->'ids'->0->>'text' as "firstId",
               r->'product_ids' as "productIds", r->>'details' as "details"
        from vuln_advisory a
        cross join lateral jsonb_array_elements(
          case when jsonb_typeof(a.document->'vulnerabilities') = 'array' then a.document->'vulnerabilities' else '[]'::jsonb end
        ) with ordinality as v(elem, ord)
        cross join lateral jsonb_array_elements(
          case when jsonb_typeof(v.elem->'remediations') = 'array' then v.elem->'remediations' else '[]'::jsonb end
        ) as r
        where a.source = 'csaf' and r->>'category' = 'vendor_fix' ${only}`);
      return result.rows;
    },
    async countAssets(): Promise<number> {
      const [row] = await db.select({ n: count() }).from(vulnAsset);
      return row?.n ?? 0;
    },
    /** Existing matches of these assets (optionally only for these vulnerabilities). */
    async existing(assetIds: string[], vulnerabilityIds?: string[]): Promise<MatchRow[]> {
      if (assetIds.length === 0) return [];
      const out: MatchRow[] = [];
      for (let i = 0; i < assetIds.length; i += 1000)
        out.push(
          ...(await db
            .select()
            .from(vulnMatch)
            .where(
              and(
                inArray(vulnMatch.assetId, assetIds.slice(i, i + 1000)),
                vulnerabilityIds ? inArray(vulnMatch.vulnerabilityId, vulnerabilityIds) : undefined,
              ),
            )),
        );
      return out;
    },
    /**
     * Stores the matcher's verdicts. An analyst's review stands through re-matches (`keepReviews`,
     * #13 item 3: new matching rules must not lose decisions); only when the asset itself changed
     * does a changed verdict clear it, since the review answered the asset as it was.
     */
    async upsert(rows: MatchInsert[], options: { keepReviews: boolean }): Promise<void> {
      const keep = options.keepReviews ? sql`true` : sql`${vulnMatch.verdict} = excluded.verdict`;
      for (let i = 0; i < rows.length; i += 500)
        await db
          .insert(vulnMatch)
          .values(rows.slice(i, i + 500))
          .onConflictDoUpdate({
            target: [vulnMatch.assetId, vulnMatch.vulnerabilityId],
            set: {
              // An analyst's review answers one verdict; when the matcher's verdict changes it no longer applies.
              reviewVerdict: sql`case when ${keep} then ${vulnMatch.reviewVerdict} end`,
              reviewNote: sql`case when ${keep} then ${vulnMatch.reviewNote} end`,
              reviewedById: sql`case when ${keep} then ${vulnMatch.reviewedById} end`,
              reviewedAt: sql`case when ${keep} then ${vulnMatch.reviewedAt} end`,
              verdict: sql`excluded.verdict`,
              reasons: sql`excluded.reasons`,
              evidence: sql`excluded.evidence`,
              enterpriseId: sql`excluded.enterprise_id`,
              districtId: sql`excluded.district_id`,
              matchedAt: sql`excluded.matched_at`,
            },
          });
    },
    async remove(ids: string[]): Promise<void> {
      for (let i = 0; i < ids.length; i += 1000) await db.delete(vulnMatch).where(inArray(vulnMatch.id, ids.slice(i, i + 1000)));
    },
    async removeForAsset(assetId: string): Promise<void> {
      await db.delete(vulnMatch).where(eq(vulnMatch.assetId, assetId));
    },
    async findById(id: string) {
      const [row] = await listed(db).where(eq(vulnMatch.id, id));
      return row ?? null;
    },
    async review(id: string, values: Pick<MatchInsert, 'reviewVerdict' | 'reviewNote' | 'reviewedById' | 'reviewedAt'>): Promise<void> {
      await db.update(vulnMatch).set(values).where(eq(vulnMatch.id, id));
    },
    async findPage(scope: OrgScope, q: MatchListQuery) {
      const where = and(
        scopeCondition(scope, vulnMatch),
        q.verdict ? eq(vulnMatch.verdict, q.verdict) : undefined,
        q.reviewed === 'true' ? isNotNull(vulnMatch.reviewedAt) : q.reviewed === 'false' ? isNull(vulnMatch.reviewedAt) : undefined,
        q.vulnerabilityId ? eq(vulnMatch.vulnerabilityId, q.vulnerabilityId) : undefined,
        q.assetId ? eq(vulnMatch.assetId, q.assetId) : undefined,
        // Free text like the other lists (issue #11 item 7): the vulnerability, the asset, the enterprise.
        q.q ? matchText(`%${escapeLike(q.q)}%`) : undefined,
      ) as SQL | undefined;
      const items = await listed(db)
        .where(where)
        .orderBy(desc(vulnMatch.matchedAt), vulnMatch.id)
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize);
      const [total] = await db
        .select({ n: count() })
        .from(vulnMatch)
        .innerJoin(vulnAsset, eq(vulnAsset.id, vulnMatch.assetId))
        .innerJoin(organisation, eq(organisation.id, vulnMatch.enterpriseId))
        .innerJoin(vulnerability, eq(vulnerability.id, vulnMatch.vulnerabilityId))
        .where(where);
      return { items, total: total?.n ?? 0 };
    },
  };
}

/** Free text over what a match's row shows: the vulnerability's key and titles, the asset, the enterprise. */
function matchText(pattern: string): SQL | undefined {
  return or(
    ilike(vulnerability.key, pattern),
    ilike(vulnerability.title, pattern),
    ilike(vulnerability.titleZh, pattern),
    ilike(vulnAsset.vendor, pattern),
    ilike(vulnAsset.product, pattern),
    ilike(vulnAsset.model, pattern),
    ilike(organisation.name, pattern),
  );
}

function listed(db: DbOrTx) {
  return db
    .select({
      match: vulnMatch,
      asset: { vendor: vulnAsset.vendor, product: vulnAsset.product, model: vulnAsset.model, firmwareVersion: vulnAsset.firmwareVersion },
      enterpriseName: organisation.name,
      vulnerabilityKey: vulnerability.key,
      vulnerabilityTitle: sql<string>`coalesce(${vulnerability.titleZh}, ${vulnerability.title})`,
      grade: vulnerability.grade,
    })
    .from(vulnMatch)
    .innerJoin(vulnAsset, eq(vulnAsset.id, vulnMatch.assetId))
    .innerJoin(organisation, eq(organisation.id, vulnMatch.enterpriseId))
    .innerJoin(vulnerability, eq(vulnerability.id, vulnMatch.vulnerabilityId));
}
