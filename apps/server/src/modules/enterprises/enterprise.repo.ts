import type { EnterpriseListQuery } from '@suilian/contracts';
import { and, asc, count, desc, eq, exists, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { escapeLike } from '../../db/like.js';
import type { OrgScope } from '../../platform/scope.js';
import { organisation } from '../organisations/organisation.table.js';
import { enterpriseHonour, enterpriseProfile } from './enterprise.table.js';

export type ProfileRow = typeof enterpriseProfile.$inferSelect;
export type HonourRow = typeof enterpriseHonour.$inferSelect;
export type OrganisationRow = typeof organisation.$inferSelect;
export interface EnterpriseRow {
  org: OrganisationRow;
  profile: ProfileRow | null;
  districtName: string;
}

const district = alias(organisation, 'district');

const SORTABLE = {
  name: organisation.name,
  createdAt: organisation.createdAt,
  creditCode: organisation.creditCode,
  updatedAt: organisation.updatedAt,
} as const;

export function createEnterpriseRepo(db: DbOrTx) {
  const base = () =>
    db
      .select({ org: organisation, profile: enterpriseProfile, districtName: district.name })
      .from(organisation)
      .leftJoin(enterpriseProfile, eq(enterpriseProfile.orgId, organisation.id))
      .innerJoin(district, eq(district.id, organisation.districtId));

  return {
    async findById(id: string): Promise<EnterpriseRow | null> {
      const [row] = await base().where(and(eq(organisation.id, id), eq(organisation.kind, 'enterprise')));
      return row ?? null;
    },

    async findPage(scope: OrgScope, q: EnterpriseListQuery): Promise<{ items: EnterpriseRow[]; total: number }> {
      const where = and(eq(organisation.kind, 'enterprise'), scopeFilter(scope), ...filters(db, q));
      const key = (q.sort ?? 'name').replace(/^-/, '') as keyof typeof SORTABLE;
      const column = SORTABLE[key] ?? organisation.name;
      const items = await base()
        .where(where)
        .orderBy(q.sort?.startsWith('-') ? desc(column) : asc(column), asc(organisation.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize);
      const [total] = await db
        .select({ n: count() })
        .from(organisation)
        .leftJoin(enterpriseProfile, eq(enterpriseProfile.orgId, organisation.id))
        .where(where);
      return { items, total: total?.n ?? 0 };
    },

    async upsertProfile(row: ProfileRow): Promise<void> {
      const { orgId, ...rest } = row;
      await db.insert(enterpriseProfile).values(row).onConflictDoUpdate({ target: enterpriseProfile.orgId, set: rest });
    },

    async findHonours(orgIds: string[]): Promise<HonourRow[]> {
      if (orgIds.length === 0) return [];
      return db
        .select()
        .from(enterpriseHonour)
        .where(inArray(enterpriseHonour.orgId, orgIds))
        .orderBy(asc(enterpriseHonour.year), asc(enterpriseHonour.createdAt));
    },

    async findHonour(id: string): Promise<HonourRow | null> {
      const [row] = await db.select().from(enterpriseHonour).where(eq(enterpriseHonour.id, id));
      return row ?? null;
    },

    async insertHonour(row: typeof enterpriseHonour.$inferInsert): Promise<HonourRow> {
      const [created] = await db.insert(enterpriseHonour).values(row).returning();
      if (!created) throw new Error('insert returned no row');
      return created;
    },

    async updateHonour(id: string, patch: Partial<typeof enterpriseHonour.$inferInsert>): Promise<HonourRow | null> {
      const [row] = await db.update(enterpriseHonour).set(patch).where(eq(enterpriseHonour.id, id)).returning();
      return row ?? null;
    },

    async deleteHonour(id: string): Promise<void> {
      await db.delete(enterpriseHonour).where(eq(enterpriseHonour.id, id));
    },
  };
}

function scopeFilter(scope: OrgScope): SQL | undefined {
  if (scope.all) return undefined;
  if ('districtId' in scope) return eq(organisation.districtId, scope.districtId);
  return eq(organisation.id, scope.orgId);
}

function filters(db: DbOrTx, q: EnterpriseListQuery): SQL[] {
  const out: SQL[] = [];
  if (q.districtId) out.push(eq(organisation.districtId, q.districtId));
  if (q.clusterCode) out.push(eq(enterpriseProfile.clusterCode, q.clusterCode));
  if (q.industryCode) out.push(eq(enterpriseProfile.industryCode, q.industryCode));
  if (q.sizeClass) out.push(eq(enterpriseProfile.sizeClass, q.sizeClass));
  if (q.aboveScale) out.push(eq(enterpriseProfile.aboveScale, q.aboveScale === 'true'));
  if (q.honourType) {
    const holds = db
      .select({ one: sql`1` })
      .from(enterpriseHonour)
      .where(and(eq(enterpriseHonour.orgId, organisation.id), eq(enterpriseHonour.honourType, q.honourType)));
    out.push(exists(holds));
  }
  if (q.q) {
    const pattern = `%${escapeLike(q.q)}%`;
    const any = or(
      ilike(organisation.name, pattern),
      ilike(organisation.creditCode, pattern),
      ilike(enterpriseProfile.mainProducts, pattern),
    );
    if (any) out.push(any);
  }
  return out;
}
