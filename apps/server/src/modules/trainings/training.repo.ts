import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { escapeLike } from '../../db/like.js';
import type { OrgScope } from '../../platform/scope.js';
import { organisation } from '../organisations/organisation.table.js';
import { trainingActivity, trainingCourse, trainingEnrolment, trainingPerson } from './training.table.js';

export type CourseRow = typeof trainingCourse.$inferSelect;
export type ActivityRow = typeof trainingActivity.$inferSelect;
export type PersonRow = typeof trainingPerson.$inferSelect;
export type EnrolmentRow = typeof trainingEnrolment.$inferSelect;
export interface CourseWithNames {
  course: CourseRow;
  districtName: string | null;
  organiserName: string | null;
  cohorts: number;
}
export interface ActivityWithNames {
  activity: ActivityRow;
  courseTitle: string | null;
  districtName: string | null;
  organiserName: string | null;
  enrolled: number;
  checkedIn: number;
  completed: number;
}
export interface EnrolmentWithPerson {
  enrolment: EnrolmentRow;
  person: PersonRow;
}

const district = alias(organisation, 'district');
const organiser = alias(organisation, 'organiser');
const page = (q: { page: number; pageSize: number }) => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });

/** The reach as SQL over a table with district_id and organiser_org_id (courses, activities). */
function scopeFilter(scope: OrgScope, table: typeof trainingCourse | typeof trainingActivity): SQL | undefined {
  if (scope.all) return undefined;
  if ('districtId' in scope) return eq(table.districtId, scope.districtId);
  return eq(table.organiserOrgId, scope.orgId);
}

const enrolledCount = sql<number>`(SELECT count(*)::int FROM ${trainingEnrolment} e WHERE e.activity_id = ${trainingActivity.id} AND e.state = 'enrolled')`;
const checkedInCount = sql<number>`(SELECT count(*)::int FROM ${trainingEnrolment} e WHERE e.activity_id = ${trainingActivity.id} AND e.checked_in_at IS NOT NULL)`;
const completedCount = sql<number>`(SELECT count(*)::int FROM ${trainingEnrolment} e WHERE e.activity_id = ${trainingActivity.id} AND e.completed_on IS NOT NULL)`;

/** Courses, activities, people and rosters: the only place with their SQL. */
export function createTrainingRepo(db: DbOrTx) {
  const activities = () =>
    db
      .select({
        activity: trainingActivity,
        courseTitle: trainingCourse.title,
        districtName: district.name,
        organiserName: organiser.name,
        enrolled: enrolledCount,
        checkedIn: checkedInCount,
        completed: completedCount,
      })
      .from(trainingActivity)
      .leftJoin(trainingCourse, eq(trainingCourse.id, trainingActivity.courseId))
      .leftJoin(district, eq(district.id, trainingActivity.districtId))
      .leftJoin(organiser, eq(organiser.id, trainingActivity.organiserOrgId));

  const courses = () =>
    db
      .select({
        course: trainingCourse,
        districtName: district.name,
        organiserName: organiser.name,
        cohorts: sql<number>`(SELECT count(*)::int FROM ${trainingActivity} a WHERE a.course_id = ${trainingCourse.id})`,
      })
      .from(trainingCourse)
      .leftJoin(district, eq(district.id, trainingCourse.districtId))
      .leftJoin(organiser, eq(organiser.id, trainingCourse.organiserOrgId));

  return {
    async districtOf(orgId: string): Promise<string | null> {
      const [row] = await db.select({ districtId: organisation.districtId }).from(organisation).where(eq(organisation.id, orgId));
      return row?.districtId ?? null;
    },

    async insertCourse(row: typeof trainingCourse.$inferInsert): Promise<CourseRow> {
      const [created] = await db.insert(trainingCourse).values(row).returning();
      return created as CourseRow;
    },

    async findCourse(id: string): Promise<CourseWithNames | null> {
      const [row] = await courses().where(eq(trainingCourse.id, id));
      return row ?? null;
    },

    async listCourses(scope: OrgScope, q: { page: number; pageSize: number; q?: string | undefined }) {
      const where = and(scopeFilter(scope, trainingCourse), q.q ? ilike(trainingCourse.title, `%${escapeLike(q.q)}%`) : undefined);
      const { limit, offset } = page(q);
      const items = await courses()
        .where(where)
        .orderBy(desc(trainingCourse.createdAt), asc(trainingCourse.id))
        .limit(limit)
        .offset(offset);
      const [total] = await db.select({ n: count() }).from(trainingCourse).where(where);
      return { items, total: total?.n ?? 0 };
    },

    async insertActivity(row: typeof trainingActivity.$inferInsert): Promise<ActivityRow> {
      const [created] = await db.insert(trainingActivity).values(row).returning();
      return created as ActivityRow;
    },

    async findActivity(id: string): Promise<ActivityWithNames | null> {
      const [row] = await activities().where(eq(trainingActivity.id, id));
      return row ?? null;
    },

    /** Locks the activity row: sign-ups of one activity are counted against its capacity one at a time. */
    async lockActivity(id: string): Promise<void> {
      await db.execute(sql`SELECT 1 FROM ${trainingActivity} WHERE ${trainingActivity.id} = ${id} FOR UPDATE`);
    },

    async listActivities(
      scope: OrgScope,
      q: { page: number; pageSize: number; q?: string | undefined; kind?: string | undefined; courseId?: string | undefined },
    ) {
      const where = and(
        scopeFilter(scope, trainingActivity),
        q.kind ? eq(trainingActivity.kind, q.kind as ActivityRow['kind']) : undefined,
        q.courseId ? eq(trainingActivity.courseId, q.courseId) : undefined,
        q.q ? ilike(trainingActivity.title, `%${escapeLike(q.q)}%`) : undefined,
      );
      const { limit, offset } = page(q);
      const items = await activities()
        .where(where)
        .orderBy(desc(trainingActivity.startsOn), asc(trainingActivity.id))
        .limit(limit)
        .offset(offset);
      const [total] = await db.select({ n: count() }).from(trainingActivity).where(where);
      return { items, total: total?.n ?? 0 };
    },

    /** Published activities not over yet (on or after `today`), soonest first. */
    async listPublished(q: { page: number; pageSize: number; q?: string | undefined; kind?: string | undefined }, today: string) {
      const where = and(
        eq(trainingActivity.published, true),
        gte(trainingActivity.endsOn, today),
        q.kind ? eq(trainingActivity.kind, q.kind as ActivityRow['kind']) : undefined,
        q.q ? ilike(trainingActivity.title, `%${escapeLike(q.q)}%`) : undefined,
      );
      const { limit, offset } = page(q);
      const items = await activities()
        .where(where)
        .orderBy(asc(trainingActivity.startsOn), asc(trainingActivity.id))
        .limit(limit)
        .offset(offset);
      const [total] = await db.select({ n: count() }).from(trainingActivity).where(where);
      return { items, total: total?.n ?? 0 };
    },

    async setPublished(id: string, published: boolean): Promise<void> {
      await db.update(trainingActivity).set({ published }).where(eq(trainingActivity.id, id));
    },

    /** The person known under any of these digests: the identity number's first, else name and mobile. */
    async findPerson(idDigests: readonly string[], contactDigests: readonly string[]): Promise<PersonRow | null> {
      if (idDigests.length) {
        const [byId] = await db
          .select()
          .from(trainingPerson)
          .where(inArray(trainingPerson.idDigest, [...idDigests]));
        if (byId) return byId;
      }
      const [byContact] = await db
        .select()
        .from(trainingPerson)
        .where(
          and(
            inArray(trainingPerson.contactDigest, [...contactDigests]),
            // Known by name and mobile under another identity number: someone else.
            idDigests.length ? isNull(trainingPerson.idDigest) : undefined,
          ),
        );
      return byContact ?? null;
    },

    async insertPerson(row: typeof trainingPerson.$inferInsert): Promise<PersonRow> {
      const [created] = await db.insert(trainingPerson).values(row).returning();
      return created as PersonRow;
    },

    async updatePerson(id: string, patch: Partial<typeof trainingPerson.$inferInsert>): Promise<void> {
      await db.update(trainingPerson).set(patch).where(eq(trainingPerson.id, id));
    },

    async findEnrolment(id: string): Promise<EnrolmentWithPerson | null> {
      const [row] = await db
        .select({ enrolment: trainingEnrolment, person: trainingPerson })
        .from(trainingEnrolment)
        .innerJoin(trainingPerson, eq(trainingPerson.id, trainingEnrolment.personId))
        .where(eq(trainingEnrolment.id, id));
      return row ?? null;
    },

    async findEnrolmentOf(activityId: string, personId: string): Promise<EnrolmentRow | null> {
      const [row] = await db
        .select()
        .from(trainingEnrolment)
        .where(and(eq(trainingEnrolment.activityId, activityId), eq(trainingEnrolment.personId, personId)));
      return row ?? null;
    },

    async countEnrolled(activityId: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(trainingEnrolment)
        .where(and(eq(trainingEnrolment.activityId, activityId), eq(trainingEnrolment.state, 'enrolled')));
      return row?.n ?? 0;
    },

    async insertEnrolment(row: typeof trainingEnrolment.$inferInsert): Promise<EnrolmentRow> {
      const [created] = await db.insert(trainingEnrolment).values(row).returning();
      return created as EnrolmentRow;
    },

    async updateEnrolment(id: string, patch: Partial<typeof trainingEnrolment.$inferInsert>): Promise<void> {
      await db.update(trainingEnrolment).set(patch).where(eq(trainingEnrolment.id, id));
    },

    async listEnrolments(activityId: string, q: { page: number; pageSize: number; q?: string | undefined }) {
      const where = and(eq(trainingEnrolment.activityId, activityId), q.q ? ilike(trainingPerson.name, `%${escapeLike(q.q)}%`) : undefined);
      const { limit, offset } = page(q);
      const items = await db
        .select({ enrolment: trainingEnrolment, person: trainingPerson })
        .from(trainingEnrolment)
        .innerJoin(trainingPerson, eq(trainingPerson.id, trainingEnrolment.personId))
        .where(where)
        .orderBy(asc(trainingEnrolment.createdAt), asc(trainingEnrolment.id))
        .limit(limit)
        .offset(offset);
      const [total] = await db
        .select({ n: count() })
        .from(trainingEnrolment)
        .innerJoin(trainingPerson, eq(trainingPerson.id, trainingEnrolment.personId))
        .where(where);
      return { items, total: total?.n ?? 0 };
    },

    async findEnrolments(activityId: string, ids: readonly string[]): Promise<EnrolmentWithPerson[]> {
      return db
        .select({ enrolment: trainingEnrolment, person: trainingPerson })
        .from(trainingEnrolment)
        .innerJoin(trainingPerson, eq(trainingPerson.id, trainingEnrolment.personId))
        .where(and(eq(trainingEnrolment.activityId, activityId), inArray(trainingEnrolment.id, [...ids])));
    },

    /** Whether the organisation is a provider (or the city/district) — used to place a provider's course. */
    async orgKind(orgId: string): Promise<string | null> {
      const [row] = await db.select({ kind: organisation.kind }).from(organisation).where(eq(organisation.id, orgId));
      return row?.kind ?? null;
    },
  };
}

/** Whether any person is recorded by digest: the data key that made them must not be replaced silently. */
export async function hasTrainingPeople(db: DbOrTx): Promise<boolean> {
  const [found] = await db.select({ id: trainingPerson.id }).from(trainingPerson).limit(1);
  return found !== undefined;
}
