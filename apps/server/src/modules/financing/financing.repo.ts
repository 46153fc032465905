import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { escapeLike } from '../../db/like.js';
import type { OrgScope } from '../../platform/scope.js';
import { organisation } from '../organisations/organisation.table.js';
import { project } from '../projects/project.table.js';
import { financingOffer, financingRequest, financingRoute } from './financing.table.js';

export type FinancingRequestRow = typeof financingRequest.$inferSelect;
export type NewFinancingRequestRow = typeof financingRequest.$inferInsert;
export type FinancingRouteRow = typeof financingRoute.$inferSelect;
export type FinancingOfferRow = typeof financingOffer.$inferSelect;

export interface FinancingFilter {
  state?: FinancingRequestRow['state'];
  districtId?: string;
  bankId?: string;
  q?: string;
}

const enterprise = alias(organisation, 'fin_enterprise');
const district = alias(organisation, 'fin_district');
const bank = alias(organisation, 'fin_bank');

const routedTo = (bankId: string) =>
  sql`EXISTS (SELECT 1 FROM ${financingRoute} WHERE ${financingRoute.requestId} = ${financingRequest.id} AND ${financingRoute.bankId} = ${bankId})`;

/** An organisation reaches its own requests and those routed to it (a bank); a district its district's. */
function scopeFilter(scope: OrgScope): SQL | undefined {
  if (scope.all) return undefined;
  if ('districtId' in scope) return eq(financingRequest.districtId, scope.districtId);
  return or(eq(financingRequest.enterpriseId, scope.orgId), routedTo(scope.orgId));
}

/** SQL of financing: requests, their routes to banks, offers, banks, volumes. */
export function createFinancingRepo(db: DbOrTx) {
  return {
    async listBanks(q: string | undefined, page: { page: number; pageSize: number }) {
      const where = and(eq(organisation.kind, 'bank'), q ? ilike(organisation.name, `%${escapeLike(q)}%`) : undefined);
      const items = await db
        .select({ id: organisation.id, name: organisation.name, nameEn: organisation.nameEn })
        .from(organisation)
        .where(where)
        .orderBy(asc(organisation.name))
        .limit(page.pageSize)
        .offset((page.page - 1) * page.pageSize);
      const [total] = await db.select({ n: count() }).from(organisation).where(where);
      return { items, total: total?.n ?? 0 };
    },
    /** The ids among these that name banks. */
    async bankIdsAmong(ids: readonly string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await db
        .select({ id: organisation.id })
        .from(organisation)
        .where(and(eq(organisation.kind, 'bank'), inArray(organisation.id, [...ids])));
      return new Set(rows.map((r) => r.id));
    },
    async projectFacts(projectId: string) {
      const [row] = await db
        .select({ id: project.id, enterpriseId: project.enterpriseId, districtId: project.districtId })
        .from(project)
        .where(eq(project.id, projectId));
      return row ?? null;
    },
    async nextCode(year: number): Promise<string> {
      const [row] = await db
        .select({ n: count() })
        .from(financingRequest)
        .where(ilike(financingRequest.code, `RZ${year}%`));
      return `RZ${year}${String((row?.n ?? 0) + 1).padStart(5, '0')}`;
    },
    async insertRequest(row: NewFinancingRequestRow): Promise<void> {
      await db.insert(financingRequest).values(row);
    },
    /** Updates when the version still matches; false otherwise. */
    async updateRequest(id: string, version: number, patch: Partial<NewFinancingRequestRow>): Promise<boolean> {
      const updated = await db
        .update(financingRequest)
        .set({ ...patch, version: sql`${financingRequest.version} + 1` })
        .where(and(eq(financingRequest.id, id), eq(financingRequest.version, version)))
        .returning({ id: financingRequest.id });
      return updated.length > 0;
    },
    /** Moves the request on from `state` whatever its version (a bank's step races no edit: drafts only are edited). */
    async moveRequest(id: string, from: FinancingRequestRow['state'], patch: Partial<NewFinancingRequestRow>): Promise<boolean> {
      const updated = await db
        .update(financingRequest)
        .set({ ...patch, version: sql`${financingRequest.version} + 1` })
        .where(and(eq(financingRequest.id, id), eq(financingRequest.state, from)))
        .returning({ id: financingRequest.id });
      return updated.length > 0;
    },
    async findRequest(id: string) {
      const [row] = await db
        .select({ row: financingRequest, enterpriseName: enterprise.name, districtName: district.name, projectTitle: project.title })
        .from(financingRequest)
        .innerJoin(enterprise, eq(enterprise.id, financingRequest.enterpriseId))
        .innerJoin(district, eq(district.id, financingRequest.districtId))
        .innerJoin(project, eq(project.id, financingRequest.projectId))
        .where(eq(financingRequest.id, id));
      if (!row) return null;
      const routes = await db
        .select({ route: financingRoute, bankName: bank.name })
        .from(financingRoute)
        .innerJoin(bank, eq(bank.id, financingRoute.bankId))
        .where(eq(financingRoute.requestId, id))
        .orderBy(asc(bank.name));
      const offers = await db.select().from(financingOffer).where(eq(financingOffer.requestId, id));
      const chosen = await db
        .select({ id: organisation.id, name: organisation.name })
        .from(organisation)
        .where(inArray(organisation.id, row.row.bankIds.length > 0 ? row.row.bankIds : ['00000000-0000-0000-0000-000000000000']));
      return { ...row, routes, offers, chosen };
    },
    async listRequests(scope: OrgScope, f: FinancingFilter, page: { page: number; pageSize: number }, myBankId: string | null) {
      const parts: Array<SQL | undefined> = [scopeFilter(scope)];
      if (f.state) parts.push(eq(financingRequest.state, f.state));
      if (f.districtId) parts.push(eq(financingRequest.districtId, f.districtId));
      if (f.bankId) parts.push(routedTo(f.bankId));
      if (f.q) {
        const like = `%${escapeLike(f.q)}%`;
        parts.push(or(ilike(financingRequest.code, like), ilike(enterprise.name, like), ilike(project.title, like)));
      }
      const where = and(...parts);
      const base = () =>
        db
          .select({
            row: financingRequest,
            enterpriseName: enterprise.name,
            districtName: district.name,
            projectTitle: project.title,
            bankCount: sql<number>`(SELECT count(*)::int FROM ${financingRoute} WHERE ${financingRoute.requestId} = ${financingRequest.id})`,
            offerCount: sql<number>`(SELECT count(*)::int FROM ${financingOffer} WHERE ${financingOffer.requestId} = ${financingRequest.id})`,
            myRouteState: myBankId
              ? sql<
                  string | null
                >`(SELECT ${financingRoute.state} FROM ${financingRoute} WHERE ${financingRoute.requestId} = ${financingRequest.id} AND ${financingRoute.bankId} = ${myBankId})`
              : sql<string | null>`NULL::text`,
          })
          .from(financingRequest)
          .innerJoin(enterprise, eq(enterprise.id, financingRequest.enterpriseId))
          .innerJoin(district, eq(district.id, financingRequest.districtId))
          .innerJoin(project, eq(project.id, financingRequest.projectId));
      const items = await base()
        .where(where)
        .orderBy(desc(financingRequest.updatedAt), desc(financingRequest.id))
        .limit(page.pageSize)
        .offset((page.page - 1) * page.pageSize);
      const [total] = await db
        .select({ n: count() })
        .from(financingRequest)
        .innerJoin(enterprise, eq(enterprise.id, financingRequest.enterpriseId))
        .innerJoin(project, eq(project.id, financingRequest.projectId))
        .where(where);
      return { items, total: total?.n ?? 0 };
    },
    async insertRoutes(rows: Array<typeof financingRoute.$inferInsert>): Promise<void> {
      if (rows.length > 0) await db.insert(financingRoute).values(rows);
    },
    /** Records the bank's answer while it is still pending; false when it already answered. */
    async answerRoute(requestId: string, bankId: string, patch: Partial<typeof financingRoute.$inferInsert>): Promise<boolean> {
      const updated = await db
        .update(financingRoute)
        .set(patch)
        .where(and(eq(financingRoute.requestId, requestId), eq(financingRoute.bankId, bankId), eq(financingRoute.state, 'pending')))
        .returning({ bankId: financingRoute.bankId });
      return updated.length > 0;
    },
    async insertOffer(row: typeof financingOffer.$inferInsert): Promise<string> {
      const [created] = await db.insert(financingOffer).values(row).returning({ id: financingOffer.id });
      if (!created) throw new Error('financing offer insert returned nothing');
      return created.id;
    },
    /** Requests waiting on a bank's answer (routes pending on submitted requests). */
    async tallyPendingRoutes(bankId: string): Promise<{ count: number; oldest: Date | null }> {
      const [row] = await db
        .select({ count: count(), oldest: sql<Date | null>`min(${financingRoute.routedAt})` })
        .from(financingRoute)
        .innerJoin(financingRequest, eq(financingRequest.id, financingRoute.requestId))
        .where(and(eq(financingRoute.bankId, bankId), eq(financingRoute.state, 'pending'), eq(financingRequest.state, 'submitted')));
      return { count: row?.count ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null };
    },
    /** The enterprise's submitted requests with at least one offer to choose from. */
    async tallyOffersWaiting(enterpriseId: string): Promise<{ count: number; oldest: Date | null }> {
      const [row] = await db
        .select({ count: count(), oldest: sql<Date | null>`min(${financingRequest.updatedAt})` })
        .from(financingRequest)
        .where(
          and(
            eq(financingRequest.enterpriseId, enterpriseId),
            eq(financingRequest.state, 'submitted'),
            sql`EXISTS (SELECT 1 FROM ${financingOffer} WHERE ${financingOffer.requestId} = ${financingRequest.id})`,
          ),
        );
      return { count: row?.count ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null };
    },
    /** Requests that accepted this bank's offer and wait for the bank to record the loan. */
    async tallyToClose(bankId: string): Promise<{ count: number; oldest: Date | null }> {
      const [row] = await db
        .select({ count: count(), oldest: sql<Date | null>`min(${financingRequest.updatedAt})` })
        .from(financingRequest)
        .innerJoin(financingOffer, eq(financingOffer.id, financingRequest.acceptedOfferId))
        .where(and(eq(financingRequest.state, 'accepted'), eq(financingOffer.bankId, bankId)));
      return { count: row?.count ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null };
    },
    async statistics(scope: OrgScope) {
      const where = and(scopeFilter(scope), sql`${financingRequest.state} <> 'draft'`);
      // Banks compete: an organisation sees the offers of its own requests (enterprise) or its own (bank).
      const ownOffer =
        'orgId' in scope
          ? sql`(${financingRequest.enterpriseId} = ${scope.orgId} OR ${financingOffer.bankId} = ${scope.orgId})`
          : sql`true`;
      const acceptedAmount = sql<string>`coalesce(sum(${financingOffer.amount}) FILTER (WHERE ${financingRequest.state} IN ('accepted', 'closed') AND ${ownOffer}), 0)::text`;
      const byState = await db
        .select({
          state: financingRequest.state,
          count: sql<number>`count(*)::int`,
          amount: sql<string>`sum(${financingRequest.amount})::text`,
        })
        .from(financingRequest)
        .where(where)
        .groupBy(financingRequest.state);
      const byDistrict = await db
        .select({
          districtId: financingRequest.districtId,
          districtName: district.name,
          requests: sql<number>`count(*)::int`,
          requestedAmount: sql<string>`sum(${financingRequest.amount})::text`,
          acceptedAmount,
        })
        .from(financingRequest)
        .innerJoin(district, eq(district.id, financingRequest.districtId))
        .leftJoin(financingOffer, eq(financingOffer.id, financingRequest.acceptedOfferId))
        .where(where)
        .groupBy(financingRequest.districtId, district.name)
        .orderBy(desc(sql`sum(${financingRequest.amount})`));
      const byBank = await db
        .select({
          bankId: financingRoute.bankId,
          bankName: bank.name,
          routed: sql<number>`count(*)::int`,
          offered: sql<number>`count(*) FILTER (WHERE ${financingRoute.state} = 'offered')::int`,
          declined: sql<number>`count(*) FILTER (WHERE ${financingRoute.state} = 'declined')::int`,
          accepted: sql<number>`count(*) FILTER (WHERE ${financingRequest.acceptedOfferId} = ${financingOffer.id})::int`,
          offeredAmount: sql<string>`coalesce(sum(${financingOffer.amount}), 0)::text`,
          acceptedAmount: sql<string>`coalesce(sum(${financingOffer.amount}) FILTER (WHERE ${financingRequest.acceptedOfferId} = ${financingOffer.id}), 0)::text`,
        })
        .from(financingRoute)
        .innerJoin(financingRequest, eq(financingRequest.id, financingRoute.requestId))
        .innerJoin(bank, eq(bank.id, financingRoute.bankId))
        .leftJoin(
          financingOffer,
          and(eq(financingOffer.requestId, financingRoute.requestId), eq(financingOffer.bankId, financingRoute.bankId)),
        )
        .where(
          and(
            where,
            'orgId' in scope ? or(eq(financingRequest.enterpriseId, scope.orgId), eq(financingRoute.bankId, scope.orgId)) : undefined,
          ),
        )
        .groupBy(financingRoute.bankId, bank.name)
        .orderBy(desc(sql`count(*)`), asc(bank.name));
      return { byState, byDistrict, byBank };
    },
  };
}
