import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisation } from '../organisations/organisation.table.js';

/**
 * A person who signs up for trainings and events (issue #15 item 6), identified once: by a keyed
 * digest of the identity number (`id_digest`, platform/crypto/person-digest.ts) or of the normalised
 * name and mobile (`contact_digest`). Neither number is stored: only masks, shown to organisers.
 */
export const trainingPerson = pgTable(
  'training_person',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    idDigest: text('id_digest'),
    contactDigest: text('contact_digest').notNull(),
    idNumberMasked: text('id_number_masked'),
    mobileMasked: text('mobile_masked').notNull(),
    organisation: text('organisation'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('training_person_id_digest_uq').on(t.idDigest), uniqueIndex('training_person_contact_digest_uq').on(t.contactDigest)],
);

/** A course (课程): its cohorts are the training activities T-PUB-3 counts. */
export const trainingCourse = pgTable(
  'training_course',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    title: text('title').notNull(),
    summary: text('summary'),
    hours: integer('hours').notNull(),
    districtId: uuid('district_id')
      .notNull()
      .references(() => organisation.id),
    /** The provider organising it; null when a district or the city does. */
    organiserOrgId: uuid('organiser_org_id').references(() => organisation.id),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('training_course_district_idx').on(t.districtId)],
);

/**
 * A cohort of a course (期次) or an event (交流会议、论坛 …): both are signed up for, checked in at,
 * and counted (T-PUB-3 cohorts, T-PUB-2 events) once they have started.
 */
export const trainingActivity = pgTable(
  'training_activity',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    kind: text('kind', { enum: ['cohort', 'event'] }).notNull(),
    courseId: uuid('course_id').references(() => trainingCourse.id),
    eventKind: text('event_kind', { enum: ['exchange_meeting', 'forum', 'workshop', 'roadshow'] }),
    title: text('title').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    venue: text('venue'),
    online: boolean('online').notNull().default(false),
    capacity: integer('capacity').notNull(),
    districtId: uuid('district_id')
      .notNull()
      .references(() => organisation.id),
    organiserOrgId: uuid('organiser_org_id').references(() => organisation.id),
    published: boolean('published').notNull().default(false),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('training_activity_district_idx').on(t.districtId),
    index('training_activity_course_idx').on(t.courseId),
    index('training_activity_published_idx').on(t.startsOn).where(sql`${t.published}`),
  ],
);

/**
 * A person on an activity's roster. A public sign-up starts `unconfirmed` with a digest of the
 * e-mailed code; the code makes it `enrolled`. Check-in is attendance; completion (cohorts) mints
 * the certificate's identifier.
 */
export const trainingEnrolment = pgTable(
  'training_enrolment',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => trainingActivity.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => trainingPerson.id),
    state: text('state', { enum: ['unconfirmed', 'enrolled'] }).notNull(),
    codeDigest: text('code_digest'),
    codeExpiresAt: timestamp('code_expires_at', { withTimezone: true }),
    codeAttempts: integer('code_attempts').notNull().default(0),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    completedOn: date('completed_on'),
    certificateHandle: text('certificate_handle'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('training_enrolment_person_uq').on(t.activityId, t.personId),
    index('training_enrolment_person_idx').on(t.personId),
    uniqueIndex('training_enrolment_certificate_uq').on(t.certificateHandle),
  ],
);
