import type { FactoryListQuery } from '@suilian/contracts';
import { and, asc, count, desc, eq, gte, ilike, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { escapeLike } from '../../db/like.js';
import type { OrgScope } from '../../platform/scope.js';
import { organisation } from '../organisations/organisation.table.js';
import { factory, factoryProject, factoryScenario } from './factory.table.js';

export type FactoryRow = typeof factory.$inferSelect;
export type FactoryScenarioRow = typeof factoryScenario.$inferSelect;
export interface FactoryWithNames {
  factory: FactoryRow;
  enterpriseName: string;
  districtName: string;
}

const enterprise = alias(organisation, 'enterprise');
const district = alias(organisation, 'district');
const SORTABLE = {
  name: factory.name,
  createdAt: factory.createdAt,
  level: factory.level,
  nationalListYear: factory.nationalListYear,
} as const;

/** Live scenarios of the current factory row as of `today`. */
const liveCount = (today: string) =>
  sql<number>`(SELECT count(*)::int FROM ${factoryScenario} fs WHERE fs.factory_id = ${factory.id} AND fs.go_live_date <= ${today})`;

export function createFactoryRepo(db: DbOrTx) {
  const base = () =>
    db
      .select({ factory, enterpriseName: enterprise.name, districtName: district.name })
      .from(factory)
      .innerJoin(enterprise, eq(enterprise.id, factory.enterpriseId))
      .innerJoin(district, eq(district.id, factory.districtId));

  return {
    async findById(id: string): Promise<FactoryWithNames | null> {
      const [row] = await base().where(eq(factory.id, id));
      return row ?? null;
    },

    async findPage(scope: OrgScope, q: FactoryListQuery, today: string) {
      const where = and(scopeFilter(scope), ...filters(q, today));
      const key = (q.sort ?? 'name').replace(/^-/, '') as keyof typeof SORTABLE;
      const column = SORTABLE[key] ?? factory.name;
      const items = await base()
        .where(where)
        .orderBy(q.sort?.startsWith('-') ? desc(column) : asc(column), asc(factory.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize);
      const [total] = await db.select({ n: count() }).from(factory).where(where);
      return { items, total: total?.n ?? 0 };
    },

    async insert(row: typeof factory.$inferInsert): Promise<FactoryRow> {
      const [created] = await db.insert(factory).values(row).returning();
      if (!created) throw new Error('insert returned no row');
      return created;
    },

    async updateVersioned(id: string, version: number, patch: Partial<typeof factory.$inferInsert>): Promise<FactoryRow | null> {
      const [row] = await db
        .update(factory)
        .set({ ...patch, version: version + 1 })
        .where(and(eq(factory.id, id), eq(factory.version, version)))
        .returning();
      return row ?? null;
    },

    async findOwners(ids: string[]): Promise<Array<{ id: string; enterpriseId: string; name: string }>> {
      if (ids.length === 0) return [];
      return db
        .select({ id: factory.id, enterpriseId: factory.enterpriseId, name: factory.name })
        .from(factory)
        .where(inArray(factory.id, ids));
    },

    async findScenarios(ids: string[]): Promise<FactoryScenarioRow[]> {
      if (ids.length === 0) return [];
      return db.select().from(factoryScenario).where(inArray(factoryScenario.factoryId, ids)).orderBy(asc(factoryScenario.position));
    },

    async replaceScenarios(factoryId: string, rows: Array<Omit<FactoryScenarioRow, 'factoryId' | 'position'>>): Promise<void> {
      await db.delete(factoryScenario).where(eq(factoryScenario.factoryId, factoryId));
      if (rows.length > 0) await db.insert(factoryScenario).values(rows.map((r, position) => ({ ...r, factoryId, position })));
    },

    async findProjectLinks(ids: string[]): Promise<Array<{ factoryId: string; projectId: string }>> {
      if (ids.length === 0) return [];
      return db.select().from(factoryProject).where(inArray(factoryProject.factoryId, ids));
    },

    async replaceProjectLinks(factoryId: string, projectIds: string[]): Promise<void> {
      await db.delete(factoryProject).where(eq(factoryProject.factoryId, factoryId));
      if (projectIds.length > 0) await db.insert(factoryProject).values(projectIds.map((projectId) => ({ factoryId, projectId })));
    },
  };
}

function scopeFilter(scope: OrgScope): SQL | undefined {
  if (scope.all) return undefined;
  if ('districtId' in scope) return eq(factory.districtId, scope.districtId);
  return eq(factory.enterpriseId, scope.orgId);
}

function filters(q: FactoryListQuery, today: string): SQL[] {
  const out: SQL[] = [];
  if (q.districtId) out.push(eq(factory.districtId, q.districtId));
  if (q.enterpriseId) out.push(eq(factory.enterpriseId, q.enterpriseId));
  if (q.level) out.push(eq(factory.level, q.level));
  if (q.minLiveScenarios !== undefined) out.push(gte(liveCount(today), q.minLiveScenarios));
  if (q.q) out.push(ilike(factory.name, `%${escapeLike(q.q)}%`));
  return out;
}
