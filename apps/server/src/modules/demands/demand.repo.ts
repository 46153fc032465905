import type { DemandListQuery, LeadListQuery } from '@suilian/contracts';
import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { escapeLike } from '../../db/like.js';
import type { OrgScope } from '../../platform/scope.js';
import { organisation } from '../organisations/organisation.table.js';
import { solution } from '../solutions/solution.table.js';
import { demand, demandAttachment, lead, leadEvent } from './demand.table.js';

export type DemandRow = typeof demand.$inferSelect;
export type LeadRow = typeof lead.$inferSelect;
export type LeadEventRow = typeof leadEvent.$inferSelect;
export interface DemandWithNames {
  demand: DemandRow;
  enterpriseName: string;
  districtName: string;
}
export interface LeadWithNames {
  lead: LeadRow;
  demandTitle: string;
  solutionTitle: string;
  enterpriseName: string;
  providerName: string;
}

const enterprise = alias(organisation, 'enterprise');
const district = alias(organisation, 'district');
const provider = alias(organisation, 'provider');
const DEMAND_SORT = { createdAt: demand.createdAt, title: demand.title } as const;

/** Demands, their attachments, leads and lead events: the only place with their SQL. */
export function createDemandRepo(db: DbOrTx) {
  const demands = () =>
    db
      .select({ demand, enterpriseName: enterprise.name, districtName: district.name })
      .from(demand)
      .innerJoin(enterprise, eq(enterprise.id, demand.enterpriseId))
      .innerJoin(district, eq(district.id, demand.districtId));
  const leads = () =>
    db
      .select({
        lead,
        demandTitle: demand.title,
        solutionTitle: solution.title,
        enterpriseName: enterprise.name,
        providerName: provider.name,
      })
      .from(lead)
      .innerJoin(demand, eq(demand.id, lead.demandId))
      .innerJoin(solution, eq(solution.id, lead.solutionId))
      .innerJoin(enterprise, eq(enterprise.id, lead.enterpriseId))
      .innerJoin(provider, eq(provider.id, lead.providerId));

  return {
    async findDemand(id: string): Promise<DemandWithNames | null> {
      const [row] = await demands().where(eq(demand.id, id));
      return row ?? null;
    },

    async findDemandPage(scope: OrgScope, q: DemandListQuery) {
      const where = and(demandScope(scope), ...demandFilters(q));
      const key = (q.sort ?? '-createdAt').replace(/^-/, '') as keyof typeof DEMAND_SORT;
      const column = DEMAND_SORT[key] ?? demand.createdAt;
      const items = await demands()
        .where(where)
        .orderBy((q.sort ?? '-createdAt').startsWith('-') ? desc(column) : asc(column), asc(demand.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize);
      const [total] = await db.select({ n: count() }).from(demand).where(where);
      return { items, total: total?.n ?? 0 };
    },

    /** The newest open demands (the provider-side matching pool). */
    async findOpenDemands(limit: number): Promise<DemandWithNames[]> {
      return demands().where(eq(demand.state, 'open')).orderBy(desc(demand.createdAt), asc(demand.id)).limit(limit);
    },

    async insertDemand(row: typeof demand.$inferInsert): Promise<DemandRow> {
      const [created] = await db.insert(demand).values(row).returning();
      if (!created) throw new Error('insert returned no row');
      return created;
    },

    async updateDemand(id: string, version: number, patch: Partial<typeof demand.$inferInsert>): Promise<DemandRow | null> {
      const [row] = await db
        .update(demand)
        .set({ ...patch, version: version + 1 })
        .where(and(eq(demand.id, id), eq(demand.version, version)))
        .returning();
      return row ?? null;
    },

    async findAttachments(ids: string[]) {
      if (ids.length === 0) return [];
      return db.select().from(demandAttachment).where(inArray(demandAttachment.demandId, ids));
    },

    async replaceAttachments(demandId: string, fileIds: string[]): Promise<void> {
      await db.delete(demandAttachment).where(eq(demandAttachment.demandId, demandId));
      if (fileIds.length > 0) await db.insert(demandAttachment).values(fileIds.map((fileId) => ({ demandId, fileId })));
    },

    /** The demands a file is attached to (for the file read rule). */
    async demandsWithFile(fileId: string): Promise<DemandRow[]> {
      return db
        .select({ demand })
        .from(demandAttachment)
        .innerJoin(demand, eq(demand.id, demandAttachment.demandId))
        .where(eq(demandAttachment.fileId, fileId))
        .then((rows) => rows.map((r) => r.demand));
    },

    async leadCounts(demandIds: string[]): Promise<Map<string, number>> {
      if (demandIds.length === 0) return new Map();
      const rows = await db
        .select({ id: lead.demandId, n: count() })
        .from(lead)
        .where(inArray(lead.demandId, demandIds))
        .groupBy(lead.demandId);
      return new Map(rows.map((r) => [r.id, r.n]));
    },

    /** Leads of these demands, for marking pairs that already have one. */
    async leadPairs(demandIds: string[]): Promise<Array<{ id: string; demandId: string; solutionId: string }>> {
      if (demandIds.length === 0) return [];
      return db
        .select({ id: lead.id, demandId: lead.demandId, solutionId: lead.solutionId })
        .from(lead)
        .where(inArray(lead.demandId, demandIds));
    },

    async findLead(id: string): Promise<LeadWithNames | null> {
      const [row] = await leads().where(eq(lead.id, id));
      return row ?? null;
    },

    async findLeadPage(scope: OrgScope, q: LeadListQuery) {
      const where = and(leadScope(scope), ...leadFilters(q));
      const items = await leads()
        .where(where)
        .orderBy(desc(lead.updatedAt), asc(lead.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize);
      const [total] = await db.select({ n: count() }).from(lead).innerJoin(demand, eq(demand.id, lead.demandId)).where(where);
      return { items, total: total?.n ?? 0 };
    },

    async insertLead(row: typeof lead.$inferInsert): Promise<LeadRow> {
      const [created] = await db.insert(lead).values(row).returning();
      if (!created) throw new Error('insert returned no row');
      return created;
    },

    async insertLeads(rows: Array<typeof lead.$inferInsert>): Promise<LeadRow[]> {
      return rows.length ? db.insert(lead).values(rows).returning() : [];
    },

    async updateLead(id: string, version: number, patch: Partial<typeof lead.$inferInsert>): Promise<LeadRow | null> {
      const [row] = await db
        .update(lead)
        .set({ ...patch, version: version + 1 })
        .where(and(eq(lead.id, id), eq(lead.version, version)))
        .returning();
      return row ?? null;
    },

    async insertEvents(rows: Array<typeof leadEvent.$inferInsert>): Promise<void> {
      if (rows.length > 0) await db.insert(leadEvent).values(rows);
    },

    async findEvents(leadId: string): Promise<LeadEventRow[]> {
      return db.select().from(leadEvent).where(eq(leadEvent.leadId, leadId)).orderBy(asc(leadEvent.occurredAt), asc(leadEvent.id));
    },
  };
}

function demandScope(scope: OrgScope): SQL | undefined {
  if (scope.all) return undefined;
  if ('districtId' in scope) return eq(demand.districtId, scope.districtId);
  return eq(demand.enterpriseId, scope.orgId);
}

function demandFilters(q: DemandListQuery): SQL[] {
  const out: SQL[] = [];
  if (q.state) out.push(eq(demand.state, q.state));
  if (q.districtId) out.push(eq(demand.districtId, q.districtId));
  if (q.enterpriseId) out.push(eq(demand.enterpriseId, q.enterpriseId));
  if (q.scenario) out.push(sql`${q.scenario} = ANY(${demand.scenarios})`);
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    const text = or(ilike(demand.title, like), ilike(demand.problem, like));
    if (text) out.push(text);
  }
  return out;
}

function leadScope(scope: OrgScope): SQL | undefined {
  if (scope.all) return undefined;
  if ('districtId' in scope) return eq(lead.districtId, scope.districtId);
  return or(eq(lead.enterpriseId, scope.orgId), eq(lead.providerId, scope.orgId));
}

function leadFilters(q: LeadListQuery): SQL[] {
  const out: SQL[] = [];
  if (q.status) out.push(eq(lead.status, q.status));
  if (q.demandId) out.push(eq(lead.demandId, q.demandId));
  if (q.solutionId) out.push(eq(lead.solutionId, q.solutionId));
  if (q.q) out.push(ilike(demand.title, `%${escapeLike(q.q)}%`));
  return out;
}
