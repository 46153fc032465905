import type { AssetListQuery } from '@suilian/contracts';
import { and, count, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { OrgScope } from '../../../platform/scope.js';
import { organisation } from '../../organisations/organisation.table.js';
import { vulnAsset, vulnMatch } from '../asset.table.js';
import { vulnFinding, vulnScanResult } from '../finding.table.js';
import { scopeCondition } from '../findings/finding.repo.js';

export type AssetRow = typeof vulnAsset.$inferSelect;
export type AssetInsert = typeof vulnAsset.$inferInsert;
export type AssetListed = AssetRow & { enterpriseName: string; openFindings: number };

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const OPEN = sql`('new','confirmed','remediating','fixed_awaiting_verification','reopened')`;

/** Assets: the only SQL for them. */
export function createAssetRepo(db: DbOrTx) {
  const listed = () =>
    db
      .select({
        asset: vulnAsset,
        enterpriseName: organisation.name,
        openFindings: sql<number>`(select count(*)::int from ${vulnFinding} f where f.asset_id = ${vulnAsset.id} and f.state in ${OPEN})`,
      })
      .from(vulnAsset)
      .innerJoin(organisation, eq(organisation.id, vulnAsset.enterpriseId));
  const flat = (r: { asset: AssetRow; enterpriseName: string; openFindings: number }): AssetListed => ({
    ...r.asset,
    enterpriseName: r.enterpriseName,
    openFindings: r.openFindings,
  });

  return {
    async findById(id: string): Promise<AssetListed | null> {
      const [row] = await listed().where(eq(vulnAsset.id, id));
      return row ? flat(row) : null;
    },
    async findPage(scope: OrgScope, q: AssetListQuery) {
      const where = and(
        scopeCondition(scope, vulnAsset),
        q.enterpriseId ? eq(vulnAsset.enterpriseId, q.enterpriseId) : undefined,
        q.districtId ? eq(vulnAsset.districtId, q.districtId) : undefined,
        q.zone ? eq(vulnAsset.zone, q.zone) : undefined,
        q.criticality ? eq(vulnAsset.criticality, q.criticality) : undefined,
        q.q
          ? or(
              ilike(vulnAsset.vendor, like(q.q)),
              ilike(vulnAsset.product, like(q.q)),
              ilike(vulnAsset.model, like(q.q)),
              ilike(vulnAsset.host, like(q.q)),
              ilike(vulnAsset.name, like(q.q)),
            )
          : undefined,
      );
      const items = await listed()
        .where(where)
        .orderBy(desc(vulnAsset.updatedAt), vulnAsset.id)
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize);
      const [total] = await db.select({ n: count() }).from(vulnAsset).where(where);
      return { items: items.map(flat), total: total?.n ?? 0 };
    },
    async insert(rows: AssetInsert[]): Promise<AssetRow[]> {
      const out: AssetRow[] = [];
      for (let i = 0; i < rows.length; i += 500)
        out.push(
          ...(await db
            .insert(vulnAsset)
            .values(rows.slice(i, i + 500))
            .returning()),
        );
      return out;
    },
    async update(id: string, version: number, values: Partial<AssetInsert>): Promise<AssetRow | null> {
      const [row] = await db
        .update(vulnAsset)
        .set({ ...values, version: version + 1 })
        .where(and(eq(vulnAsset.id, id), eq(vulnAsset.version, version)))
        .returning();
      return row ?? null;
    },
    async isReferenced(id: string): Promise<boolean> {
      const [f] = await db.select({ n: count() }).from(vulnFinding).where(eq(vulnFinding.assetId, id));
      const [s] = await db.select({ n: count() }).from(vulnScanResult).where(eq(vulnScanResult.assetId, id));
      return (f?.n ?? 0) + (s?.n ?? 0) > 0;
    },
    async delete(id: string): Promise<void> {
      await db.delete(vulnMatch).where(eq(vulnMatch.assetId, id));
      await db.delete(vulnAsset).where(eq(vulnAsset.id, id));
    },
    /** An enterprise's assets on these hosts (scan reconciliation). */
    async byHosts(enterpriseId: string, hosts: string[]): Promise<AssetRow[]> {
      if (hosts.length === 0) return [];
      return db
        .select()
        .from(vulnAsset)
        .where(and(eq(vulnAsset.enterpriseId, enterpriseId), inArray(vulnAsset.host, hosts)));
    },
  };
}
