import type {
  CheckIn,
  CompleteTraining,
  CreateTrainingActivity,
  CreateTrainingCourse,
  Enrolment,
  EnrolmentListQuery,
  TrainingActivity,
  TrainingActivityListQuery,
  TrainingCourse,
  TrainingCourseListQuery,
  TrainingPerson,
} from '@suilian/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import { type Clock, chinaDate } from '../../platform/clock.js';
import type { PersonDigests } from '../../platform/crypto/person-digest.js';
import { fieldError, notFound, refusal } from '../../platform/errors.js';
import type { PlatformHandles } from '../handles/index.js';
import type { NotificationService } from '../notifications/index.js';
import { issueCertificates } from './training.certificates.js';
import { identifyPerson, personKeys } from './training.people.js';
import { trainingPolicy } from './training.policy.js';
import { presentActivity, presentCourse, presentEnrolment } from './training.present.js';
import { type ActivityWithNames, createTrainingRepo } from './training.repo.js';

export interface TrainingServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  persons: PersonDigests;
  notifications: Pick<NotificationService, 'queueMail'>;
  certificates: Pick<PlatformHandles, 'register' | 'prefix'>;
}

type Repo = ReturnType<typeof createTrainingRepo>;

/**
 * Trainings and events (培训与活动, issue #15 item 6): courses and their cohorts, events; rosters,
 * check-in (attendance), completion and certificates. Public sign-up is in training.sign-up.ts.
 */
export function createTrainingService(deps: TrainingServiceDeps) {
  const today = () => chinaDate(deps.clock.now());

  /** Where a new course or event counts and who organises it, from the caller's organisation. */
  async function placement(actor: Actor, repo: Repo, districtId: string | undefined) {
    if (actor.scope === 'district' && actor.districtId) return { districtId: actor.districtId, organiserOrgId: null };
    if (actor.scope === 'organisation') {
      const own = await repo.districtOf(actor.orgId);
      if (!own) throw refusal('CONFLICT', 'training.provider_without_district', 'the organisation is not placed in a district');
      return { districtId: own, organiserOrgId: actor.orgId };
    }
    if (!districtId) throw fieldError('VALIDATION_FAILED', 'districtId', 'required', 'city staff name the district it counts in');
    if ((await repo.orgKind(districtId)) !== 'district') throw fieldError('VALIDATION_FAILED', 'districtId', 'district', 'not a district');
    return { districtId, organiserOrgId: null };
  }

  async function activityFor(actor: Actor, id: string, action: 'read' | 'manage', db: DbOrTx = deps.db): Promise<ActivityWithNames> {
    trainingPolicy.authorize(actor, action);
    const found = await createTrainingRepo(db).findActivity(id);
    if (!found) throw notFound('training activity');
    trainingPolicy.authorize(actor, action, found.activity);
    return found;
  }

  async function activityById(id: string, db: DbOrTx): Promise<TrainingActivity> {
    const found = await createTrainingRepo(db).findActivity(id);
    if (!found) throw notFound('training activity');
    return presentActivity(found);
  }

  return {
    async listCourses(actor: Actor, query: TrainingCourseListQuery): Promise<{ items: TrainingCourse[]; total: number }> {
      const page = await createTrainingRepo(deps.db).listCourses(trainingPolicy.reach(actor, 'read'), query);
      return { items: page.items.map(presentCourse), total: page.total };
    },

    async createCourse(actor: Actor, input: CreateTrainingCourse): Promise<TrainingCourse> {
      trainingPolicy.authorize(actor, 'manage');
      return deps.db.transaction(async (tx) => {
        const repo = createTrainingRepo(tx);
        const placed = await placement(actor, repo, input.districtId);
        const row = await repo.insertCourse({
          title: input.title,
          summary: input.summary ?? null,
          hours: input.hours,
          ...placed,
          createdAt: deps.clock.now(),
        });
        const result = presentCourse((await repo.findCourse(row.id)) as NonNullable<Awaited<ReturnType<Repo['findCourse']>>>);
        await deps.audit.append(tx, actor, {
          action: 'training_course.create',
          entityType: 'training_course',
          entityId: row.id,
          after: result,
        });
        return result;
      });
    },

    async listActivities(actor: Actor, query: TrainingActivityListQuery): Promise<{ items: TrainingActivity[]; total: number }> {
      const page = await createTrainingRepo(deps.db).listActivities(trainingPolicy.reach(actor, 'read'), query);
      return { items: page.items.map(presentActivity), total: page.total };
    },

    async getActivity(actor: Actor, id: string): Promise<TrainingActivity> {
      return presentActivity(await activityFor(actor, id, 'read'));
    },

    async createActivity(actor: Actor, input: CreateTrainingActivity): Promise<TrainingActivity> {
      trainingPolicy.authorize(actor, 'manage');
      return deps.db.transaction(async (tx) => {
        const repo = createTrainingRepo(tx);
        let placed: { districtId: string; organiserOrgId: string | null };
        if (input.kind === 'cohort') {
          // A cohort counts where its course does, organised by the course's organiser.
          const course = input.courseId ? await repo.findCourse(input.courseId) : null;
          if (!course || !trainingPolicy.can(actor, 'manage', course.course)) throw notFound('training course');
          placed = { districtId: course.course.districtId, organiserOrgId: course.course.organiserOrgId };
        } else placed = await placement(actor, repo, input.districtId);
        const row = await repo.insertActivity({
          kind: input.kind,
          courseId: input.kind === 'cohort' ? (input.courseId ?? null) : null,
          eventKind: input.kind === 'event' ? (input.eventKind ?? null) : null,
          title: input.title,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          venue: input.venue ?? null,
          online: input.online,
          capacity: input.capacity,
          published: input.published,
          ...placed,
          createdAt: deps.clock.now(),
        });
        const result = await activityById(row.id, tx);
        await deps.audit.append(tx, actor, {
          action: 'training_activity.create',
          entityType: 'training_activity',
          entityId: row.id,
          after: result,
        });
        return result;
      });
    },

    async publish(actor: Actor, id: string, published: boolean): Promise<TrainingActivity> {
      return deps.db.transaction(async (tx) => {
        const before = presentActivity(await activityFor(actor, id, 'manage', tx));
        await createTrainingRepo(tx).setPublished(id, published);
        const result = await activityById(id, tx);
        const action = published ? 'training_activity.publish' : 'training_activity.withdraw';
        await deps.audit.append(tx, actor, { action, entityType: 'training_activity', entityId: id, before, after: result });
        return result;
      });
    },

    async listEnrolments(actor: Actor, id: string, query: EnrolmentListQuery): Promise<{ items: Enrolment[]; total: number }> {
      await activityFor(actor, id, 'manage');
      const page = await createTrainingRepo(deps.db).listEnrolments(id, query);
      return { items: page.items.map((r) => presentEnrolment(r.enrolment, r.person)), total: page.total };
    },

    /** The organiser enrols someone at once (no code: the organiser vouches), within the capacity. */
    async enrol(actor: Actor, id: string, who: TrainingPerson): Promise<Enrolment> {
      return deps.db.transaction(async (tx) => {
        await activityFor(actor, id, 'manage', tx);
        const repo = createTrainingRepo(tx);
        await repo.lockActivity(id);
        const person = await identifyPerson(repo, deps.persons, who, deps.clock.now());
        const existing = await repo.findEnrolmentOf(id, person.id);
        if (existing?.state === 'enrolled') throw refusal('CONFLICT', 'training.already_enrolled', 'this person is already enrolled');
        await assertSeat(repo, id);
        const now = deps.clock.now();
        const fields = { state: 'enrolled' as const, codeDigest: null, codeExpiresAt: null, enrolledAt: now };
        if (existing) await repo.updateEnrolment(existing.id, fields);
        const row = existing
          ? { ...existing, ...fields }
          : await repo.insertEnrolment({ activityId: id, personId: person.id, ...fields, createdAt: now });
        const result = presentEnrolment(row, person);
        // The audit entry names the person by roster row, never by number.
        await deps.audit.append(tx, actor, {
          action: 'training.enrol',
          entityType: 'training_activity',
          entityId: id,
          after: { enrolmentId: row.id },
        });
        return result;
      });
    },

    /** Attendance: checks an enrolled person in (again is harmless), from the first day on. */
    async checkIn(actor: Actor, id: string, input: CheckIn): Promise<Enrolment> {
      return deps.db.transaction(async (tx) => {
        const { activity } = await activityFor(actor, id, 'manage', tx);
        if (activity.startsOn > today())
          throw refusal('CONFLICT', 'training.not_started', 'check-in opens on the first day', { since: activity.startsOn });
        const repo = createTrainingRepo(tx);
        const found = await findOnRoster(repo, id, input);
        if (!found || found.enrolment.state !== 'enrolled')
          throw refusal('CONFLICT', 'training.not_enrolled', 'this person is not enrolled in the activity');
        if (found.enrolment.checkedInAt) return presentEnrolment(found.enrolment, found.person);
        const checkedInAt = deps.clock.now();
        await repo.updateEnrolment(found.enrolment.id, { checkedInAt });
        await deps.audit.append(tx, actor, {
          action: 'training.check_in',
          entityType: 'training_activity',
          entityId: id,
          after: { enrolmentId: found.enrolment.id },
        });
        return presentEnrolment({ ...found.enrolment, checkedInAt }, found.person);
      });
    },

    /** Completion of a cohort for people who attended, each with a certificate minted as an identifier. */
    async complete(actor: Actor, id: string, input: CompleteTraining): Promise<{ items: Enrolment[] }> {
      return deps.db.transaction(async (tx) => {
        const found = await activityFor(actor, id, 'manage', tx);
        if (found.activity.kind !== 'cohort') throw refusal('CONFLICT', 'training.cohort_only', 'only a course’s cohort is completed');
        const items = await issueCertificates(tx, deps, found, input.enrolmentIds, today());
        await deps.audit.append(tx, actor, {
          action: 'training.complete',
          entityType: 'training_activity',
          entityId: id,
          after: { enrolments: items.map((e) => ({ id: e.id, certificate: e.certificateHandle })) },
        });
        return { items };
      });
    },
  };

  async function findOnRoster(repo: Repo, activityId: string, input: CheckIn) {
    if (input.enrolmentId) return repo.findEnrolment(input.enrolmentId).then((r) => (r?.enrolment.activityId === activityId ? r : null));
    const keys = input.idNumber
      ? { ids: deps.persons.candidates(input.idNumber), contacts: [] as string[] }
      : (() => {
          const k = personKeys(deps.persons, { name: input.name ?? '', mobile: input.mobile ?? '' });
          return { ids: [] as string[], contacts: k.contactCandidates };
        })();
    const person = await repo.findPerson(keys.ids, keys.contacts.length ? keys.contacts : ['-']);
    if (!person) return null;
    const enrolment = await repo.findEnrolmentOf(activityId, person.id);
    return enrolment ? { enrolment, person } : null;
  }
}

/** Refuses (409 training.capacity_full) when every seat is taken; call with the activity locked. */
export async function assertSeat(repo: Repo, activityId: string): Promise<void> {
  const found = await repo.findActivity(activityId);
  if (!found) throw notFound('training activity');
  if ((await repo.countEnrolled(activityId)) >= found.activity.capacity)
    throw refusal('CONFLICT', 'training.capacity_full', 'every seat is taken', { max: found.activity.capacity });
}

export type TrainingService = ReturnType<typeof createTrainingService>;
