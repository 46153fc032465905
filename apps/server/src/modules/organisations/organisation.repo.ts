import type { OrganisationListQuery } from '@suilian/contracts';
import { and, asc, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { escapeLike } from '../../db/like.js';
import type { OrgScope } from '../../platform/scope.js';
import { organisation } from './organisation.table.js';

export type OrganisationRow = typeof organisation.$inferSelect;
export type NewOrganisationRow = typeof organisation.$inferInsert;

const SORTABLE = {
  name: organisation.name,
  kind: organisation.kind,
  createdAt: organisation.createdAt,
  updatedAt: organisation.updatedAt,
  creditCode: organisation.creditCode,
} as const;

export function createOrganisationRepo(db: DbOrTx) {
  return {
    async findById(id: string): Promise<OrganisationRow | null> {
      const [row] = await db.select().from(organisation).where(eq(organisation.id, id));
      return row ?? null;
    },

    async findCity(): Promise<OrganisationRow | null> {
      const [row] = await db.select().from(organisation).where(eq(organisation.kind, 'city')).limit(1);
      return row ?? null;
    },

    async findByCreditCode(code: string): Promise<OrganisationRow | null> {
      const [row] = await db.select().from(organisation).where(eq(organisation.creditCode, code));
      return row ?? null;
    },

    async findByDivisionCode(code: string): Promise<OrganisationRow | null> {
      const [row] = await db.select().from(organisation).where(eq(organisation.divisionCode, code));
      return row ?? null;
    },

    async findPage(scope: OrgScope, query: OrganisationListQuery): Promise<{ items: OrganisationRow[]; total: number }> {
      const where = and(scopeFilter(scope), ...listFilters(query));
      const sortKey = (query.sort ?? 'name').replace(/^-/, '') as keyof typeof SORTABLE;
      const column = SORTABLE[sortKey] ?? organisation.name;
      const order = query.sort?.startsWith('-') ? desc(column) : asc(column);
      const items = await db
        .select()
        .from(organisation)
        .where(where)
        .orderBy(order, asc(organisation.id))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      const [total] = await db.select({ n: count() }).from(organisation).where(where);
      return { items, total: total?.n ?? 0 };
    },

    async findAllInScope(scope: OrgScope): Promise<OrganisationRow[]> {
      return db.select().from(organisation).where(scopeFilter(scope)).orderBy(asc(organisation.divisionCode), asc(organisation.name));
    },

    /** Every provider with its district's name: a public directory, not scoped. */
    /** Every bank organisation (the reference banks are matched by name). */
    async findBanks(): Promise<Array<{ id: string; name: string }>> {
      return db.select({ id: organisation.id, name: organisation.name }).from(organisation).where(eq(organisation.kind, 'bank'));
    },
    async findProviders(): Promise<
      Array<{ id: string; name: string; providerType: 'operator' | 'service_provider' | null; districtName: string | null }>
    > {
      const district = alias(organisation, 'district');
      return db
        .select({ id: organisation.id, name: organisation.name, providerType: organisation.providerType, districtName: district.name })
        .from(organisation)
        .leftJoin(district, eq(district.id, organisation.districtId))
        .where(eq(organisation.kind, 'provider'))
        .orderBy(asc(organisation.providerType), asc(organisation.name));
    },

    async insert(row: NewOrganisationRow): Promise<OrganisationRow> {
      const [created] = await db.insert(organisation).values(row).returning();
      if (!created) throw new Error('insert returned no row');
      return created;
    },

    /** Updates only when `version` still matches; returns null when someone else changed it first. */
    async updateVersioned(id: string, version: number, patch: Partial<NewOrganisationRow>): Promise<OrganisationRow | null> {
      const [row] = await db
        .update(organisation)
        .set({ ...patch, version: version + 1 })
        .where(and(eq(organisation.id, id), eq(organisation.version, version)))
        .returning();
      return row ?? null;
    },
  };
}

export type OrganisationRepo = ReturnType<typeof createOrganisationRepo>;

function scopeFilter(scope: OrgScope): SQL | undefined {
  if (scope.all) return undefined;
  if ('districtId' in scope) return eq(organisation.districtId, scope.districtId);
  return eq(organisation.id, scope.orgId);
}

function listFilters(q: OrganisationListQuery): SQL[] {
  const filters: SQL[] = [];
  if (q.kind) filters.push(eq(organisation.kind, q.kind));
  if (q.districtId) filters.push(eq(organisation.districtId, q.districtId));
  if (q.q) {
    const pattern = `%${escapeLike(q.q)}%`;
    const any = or(ilike(organisation.name, pattern), ilike(organisation.nameEn, pattern), ilike(organisation.creditCode, pattern));
    if (any) filters.push(any);
  }
  return filters;
}
