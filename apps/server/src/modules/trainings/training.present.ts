import type { Enrolment, PublicTrainingEvent, TrainingActivity, TrainingCourse } from '@suilian/contracts';
import type { ActivityWithNames, CourseWithNames, EnrolmentRow, PersonRow } from './training.repo.js';

/** A course as the API shows it. */
export function presentCourse(c: CourseWithNames): TrainingCourse {
  return {
    id: c.course.id,
    title: c.course.title,
    summary: c.course.summary,
    hours: c.course.hours,
    districtId: c.course.districtId,
    districtName: c.districtName,
    organiserOrgId: c.course.organiserOrgId,
    organiserName: c.organiserName,
    cohorts: Number(c.cohorts),
    createdAt: c.course.createdAt.toISOString(),
  };
}

/** An activity as organisers and readers see it, with its roster's counts. */
export function presentActivity(a: ActivityWithNames): TrainingActivity {
  const r = a.activity;
  return {
    id: r.id,
    kind: r.kind,
    courseId: r.courseId,
    courseTitle: a.courseTitle,
    eventKind: r.eventKind,
    title: r.title,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    venue: r.venue,
    online: r.online,
    capacity: r.capacity,
    districtId: r.districtId,
    districtName: a.districtName,
    organiserOrgId: r.organiserOrgId,
    organiserName: a.organiserName,
    published: r.published,
    enrolled: Number(a.enrolled),
    checkedIn: Number(a.checkedIn),
    completed: Number(a.completed),
    createdAt: r.createdAt.toISOString(),
  };
}

/** A published activity for anyone: no people, the seats left. */
export function presentPublic(a: ActivityWithNames): PublicTrainingEvent {
  const r = a.activity;
  return {
    id: r.id,
    kind: r.kind,
    eventKind: r.eventKind,
    title: r.title,
    courseTitle: a.courseTitle,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    venue: r.venue,
    online: r.online,
    capacity: r.capacity,
    seatsLeft: Math.max(0, r.capacity - Number(a.enrolled)),
    organiserName: a.organiserName ?? a.districtName,
    districtName: a.districtName,
  };
}

/** A roster row: the name, the numbers masked (they were never stored in clear). */
export function presentEnrolment(e: EnrolmentRow, p: PersonRow): Enrolment {
  return {
    id: e.id,
    activityId: e.activityId,
    personId: p.id,
    name: p.name,
    mobileMasked: p.mobileMasked,
    idNumberMasked: p.idNumberMasked,
    organisation: p.organisation,
    state: e.state,
    enrolledAt: e.enrolledAt?.toISOString() ?? null,
    checkedInAt: e.checkedInAt?.toISOString() ?? null,
    completedOn: e.completedOn,
    certificateHandle: e.certificateHandle,
  };
}
