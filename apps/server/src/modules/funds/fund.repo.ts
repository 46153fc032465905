import type { FundReason } from '@suilian/contracts';
import { and, asc, count, desc, eq, gte, ilike, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { escapeLike } from '../../db/like.js';
import type { OrgScope } from '../../platform/scope.js';
import { enterpriseHonour, enterpriseProfile } from '../enterprises/enterprise.table.js';
import { factory } from '../factories/factory.table.js';
import { privateNetwork } from '../networks/network.table.js';
import { organisation } from '../organisations/organisation.table.js';
import { project } from '../projects/project.table.js';
import { selectionApplication } from '../selections/selection.table.js';
import {
  fundApplication,
  fundAwardDecision,
  fundBudget,
  fundEvent,
  fundEvidence,
  fundObjection,
  fundProgramme,
  fundTranche,
} from './fund.table.js';

export type FundProgrammeRow = typeof fundProgramme.$inferSelect;
export type FundApplicationRow = typeof fundApplication.$inferSelect;
export type NewFundApplicationRow = typeof fundApplication.$inferInsert;
export type FundEvidenceRow = typeof fundEvidence.$inferInsert;

export interface ProgrammeFilter {
  window?: 'upcoming' | 'open' | 'closed';
  today: string;
  q?: string;
}

export interface ApplicationFilter {
  programmeId?: string;
  state?: FundApplicationRow['state'];
  districtId?: string;
  enterpriseId?: string;
  q?: string;
}

const enterprise = alias(organisation, 'fund_enterprise');
const district = alias(organisation, 'fund_district');

function scopeFilter(scope: OrgScope): SQL | undefined {
  if (scope.all) return undefined;
  if ('districtId' in scope) return eq(fundApplication.districtId, scope.districtId);
  return eq(fundApplication.enterpriseId, scope.orgId);
}

const disbursedSql = sql<string>`(SELECT coalesce(sum(${fundTranche.amount}), 0)::text FROM ${fundTranche} WHERE ${fundTranche.applicationId} = ${fundApplication.id})`;

/** SQL of special funds: programmes, applications and their timelines. */
export function createFundRepo(db: DbOrTx) {
  const withNames = () =>
    db
      .select({
        row: fundApplication,
        programmeNameZh: fundProgramme.nameZh,
        programmeNameEn: fundProgramme.nameEn,
        enterpriseName: enterprise.name,
        districtName: district.name,
        projectTitle: project.title,
        disbursedAmount: disbursedSql,
      })
      .from(fundApplication)
      .innerJoin(fundProgramme, eq(fundProgramme.id, fundApplication.programmeId))
      .innerJoin(enterprise, eq(enterprise.id, fundApplication.enterpriseId))
      .innerJoin(district, eq(district.id, fundApplication.districtId))
      .innerJoin(project, eq(project.id, fundApplication.projectId));

  return {
    async listProgrammes(f: ProgrammeFilter, page: { page: number; pageSize: number }) {
      const parts: Array<SQL | undefined> = [];
      if (f.window === 'upcoming') parts.push(sql`${fundProgramme.opensOn} > ${f.today}`);
      if (f.window === 'open') parts.push(lte(fundProgramme.opensOn, f.today), gte(fundProgramme.closesOn, f.today));
      if (f.window === 'closed') parts.push(lt(fundProgramme.closesOn, f.today));
      if (f.q)
        parts.push(or(ilike(fundProgramme.nameZh, `%${escapeLike(f.q)}%`), ilike(fundProgramme.policyBasis, `%${escapeLike(f.q)}%`)));
      const where = and(...parts);
      const items = await db
        .select()
        .from(fundProgramme)
        .where(where)
        .orderBy(desc(fundProgramme.opensOn), desc(fundProgramme.id))
        .limit(page.pageSize)
        .offset((page.page - 1) * page.pageSize);
      const [total] = await db.select({ n: count() }).from(fundProgramme).where(where);
      return { items, total: total?.n ?? 0 };
    },
    async findProgramme(id: string): Promise<FundProgrammeRow | null> {
      const [found] = await db.select().from(fundProgramme).where(eq(fundProgramme.id, id));
      return found ?? null;
    },
    async budgetsOf(programmeId: string) {
      return db.select().from(fundBudget).where(eq(fundBudget.programmeId, programmeId)).orderBy(asc(fundBudget.year));
    },
    /** Awarded total and number of applications (drafts excluded) of a programme. */
    async programmeFigures(programmeId: string): Promise<{ awardedTotal: string; applicationCount: number }> {
      const [row] = await db
        .select({
          awardedTotal: sql<string>`coalesce(sum(${fundApplication.awardedAmount}), 0)::text`,
          applicationCount: sql<number>`count(*) FILTER (WHERE ${fundApplication.state} <> 'draft')::int`,
        })
        .from(fundApplication)
        .where(eq(fundApplication.programmeId, programmeId));
      return { awardedTotal: row?.awardedTotal ?? '0', applicationCount: row?.applicationCount ?? 0 };
    },
    async insertProgramme(row: typeof fundProgramme.$inferInsert): Promise<FundProgrammeRow> {
      const [created] = await db.insert(fundProgramme).values(row).returning();
      if (!created) throw new Error('fund programme insert returned nothing');
      return created;
    },
    /** Updates when the version still matches; null otherwise. */
    async updateProgramme(id: string, version: number, patch: Partial<typeof fundProgramme.$inferInsert>) {
      const [updated] = await db
        .update(fundProgramme)
        .set({ ...patch, version: sql`${fundProgramme.version} + 1` })
        .where(and(eq(fundProgramme.id, id), eq(fundProgramme.version, version)))
        .returning();
      return updated ?? null;
    },
    async replaceBudgets(programmeId: string, budgets: ReadonlyArray<{ year: number; amount: string }>) {
      await db.delete(fundBudget).where(eq(fundBudget.programmeId, programmeId));
      if (budgets.length) await db.insert(fundBudget).values(budgets.map((b) => ({ programmeId, ...b })));
    },

    async listApplications(scope: OrgScope, f: ApplicationFilter, page: { page: number; pageSize: number }) {
      const parts: Array<SQL | undefined> = [scopeFilter(scope)];
      if (f.programmeId) parts.push(eq(fundApplication.programmeId, f.programmeId));
      if (f.state) parts.push(eq(fundApplication.state, f.state));
      if (f.districtId) parts.push(eq(fundApplication.districtId, f.districtId));
      if (f.enterpriseId) parts.push(eq(fundApplication.enterpriseId, f.enterpriseId));
      if (f.q) {
        const pattern = `%${escapeLike(f.q)}%`;
        parts.push(or(ilike(fundApplication.code, pattern), ilike(enterprise.name, pattern), ilike(project.title, pattern)));
      }
      const where = and(...parts);
      const items = await withNames()
        .where(where)
        .orderBy(desc(fundApplication.updatedAt), desc(fundApplication.id))
        .limit(page.pageSize)
        .offset((page.page - 1) * page.pageSize);
      const [total] = await db
        .select({ n: count() })
        .from(fundApplication)
        .innerJoin(enterprise, eq(enterprise.id, fundApplication.enterpriseId))
        .innerJoin(project, eq(project.id, fundApplication.projectId))
        .where(where);
      return { items, total: total?.n ?? 0 };
    },
    /**
     * Applications in reach waiting in a state, and since when the oldest has (its last change).
     * `publicityEndedBefore` keeps only those whose 公示 ended before that day (ready for a decision).
     */
    async tallyWaiting(
      scope: OrgScope,
      state: FundApplicationRow['state'],
      publicityEndedBefore?: string,
    ): Promise<{ count: number; oldest: Date | null }> {
      const parts = [scopeFilter(scope), eq(fundApplication.state, state)];
      if (publicityEndedBefore) parts.push(lt(fundApplication.publicityEndsOn, publicityEndedBefore));
      const [row] = await db
        .select({ count: count(), oldest: sql<Date | null>`min(${fundApplication.updatedAt})` })
        .from(fundApplication)
        .where(and(...parts));
      return { count: row?.count ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null };
    },

    async findApplication(id: string) {
      const [found] = await withNames().where(eq(fundApplication.id, id));
      return found ?? null;
    },
    async nextCode(year: number): Promise<string> {
      const [row] = await db
        .select({ n: count() })
        .from(fundApplication)
        .where(ilike(fundApplication.code, `ZJ${year}%`));
      return `ZJ${year}${String((row?.n ?? 0) + 1).padStart(5, '0')}`;
    },
    async insertApplication(row: NewFundApplicationRow): Promise<void> {
      await db.insert(fundApplication).values(row);
    },
    /** Updates when the version still matches; false otherwise. */
    async updateApplication(id: string, version: number, patch: Partial<NewFundApplicationRow>): Promise<boolean> {
      const updated = await db
        .update(fundApplication)
        .set({ ...patch, version: sql`${fundApplication.version} + 1` })
        .where(and(eq(fundApplication.id, id), eq(fundApplication.version, version)))
        .returning({ id: fundApplication.id });
      return updated.length === 1;
    },
    async replaceEvidence(applicationId: string, rows: FundEvidenceRow[]) {
      await db.delete(fundEvidence).where(eq(fundEvidence.applicationId, applicationId));
      if (rows.length) await db.insert(fundEvidence).values(rows);
    },
    async evidenceOf(applicationId: string) {
      return db.select().from(fundEvidence).where(eq(fundEvidence.applicationId, applicationId)).orderBy(asc(fundEvidence.position));
    },
    async isEvidenceFile(fileId: string) {
      return db.select({ applicationId: fundEvidence.applicationId }).from(fundEvidence).where(eq(fundEvidence.fileId, fileId));
    },
    async insertEvent(row: typeof fundEvent.$inferInsert) {
      await db.insert(fundEvent).values(row);
    },
    async eventsOf(applicationId: string) {
      return db
        .select()
        .from(fundEvent)
        .where(eq(fundEvent.applicationId, applicationId))
        .orderBy(asc(fundEvent.occurredAt), asc(fundEvent.id));
    },
    async insertObjection(row: typeof fundObjection.$inferInsert) {
      await db.insert(fundObjection).values(row);
    },
    async resolveObjection(
      applicationId: string,
      id: string,
      patch: { upheld: boolean; resolution: string; resolvedBy: string | null; resolvedAt: Date },
    ) {
      const updated = await db
        .update(fundObjection)
        .set(patch)
        .where(and(eq(fundObjection.id, id), eq(fundObjection.applicationId, applicationId), isNull(fundObjection.upheld)))
        .returning({ id: fundObjection.id });
      return updated.length === 1;
    },
    async objectionsOf(applicationId: string) {
      return db.select().from(fundObjection).where(eq(fundObjection.applicationId, applicationId)).orderBy(asc(fundObjection.occurredAt));
    },
    async insertDecision(row: typeof fundAwardDecision.$inferInsert) {
      await db.insert(fundAwardDecision).values(row);
    },
    async decisionsOf(applicationId: string) {
      return db
        .select()
        .from(fundAwardDecision)
        .where(eq(fundAwardDecision.applicationId, applicationId))
        .orderBy(asc(fundAwardDecision.seq));
    },
    async insertTranche(row: typeof fundTranche.$inferInsert) {
      await db.insert(fundTranche).values(row);
    },
    async tranchesOf(applicationId: string) {
      return db.select().from(fundTranche).where(eq(fundTranche.applicationId, applicationId)).orderBy(asc(fundTranche.seq));
    },
    async recordEligibility(id: string, reasons: FundReason[], at: Date) {
      await db.update(fundApplication).set({ eligibilityReasons: reasons, eligibilityCheckedAt: at }).where(eq(fundApplication.id, id));
    },

    /** What eligibility is judged on: the project, its enterprise's size and confirmed honours, the district's name. */
    async projectFacts(projectId: string) {
      const [row] = await db
        .select({
          id: project.id,
          title: project.title,
          state: project.state,
          enterpriseId: project.enterpriseId,
          districtId: project.districtId,
          districtName: district.name,
          investment5g: project.investment5g,
          sizeClass: enterpriseProfile.sizeClass,
        })
        .from(project)
        .innerJoin(district, eq(district.id, project.districtId))
        .leftJoin(enterpriseProfile, eq(enterpriseProfile.orgId, project.enterpriseId))
        .where(eq(project.id, projectId));
      if (!row) return null;
      const honours = await db
        .selectDistinct({ honourType: enterpriseHonour.honourType })
        .from(enterpriseHonour)
        .where(and(eq(enterpriseHonour.orgId, row.enterpriseId), eq(enterpriseHonour.confirmationState, 'confirmed')));
      return { ...row, honourTypes: honours.map((h) => h.honourType) };
    },
    /** The enterprise owning each linked record (null when it does not exist). */
    async linkOwners(links: { factoryId?: string | null; networkId?: string | null; selectionApplicationId?: string | null }) {
      const owner = async (table: typeof factory | typeof privateNetwork | typeof selectionApplication, id: string | null | undefined) => {
        if (!id) return undefined;
        const [row] = await db.select({ enterpriseId: table.enterpriseId }).from(table).where(eq(table.id, id));
        return row?.enterpriseId ?? null;
      };
      return {
        factory: await owner(factory, links.factoryId),
        network: await owner(privateNetwork, links.networkId),
        selection: await owner(selectionApplication, links.selectionApplicationId),
      };
    },
  };
}

/** Whether any bank account is stored sealed: the data key is then needed to open it. */
export async function hasSealedBankAccounts(db: DbOrTx): Promise<boolean> {
  const [found] = await db.select({ id: fundApplication.id }).from(fundApplication).limit(1);
  return found !== undefined;
}

export type FundRepo = ReturnType<typeof createFundRepo>;
