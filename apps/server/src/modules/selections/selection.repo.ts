import type { RoundListQuery } from '@suilian/contracts';
import { and, asc, count, desc, eq, inArray, isNotNull, ne, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { appUser } from '../accounts/account.table.js';
import { organisation } from '../organisations/organisation.table.js';
import {
  expertProfile,
  selectionApplication,
  selectionAssignment,
  selectionAttachment,
  selectionCase,
  selectionConflictDeclaration,
  selectionObjection,
  selectionRound,
  selectionScoreVersion,
} from './selection.table.js';

export type RoundRow = typeof selectionRound.$inferSelect;
export type ApplicationRow = typeof selectionApplication.$inferSelect;
export type AssignmentRow = typeof selectionAssignment.$inferSelect;
export type ObjectionRow = typeof selectionObjection.$inferSelect;
export type CaseRow = typeof selectionCase.$inferSelect;
export type ScoreVersionRow = typeof selectionScoreVersion.$inferSelect & { expertName: string };
export type DeclarationRow = typeof selectionConflictDeclaration.$inferSelect & { expertName: string };
export type ApplicationWithNames = ApplicationRow & { enterpriseName: string; districtName: string };
/** Which applications an actor sees. */
export type ApplicationScope = { all: true } | { districtId: string } | { enterpriseId: string } | { expertId: string };

const enterprise = alias(organisation, 'enterprise');
const district = alias(organisation, 'district');

export function createSelectionRepo(db: DbOrTx) {
  const applications = () =>
    db
      .select({ app: selectionApplication, enterpriseName: enterprise.name, districtName: district.name })
      .from(selectionApplication)
      .innerJoin(enterprise, eq(enterprise.id, selectionApplication.enterpriseId))
      .innerJoin(district, eq(district.id, selectionApplication.districtId));
  const flatten = (r: { app: ApplicationRow; enterpriseName: string; districtName: string }): ApplicationWithNames => ({
    ...r.app,
    enterpriseName: r.enterpriseName,
    districtName: r.districtName,
  });

  return {
    async findRound(id: string): Promise<RoundRow | null> {
      const [row] = await db.select().from(selectionRound).where(eq(selectionRound.id, id));
      return row ?? null;
    },
    async findRounds(q: RoundListQuery, includeDrafts: boolean) {
      const where = and(
        includeDrafts ? undefined : ne(selectionRound.stage, 'draft'),
        q.kind ? eq(selectionRound.kind, q.kind) : undefined,
        q.stage ? eq(selectionRound.stage, q.stage) : undefined,
        q.year ? eq(selectionRound.year, q.year) : undefined,
      );
      const items = await db
        .select()
        .from(selectionRound)
        .where(where)
        .orderBy(desc(selectionRound.createdAt))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize);
      const [total] = await db.select({ n: count() }).from(selectionRound).where(where);
      return { items, total: total?.n ?? 0 };
    },
    async countApplications(roundIds: string[]): Promise<Map<string, number>> {
      if (roundIds.length === 0) return new Map();
      const rows = await db
        .select({ roundId: selectionApplication.roundId, n: count() })
        .from(selectionApplication)
        .where(inArray(selectionApplication.roundId, roundIds))
        .groupBy(selectionApplication.roundId);
      return new Map(rows.map((r) => [r.roundId, r.n]));
    },
    async insertRound(row: typeof selectionRound.$inferInsert): Promise<RoundRow> {
      const [created] = await db.insert(selectionRound).values(row).returning();
      if (!created) throw new Error('insert returned no row');
      return created;
    },
    async updateRound(id: string, version: number, patch: Partial<typeof selectionRound.$inferInsert>): Promise<RoundRow | null> {
      const [row] = await db
        .update(selectionRound)
        .set({ ...patch, version: version + 1 })
        .where(and(eq(selectionRound.id, id), eq(selectionRound.version, version)))
        .returning();
      return row ?? null;
    },

    async findApplication(id: string): Promise<ApplicationWithNames | null> {
      const [row] = await applications().where(eq(selectionApplication.id, id));
      return row ? flatten(row) : null;
    },
    async findApplications(roundId: string, scope: ApplicationScope): Promise<ApplicationWithNames[]> {
      let filter: SQL | undefined;
      if ('districtId' in scope) filter = eq(selectionApplication.districtId, scope.districtId);
      else if ('enterpriseId' in scope) filter = eq(selectionApplication.enterpriseId, scope.enterpriseId);
      else if ('expertId' in scope) {
        const assigned = db
          .select({ id: selectionAssignment.applicationId })
          .from(selectionAssignment)
          .where(eq(selectionAssignment.expertId, scope.expertId));
        filter = inArray(selectionApplication.id, assigned);
      }
      const rows = await applications()
        .where(and(eq(selectionApplication.roundId, roundId), filter))
        .orderBy(asc(selectionApplication.rank), asc(selectionApplication.createdAt));
      return rows.map(flatten);
    },
    async insertApplication(row: typeof selectionApplication.$inferInsert): Promise<ApplicationRow> {
      const [created] = await db.insert(selectionApplication).values(row).returning();
      if (!created) throw new Error('insert returned no row');
      return created;
    },
    async updateApplication(id: string, patch: Partial<typeof selectionApplication.$inferInsert>): Promise<void> {
      await db.update(selectionApplication).set(patch).where(eq(selectionApplication.id, id));
    },
    async replaceAttachments(applicationId: string, fileIds: string[]): Promise<void> {
      await db.delete(selectionAttachment).where(eq(selectionAttachment.applicationId, applicationId));
      if (fileIds.length > 0) await db.insert(selectionAttachment).values(fileIds.map((fileId) => ({ applicationId, fileId })));
    },
    async findAttachments(applicationIds: string[]): Promise<Array<{ applicationId: string; fileId: string }>> {
      if (applicationIds.length === 0) return [];
      return db.select().from(selectionAttachment).where(inArray(selectionAttachment.applicationId, applicationIds));
    },

    async findAssignments(applicationIds: string[]): Promise<Array<AssignmentRow & { expertName: string }>> {
      if (applicationIds.length === 0) return [];
      const rows = await db
        .select({ a: selectionAssignment, expertName: appUser.displayName })
        .from(selectionAssignment)
        .innerJoin(appUser, eq(appUser.id, selectionAssignment.expertId))
        .where(inArray(selectionAssignment.applicationId, applicationIds));
      return rows.map((r) => ({ ...r.a, expertName: r.expertName }));
    },
    async findAssignment(applicationId: string, expertId: string): Promise<AssignmentRow | null> {
      const [row] = await db
        .select()
        .from(selectionAssignment)
        .where(and(eq(selectionAssignment.applicationId, applicationId), eq(selectionAssignment.expertId, expertId)));
      return row ?? null;
    },
    async insertAssignments(rows: Array<typeof selectionAssignment.$inferInsert>): Promise<void> {
      if (rows.length > 0) await db.insert(selectionAssignment).values(rows).onConflictDoNothing();
    },
    /** Serialises concurrent assignments to one application, so the per-application limit holds. */
    async lockApplication(id: string): Promise<void> {
      await db.select({ id: selectionApplication.id }).from(selectionApplication).where(eq(selectionApplication.id, id)).for('update');
    },
    async deleteAssignment(applicationId: string, expertId: string): Promise<void> {
      await db
        .delete(selectionAssignment)
        .where(and(eq(selectionAssignment.applicationId, applicationId), eq(selectionAssignment.expertId, expertId)));
    },
    async saveScore(
      applicationId: string,
      expertId: string,
      patch: Partial<Pick<AssignmentRow, 'scores' | 'total' | 'comment' | 'submittedAt' | 'reopenedAt' | 'reopenedBy' | 'reopenReason'>>,
    ): Promise<void> {
      await db
        .update(selectionAssignment)
        .set(patch)
        .where(and(eq(selectionAssignment.applicationId, applicationId), eq(selectionAssignment.expertId, expertId)));
    },
    /** Every assignment of the round's applications, scored or not (closing the review counts the missing ones). */
    async findRoundAssignments(roundId: string): Promise<AssignmentRow[]> {
      const rows = await db
        .select({ a: selectionAssignment })
        .from(selectionAssignment)
        .innerJoin(selectionApplication, eq(selectionApplication.id, selectionAssignment.applicationId))
        .where(eq(selectionApplication.roundId, roundId));
      return rows.map((r) => r.a);
    },
    async insertScoreVersion(row: typeof selectionScoreVersion.$inferInsert): Promise<void> {
      await db.insert(selectionScoreVersion).values(row);
    },
    async findScoreVersions(applicationId: string): Promise<ScoreVersionRow[]> {
      const rows = await db
        .select({ v: selectionScoreVersion, expertName: appUser.displayName })
        .from(selectionScoreVersion)
        .innerJoin(appUser, eq(appUser.id, selectionScoreVersion.expertId))
        .where(eq(selectionScoreVersion.applicationId, applicationId))
        .orderBy(asc(selectionScoreVersion.at));
      // Within one instant (never two requests in practice), a submission precedes its reopening and the new submission.
      const rank = { submitted: 0, reopened: 1, resubmitted: 2 } as const;
      return rows
        .map((r) => ({ ...r.v, expertName: r.expertName }))
        .sort((a, b) => a.at.getTime() - b.at.getTime() || rank[a.event] - rank[b.event]);
    },
    async insertDeclaration(row: typeof selectionConflictDeclaration.$inferInsert): Promise<void> {
      await db.insert(selectionConflictDeclaration).values(row).onConflictDoNothing();
    },
    /** Conflicts experts declared (回避申明) on the given applications. */
    async findDeclarations(applicationIds: string[]): Promise<DeclarationRow[]> {
      if (applicationIds.length === 0) return [];
      const rows = await db
        .select({ d: selectionConflictDeclaration, expertName: appUser.displayName })
        .from(selectionConflictDeclaration)
        .innerJoin(appUser, eq(appUser.id, selectionConflictDeclaration.expertId))
        .where(inArray(selectionConflictDeclaration.applicationId, applicationIds))
        .orderBy(asc(selectionConflictDeclaration.declaredAt));
      return rows.map((r) => ({ ...r.d, expertName: r.expertName }));
    },
    async findExpertProfile(userId: string): Promise<{ affiliationOrgId: string | null; districtId: string | null } | null> {
      const [row] = await db
        .select({ affiliationOrgId: expertProfile.affiliationOrgId, districtId: expertProfile.districtId })
        .from(expertProfile)
        .where(eq(expertProfile.userId, userId));
      return row ?? null;
    },
    async findSubmittedTotals(roundId: string): Promise<Array<{ applicationId: string; total: number }>> {
      const rows = await db
        .select({ applicationId: selectionAssignment.applicationId, total: selectionAssignment.total })
        .from(selectionAssignment)
        .innerJoin(selectionApplication, eq(selectionApplication.id, selectionAssignment.applicationId))
        .where(and(eq(selectionApplication.roundId, roundId), isNotNull(selectionAssignment.submittedAt)));
      return rows.map((r) => ({ applicationId: r.applicationId, total: r.total ?? 0 }));
    },

    async insertObjection(row: typeof selectionObjection.$inferInsert): Promise<ObjectionRow> {
      const [created] = await db.insert(selectionObjection).values(row).returning();
      if (!created) throw new Error('insert returned no row');
      return created;
    },
    async findObjection(id: string): Promise<ObjectionRow | null> {
      const [row] = await db.select().from(selectionObjection).where(eq(selectionObjection.id, id));
      return row ?? null;
    },
    async findObjections(applicationIds: string[]): Promise<ObjectionRow[]> {
      if (applicationIds.length === 0) return [];
      return db
        .select()
        .from(selectionObjection)
        .where(inArray(selectionObjection.applicationId, applicationIds))
        .orderBy(asc(selectionObjection.createdAt));
    },
    async updateObjection(id: string, patch: Partial<typeof selectionObjection.$inferInsert>): Promise<void> {
      await db.update(selectionObjection).set(patch).where(eq(selectionObjection.id, id));
    },

    async findExperts(): Promise<
      Array<{
        userId: string;
        username: string;
        displayName: string;
        affiliationOrgId: string | null;
        affiliationName: string | null;
        districtId: string | null;
        specialties: string | null;
      }>
    > {
      const affiliation = alias(organisation, 'affiliation');
      return db
        .select({
          userId: appUser.id,
          username: appUser.username,
          displayName: appUser.displayName,
          affiliationOrgId: expertProfile.affiliationOrgId,
          affiliationName: affiliation.name,
          districtId: expertProfile.districtId,
          specialties: expertProfile.specialties,
        })
        .from(appUser)
        .leftJoin(expertProfile, eq(expertProfile.userId, appUser.id))
        .leftJoin(affiliation, eq(affiliation.id, expertProfile.affiliationOrgId))
        .where(and(eq(appUser.role, 'expert'), eq(appUser.status, 'active')))
        .orderBy(asc(appUser.username));
    },
    async upsertExpertProfile(row: typeof expertProfile.$inferInsert): Promise<void> {
      const { userId, ...rest } = row;
      await db.insert(expertProfile).values(row).onConflictDoUpdate({ target: expertProfile.userId, set: rest });
    },

    async findCase(applicationId: string): Promise<CaseRow | null> {
      const [row] = await db.select().from(selectionCase).where(eq(selectionCase.applicationId, applicationId));
      return row ?? null;
    },
    async findCases(applicationIds: string[]): Promise<CaseRow[]> {
      if (applicationIds.length === 0) return [];
      return db.select().from(selectionCase).where(inArray(selectionCase.applicationId, applicationIds));
    },
    async upsertCase(row: CaseRow): Promise<void> {
      const { applicationId, ...rest } = row;
      await db.insert(selectionCase).values(row).onConflictDoUpdate({ target: selectionCase.applicationId, set: rest });
    },
    async findPublishedTypicalCaseIds(): Promise<string[]> {
      const rows = await db
        .select({ id: selectionApplication.id })
        .from(selectionApplication)
        .innerJoin(selectionRound, eq(selectionRound.id, selectionApplication.roundId))
        .innerJoin(selectionCase, eq(selectionCase.applicationId, selectionApplication.id))
        .where(
          and(eq(selectionRound.kind, 'typical_case'), eq(selectionRound.stage, 'published'), eq(selectionApplication.selected, true)),
        );
      return rows.map((r) => r.id);
    },
  };
}

export type SelectionRepo = ReturnType<typeof createSelectionRepo>;
