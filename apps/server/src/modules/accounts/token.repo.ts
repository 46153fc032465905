import { and, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { OrgScope } from '../../platform/scope.js';
import { organisation } from '../organisations/organisation.table.js';
import { apiToken, appUser } from './account.table.js';

export type ApiTokenRow = typeof apiToken.$inferSelect;
export type ApiTokenWithNames = ApiTokenRow & { orgName: string; orgDistrictId: string | null; createdBy: string };

const withNames = { token: apiToken, orgName: organisation.name, orgDistrictId: organisation.districtId, createdBy: appUser.username };
type Joined = { token: ApiTokenRow; orgName: string; orgDistrictId: string | null; createdBy: string };
const flatten = (r: Joined): ApiTokenWithNames => ({
  ...r.token,
  orgName: r.orgName,
  orgDistrictId: r.orgDistrictId,
  createdBy: r.createdBy,
});

export function createTokenRepo(db: DbOrTx) {
  const joined = () =>
    db
      .select(withNames)
      .from(apiToken)
      .innerJoin(organisation, eq(organisation.id, apiToken.orgId))
      .innerJoin(appUser, eq(appUser.id, apiToken.createdById));
  return {
    async findByHash(tokenHash: string): Promise<ApiTokenWithNames | null> {
      const [row] = await joined().where(eq(apiToken.tokenHash, tokenHash));
      return row ? flatten(row) : null;
    },

    async findById(id: string): Promise<ApiTokenWithNames | null> {
      const [row] = await joined().where(eq(apiToken.id, id));
      return row ? flatten(row) : null;
    },

    async findPage(scope: OrgScope, opts: { includeRevoked: boolean; page: number; pageSize: number }) {
      const where = and(scopeFilter(scope), opts.includeRevoked ? undefined : isNull(apiToken.revokedAt));
      const rows = await joined()
        .where(where)
        .orderBy(desc(apiToken.createdAt))
        .limit(opts.pageSize)
        .offset((opts.page - 1) * opts.pageSize);
      const [total] = await db
        .select({ n: count() })
        .from(apiToken)
        .innerJoin(organisation, eq(organisation.id, apiToken.orgId))
        .where(where);
      return { items: rows.map(flatten), total: total?.n ?? 0 };
    },

    async insert(row: typeof apiToken.$inferInsert): Promise<ApiTokenRow> {
      const [created] = await db.insert(apiToken).values(row).returning();
      if (!created) throw new Error('insert returned no row');
      return created;
    },

    /** Live tokens without an identity handle yet (backfill at start). */
    async findWithoutAdminHandle(): Promise<Array<{ id: string; name: string; orgId: string }>> {
      return db
        .select({ id: apiToken.id, name: apiToken.name, orgId: apiToken.orgId })
        .from(apiToken)
        .where(and(isNull(apiToken.adminHandle), isNull(apiToken.revokedAt)))
        .orderBy(apiToken.createdAt);
    },

    /** Sets the identity handle unless another instance did meanwhile; true when this call set it. */
    async setAdminHandle(id: string, adminHandle: string): Promise<boolean> {
      const rows = await db
        .update(apiToken)
        .set({ adminHandle })
        .where(and(eq(apiToken.id, id), isNull(apiToken.adminHandle)))
        .returning({ id: apiToken.id });
      return rows.length > 0;
    },

    async update(id: string, patch: Partial<typeof apiToken.$inferInsert>): Promise<void> {
      await db.update(apiToken).set(patch).where(eq(apiToken.id, id));
    },
  };
}

function scopeFilter(scope: OrgScope): SQL | undefined {
  if (scope.all) return undefined;
  if ('districtId' in scope) return eq(organisation.districtId, scope.districtId);
  return eq(apiToken.orgId, scope.orgId);
}
