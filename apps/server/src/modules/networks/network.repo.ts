import type { EdgeNodeListQuery, NetworkListQuery } from '@suilian/contracts';
import { and, asc, count, desc, eq, ilike, inArray, min, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { escapeLike } from '../../db/like.js';
import type { OrgScope } from '../../platform/scope.js';
import { factory } from '../factories/factory.table.js';
import { organisation } from '../organisations/organisation.table.js';
import { project } from '../projects/project.table.js';
import { edgeNode, networkFactory, networkProject, networkSite, networkSlice, privateNetwork } from './network.table.js';

export type NetworkRow = typeof privateNetwork.$inferSelect;
export type SiteRow = typeof networkSite.$inferSelect & { districtName: string };
export type SliceRow = typeof networkSlice.$inferSelect;
export type EdgeNodeRow = typeof edgeNode.$inferSelect & { operatorName: string };
export interface NetworkWithNames {
  network: NetworkRow;
  enterpriseName: string;
  operatorName: string;
  districtName: string;
}

const enterprise = alias(organisation, 'enterprise');
const operator = alias(organisation, 'operator');
const district = alias(organisation, 'district');
const siteDistrict = alias(organisation, 'site_district');
const SORTABLE = {
  name: privateNetwork.name,
  createdAt: privateNetwork.createdAt,
  inServiceOn: privateNetwork.inServiceOn,
  state: privateNetwork.state,
} as const;

/** The read reach as SQL: the district's networks, or those the organisation uses or runs. */
export function networkScopeFilter(scope: OrgScope): SQL | undefined {
  if (scope.all) return undefined;
  if ('districtId' in scope) return eq(privateNetwork.districtId, scope.districtId);
  return or(eq(privateNetwork.enterpriseId, scope.orgId), eq(privateNetwork.operatorId, scope.orgId));
}

function filters(q: Omit<NetworkListQuery, 'page' | 'pageSize'>): SQL[] {
  const out: SQL[] = [];
  if (q.districtId) out.push(eq(privateNetwork.districtId, q.districtId));
  if (q.enterpriseId) out.push(eq(privateNetwork.enterpriseId, q.enterpriseId));
  if (q.operatorId) out.push(eq(privateNetwork.operatorId, q.operatorId));
  if (q.state) out.push(eq(privateNetwork.state, q.state));
  if (q.mode) out.push(eq(privateNetwork.mode, q.mode));
  if (q.confirmation) out.push(eq(privateNetwork.confirmationState, q.confirmation));
  if (q.q) out.push(ilike(privateNetwork.name, `%${escapeLike(q.q)}%`));
  return out;
}

/** Private networks and their parts: the only place with their SQL. */
export function createNetworkRepo(db: DbOrTx) {
  const base = () =>
    db
      .select({ network: privateNetwork, enterpriseName: enterprise.name, operatorName: operator.name, districtName: district.name })
      .from(privateNetwork)
      .innerJoin(enterprise, eq(enterprise.id, privateNetwork.enterpriseId))
      .innerJoin(operator, eq(operator.id, privateNetwork.operatorId))
      .innerJoin(district, eq(district.id, privateNetwork.districtId));

  return {
    async findById(id: string): Promise<NetworkWithNames | null> {
      const [row] = await base().where(eq(privateNetwork.id, id));
      return row ?? null;
    },

    async findPage(scope: OrgScope, q: NetworkListQuery) {
      const where = and(networkScopeFilter(scope), ...filters(q));
      const key = (q.sort ?? '-createdAt').replace(/^-/, '') as keyof typeof SORTABLE;
      const column = SORTABLE[key] ?? privateNetwork.createdAt;
      const descending = (q.sort ?? '-createdAt').startsWith('-');
      const items = await base()
        .where(where)
        .orderBy(descending ? desc(column) : asc(column), asc(privateNetwork.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize);
      const [total] = await db.select({ n: count() }).from(privateNetwork).where(where);
      return { items, total: total?.n ?? 0 };
    },

    async insert(row: typeof privateNetwork.$inferInsert): Promise<NetworkRow> {
      const [created] = await db.insert(privateNetwork).values(row).returning();
      if (!created) throw new Error('insert returned no row');
      return created;
    },

    async updateVersioned(id: string, version: number, patch: Partial<typeof privateNetwork.$inferInsert>): Promise<NetworkRow | null> {
      const [row] = await db
        .update(privateNetwork)
        .set({ ...patch, version: version + 1 })
        .where(and(eq(privateNetwork.id, id), eq(privateNetwork.version, version)))
        .returning();
      return row ?? null;
    },

    async findSites(ids: string[]): Promise<SiteRow[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .select({ site: networkSite, districtName: siteDistrict.name })
        .from(networkSite)
        .innerJoin(siteDistrict, eq(siteDistrict.id, networkSite.districtId))
        .where(inArray(networkSite.networkId, ids))
        .orderBy(asc(networkSite.position));
      return rows.map((r) => ({ ...r.site, districtName: r.districtName }));
    },

    async findSlices(ids: string[]): Promise<SliceRow[]> {
      if (ids.length === 0) return [];
      return db.select().from(networkSlice).where(inArray(networkSlice.networkId, ids)).orderBy(asc(networkSlice.position));
    },

    async findEdgeNodes(ids: string[]): Promise<EdgeNodeRow[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .select({ node: edgeNode, operatorName: operator.name })
        .from(edgeNode)
        .innerJoin(operator, eq(operator.id, edgeNode.operatorId))
        .where(inArray(edgeNode.networkId, ids))
        .orderBy(asc(edgeNode.position));
      return rows.map((r) => ({ ...r.node, operatorName: r.operatorName }));
    },

    async findProjectLinks(ids: string[]) {
      if (ids.length === 0) return [];
      return db
        .select({ networkId: networkProject.networkId, id: project.id, code: project.code, title: project.title })
        .from(networkProject)
        .innerJoin(project, eq(project.id, networkProject.projectId))
        .where(inArray(networkProject.networkId, ids))
        .orderBy(asc(project.code));
    },

    async findFactoryLinks(ids: string[]) {
      if (ids.length === 0) return [];
      return db
        .select({ networkId: networkFactory.networkId, id: factory.id, name: factory.name })
        .from(networkFactory)
        .innerJoin(factory, eq(factory.id, networkFactory.factoryId))
        .where(inArray(networkFactory.networkId, ids))
        .orderBy(asc(factory.name));
    },

    /** Replaces the network's parts that were given (each list whole). */
    async replaceParts(
      networkId: string,
      parts: {
        sites?: Array<Omit<typeof networkSite.$inferInsert, 'networkId' | 'position'>>;
        slices?: Array<Omit<typeof networkSlice.$inferInsert, 'networkId' | 'position'>>;
        edgeNodes?: Array<Omit<typeof edgeNode.$inferInsert, 'networkId' | 'position'>>;
        projectIds?: string[];
        factoryIds?: string[];
      },
    ): Promise<void> {
      const at = <T>(rows: T[]) => rows.map((r, position) => ({ ...r, networkId, position }));
      if (parts.sites) {
        await db.delete(networkSite).where(eq(networkSite.networkId, networkId));
        if (parts.sites.length > 0) await db.insert(networkSite).values(at(parts.sites));
      }
      if (parts.slices) {
        await db.delete(networkSlice).where(eq(networkSlice.networkId, networkId));
        if (parts.slices.length > 0) await db.insert(networkSlice).values(at(parts.slices));
      }
      if (parts.edgeNodes) {
        await db.delete(edgeNode).where(eq(edgeNode.networkId, networkId));
        if (parts.edgeNodes.length > 0) await db.insert(edgeNode).values(at(parts.edgeNodes));
      }
      if (parts.projectIds) {
        await db.delete(networkProject).where(eq(networkProject.networkId, networkId));
        if (parts.projectIds.length > 0)
          await db.insert(networkProject).values(parts.projectIds.map((projectId) => ({ networkId, projectId })));
      }
      if (parts.factoryIds) {
        await db.delete(networkFactory).where(eq(networkFactory.networkId, networkId));
        if (parts.factoryIds.length > 0)
          await db.insert(networkFactory).values(parts.factoryIds.map((factoryId) => ({ networkId, factoryId })));
      }
    },

    /** One page of edge nodes of the networks in reach. */
    async findEdgeNodePage(scope: OrgScope, q: EdgeNodeListQuery) {
      const where = and(
        networkScopeFilter(scope),
        q.districtId ? eq(privateNetwork.districtId, q.districtId) : undefined,
        q.operatorId ? eq(edgeNode.operatorId, q.operatorId) : undefined,
        q.networkId ? eq(edgeNode.networkId, q.networkId) : undefined,
        q.q ? ilike(edgeNode.name, `%${escapeLike(q.q)}%`) : undefined,
      );
      const items = await db
        .select({
          node: edgeNode,
          operatorName: operator.name,
          networkName: privateNetwork.name,
          districtId: privateNetwork.districtId,
          districtName: district.name,
          confirmationState: privateNetwork.confirmationState,
        })
        .from(edgeNode)
        .innerJoin(privateNetwork, eq(privateNetwork.id, edgeNode.networkId))
        .innerJoin(operator, eq(operator.id, edgeNode.operatorId))
        .innerJoin(district, eq(district.id, privateNetwork.districtId))
        .where(where)
        .orderBy(desc(edgeNode.commissionedOn), asc(edgeNode.name), asc(edgeNode.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize);
      const [total] = await db
        .select({ n: count() })
        .from(edgeNode)
        .innerJoin(privateNetwork, eq(privateNetwork.id, edgeNode.networkId))
        .where(where);
      return { items, total: total?.n ?? 0 };
    },

    /** Declared networks in the district reach waiting for confirmation: how many, and the oldest declaration. */
    async tallyDeclared(scope: OrgScope): Promise<{ count: number; oldest: Date | null }> {
      const [row] = await db
        .select({ count: count(), oldest: min(privateNetwork.updatedAt) })
        .from(privateNetwork)
        .where(and(networkScopeFilter(scope), eq(privateNetwork.confirmationState, 'declared')));
      return { count: row?.count ?? 0, oldest: row?.oldest ?? null };
    },

    /** Organisations by id with kind and provider type (checks of the enterprise and the operators). */
    async organisations(ids: string[]) {
      if (ids.length === 0) return [];
      return db
        .select({
          id: organisation.id,
          kind: organisation.kind,
          providerType: organisation.providerType,
          districtId: organisation.districtId,
          name: organisation.name,
        })
        .from(organisation)
        .where(inArray(organisation.id, ids));
    },

    /** Project owners and factory owners, to link only the enterprise's own. */
    async projectOwners(ids: string[]) {
      if (ids.length === 0) return [];
      return db.select({ id: project.id, enterpriseId: project.enterpriseId }).from(project).where(inArray(project.id, ids));
    },
    async factoryOwners(ids: string[]) {
      if (ids.length === 0) return [];
      return db.select({ id: factory.id, enterpriseId: factory.enterpriseId }).from(factory).where(inArray(factory.id, ids));
    },
  };
}
