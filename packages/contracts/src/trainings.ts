import { z } from 'zod';
import { IsoDateSchema, ListQuerySchema } from './common.js';
import { ResidentIdSchema } from './sanctions.js';

/**
 * Trainings and events that count people (issue #15 item 6). A course has cohorts; a cohort and an
 * event are both "activities" people sign up for, are checked in at and attend; people who complete
 * a cohort get a certificate minted as an identifier under the platform's prefix. A person is
 * identified once — by a keyed digest of the identity number, or of the normalised name and mobile —
 * so T-PUB-4 counts distinct people; identity numbers and mobiles are only ever shown masked.
 */
export const TRAINING_ACTIVITY_KINDS = ['cohort', 'event'] as const;
export const TrainingActivityKindSchema = z.enum(TRAINING_ACTIVITY_KINDS);
export type TrainingActivityKind = z.infer<typeof TrainingActivityKindSchema>;

/** What kind of event (T-PUB-2 counts every event held). */
export const EVENT_KINDS = ['exchange_meeting', 'forum', 'workshop', 'roadshow'] as const;
export const EventKindSchema = z.enum(EVENT_KINDS);
export type EventKind = z.infer<typeof EventKindSchema>;

export const ENROLMENT_STATES = ['unconfirmed', 'enrolled'] as const;
export type EnrolmentState = (typeof ENROLMENT_STATES)[number];

/** Mainland mobile number, 11 digits starting 1. */
export const MobileSchema = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, { message: 'an 11-digit mainland mobile number' });

const title = z.string().trim().min(1).max(200);

export const CreateTrainingCourseSchema = z
  .object({
    title,
    summary: z.string().trim().max(2000).optional(),
    hours: z.number().int().min(1).max(2000),
    /** The district it counts in: required from city staff, taken from the caller otherwise. */
    districtId: z.uuid().optional(),
  })
  .strict();
export type CreateTrainingCourse = z.infer<typeof CreateTrainingCourseSchema>;

export const TrainingCourseSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  summary: z.string().nullable(),
  hours: z.number().int(),
  districtId: z.uuid(),
  districtName: z.string().nullable(),
  /** The provider that organises it; null when a district or the city does. */
  organiserOrgId: z.uuid().nullable(),
  organiserName: z.string().nullable(),
  cohorts: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type TrainingCourse = z.infer<typeof TrainingCourseSchema>;

export const CreateTrainingActivitySchema = z
  .object({
    kind: TrainingActivityKindSchema,
    /** The course of a cohort (cohorts only). */
    courseId: z.uuid().optional(),
    eventKind: EventKindSchema.optional(),
    title,
    startsOn: IsoDateSchema,
    endsOn: IsoDateSchema,
    venue: z.string().trim().min(1).max(200).optional(),
    online: z.boolean().default(false),
    capacity: z.number().int().min(1).max(100_000),
    districtId: z.uuid().optional(),
    published: z.boolean().default(false),
  })
  .strict()
  .refine((a) => a.endsOn >= a.startsOn, { path: ['endsOn'], message: 'ends on or after it starts', params: { rule: 'after_start' } })
  .refine((a) => a.kind !== 'cohort' || a.courseId !== undefined, {
    path: ['courseId'],
    message: 'a cohort belongs to a course',
    params: { rule: 'required' },
  })
  .refine((a) => a.kind !== 'event' || a.eventKind !== undefined, {
    path: ['eventKind'],
    message: 'an event names its kind',
    params: { rule: 'required' },
  })
  .refine((a) => a.online || a.venue !== undefined, { path: ['venue'], message: 'a venue unless online', params: { rule: 'required' } });
export type CreateTrainingActivity = z.infer<typeof CreateTrainingActivitySchema>;

export const TrainingActivitySchema = z.object({
  id: z.uuid(),
  kind: TrainingActivityKindSchema,
  courseId: z.uuid().nullable(),
  courseTitle: z.string().nullable(),
  eventKind: EventKindSchema.nullable(),
  title: z.string(),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  venue: z.string().nullable(),
  online: z.boolean(),
  capacity: z.number().int(),
  districtId: z.uuid(),
  districtName: z.string().nullable(),
  organiserOrgId: z.uuid().nullable(),
  organiserName: z.string().nullable(),
  published: z.boolean(),
  enrolled: z.number().int(),
  checkedIn: z.number().int(),
  completed: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type TrainingActivity = z.infer<typeof TrainingActivitySchema>;

export const TrainingActivityListQuerySchema = ListQuerySchema.extend({
  kind: TrainingActivityKindSchema.optional(),
  courseId: z.uuid().optional(),
}).strict();
export type TrainingActivityListQuery = z.infer<typeof TrainingActivityListQuerySchema>;

export const TrainingCourseListQuerySchema = ListQuerySchema.strict();
export type TrainingCourseListQuery = z.infer<typeof TrainingCourseListQuerySchema>;

export const PublishTrainingActivitySchema = z.object({ published: z.boolean() }).strict();
export type PublishTrainingActivity = z.infer<typeof PublishTrainingActivitySchema>;

/** Who signs up: identity number, or name and mobile, identify the person once. */
export const TrainingPersonSchema = z
  .object({
    name: z.string().trim().min(1).max(64),
    mobile: MobileSchema,
    idNumber: ResidentIdSchema.optional(),
    organisation: z.string().trim().max(200).optional(),
  })
  .strict();
export type TrainingPerson = z.infer<typeof TrainingPersonSchema>;

export const PublicSignUpSchema = TrainingPersonSchema.extend({
  /** The confirmation code is sent here. */
  email: z.email().max(254),
}).strict();
export type PublicSignUp = z.infer<typeof PublicSignUpSchema>;

export const SignUpStartedSchema = z.object({
  signUpId: z.uuid(),
  channel: z.enum(['email', 'sms']),
  /** Where the code went, masked. */
  sentTo: z.string(),
});
export type SignUpStarted = z.infer<typeof SignUpStartedSchema>;

export const ConfirmSignUpSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, { message: 'six digits' }),
  })
  .strict();
export type ConfirmSignUp = z.infer<typeof ConfirmSignUpSchema>;

export const SignUpConfirmedSchema = z.object({ state: z.literal('enrolled'), activityTitle: z.string() });
export type SignUpConfirmed = z.infer<typeof SignUpConfirmedSchema>;

/** A check-in at the door: by roster row, by identity number, or by name and mobile. */
export const CheckInSchema = z
  .object({
    enrolmentId: z.uuid().optional(),
    idNumber: ResidentIdSchema.optional(),
    name: z.string().trim().min(1).max(64).optional(),
    mobile: MobileSchema.optional(),
  })
  .strict()
  .refine((c) => c.enrolmentId !== undefined || c.idNumber !== undefined || (c.name !== undefined && c.mobile !== undefined), {
    path: ['enrolmentId'],
    message: 'name the roster row, the identity number, or name and mobile',
    params: { rule: 'required' },
  });
export type CheckIn = z.infer<typeof CheckInSchema>;

export const CompleteTrainingSchema = z.object({ enrolmentIds: z.array(z.uuid()).min(1).max(500) }).strict();
export type CompleteTraining = z.infer<typeof CompleteTrainingSchema>;

/** A roster row as organisers see it: the name, and the mobile and identity number masked. */
export const EnrolmentSchema = z.object({
  id: z.uuid(),
  activityId: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  mobileMasked: z.string(),
  idNumberMasked: z.string().nullable(),
  organisation: z.string().nullable(),
  state: z.enum(ENROLMENT_STATES),
  enrolledAt: z.iso.datetime({ offset: true }).nullable(),
  checkedInAt: z.iso.datetime({ offset: true }).nullable(),
  completedOn: z.iso.date().nullable(),
  /** The certificate's identifier under the platform's prefix, resolvable on /resolve/<handle>. */
  certificateHandle: z.string().nullable(),
});
export type Enrolment = z.infer<typeof EnrolmentSchema>;

export const EnrolmentListQuerySchema = ListQuerySchema.strict();
export type EnrolmentListQuery = z.infer<typeof EnrolmentListQuerySchema>;

/** A published activity for anyone: no people, only how many seats are left. */
export const PublicTrainingEventSchema = z.object({
  id: z.uuid(),
  kind: TrainingActivityKindSchema,
  eventKind: EventKindSchema.nullable(),
  title: z.string(),
  courseTitle: z.string().nullable(),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  venue: z.string().nullable(),
  online: z.boolean(),
  capacity: z.number().int(),
  seatsLeft: z.number().int(),
  organiserName: z.string().nullable(),
  districtName: z.string().nullable(),
});
export type PublicTrainingEvent = z.infer<typeof PublicTrainingEventSchema>;

export const PublicTrainingEventQuerySchema = ListQuerySchema.extend({ kind: TrainingActivityKindSchema.optional() }).strict();
export type PublicTrainingEventQuery = z.infer<typeof PublicTrainingEventQuerySchema>;

export const SignUpParamsSchema = z.object({ id: z.uuid() }).strict();
