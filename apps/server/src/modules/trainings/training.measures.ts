import { PLAN_START } from '@suilian/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { SpanSources } from '../../platform/measures/spans.js';
import { trainingActivity as activity, trainingEnrolment as enrolment, trainingPerson as person } from './training.table.js';

/** Activities of a kind held since the plan started: someone was checked in (attendance recorded). */
function held(kind: 'cohort' | 'event', inDistrict: (c: AnyPgColumn) => SQL): SQL {
  return sql`
    SELECT 'training_activity' AS kind, ${activity.id}::text AS id, ${activity.title} AS title, ${activity.districtId} AS district_id,
           coalesce(${activity.eventKind}, ${activity.kind}) AS state, ${activity.startsOn} AS since, NULL::date AS until,
           1::float8 AS weight, NULL::text AS ref
      FROM ${activity}
     WHERE ${activity.kind} = ${kind} AND ${activity.startsOn} >= ${PLAN_START}::date
       AND EXISTS (SELECT 1 FROM ${enrolment} WHERE ${enrolment.activityId} = ${activity.id} AND ${enrolment.checkedInAt} IS NOT NULL)
       ${inDistrict(activity.districtId)}`;
}

/**
 * Each person counted once, from their first completion, in the district of that cohort. The
 * district filter applies after the first completion is chosen (so the districts add up to the
 * city): the inner rows are named like the activity table, so `inDistrict` names their column.
 * The title is the masked name: drill-downs are read beyond the organisers.
 */
function trainees(inDistrict: (c: AnyPgColumn) => SQL): SQL {
  return sql`
    SELECT * FROM (
      SELECT DISTINCT ON (${enrolment.personId})
             'trainee' AS kind, ${enrolment.personId}::text AS id, left(${person.name}, 1) || '**' AS title,
             ${activity.districtId} AS district_id, ${activity.title} AS state, ${enrolment.completedOn} AS since,
             NULL::date AS until, 1::float8 AS weight, ${activity.id}::text AS ref
        FROM ${enrolment}
        JOIN ${person} ON ${person.id} = ${enrolment.personId}
        JOIN ${activity} ON ${activity.id} = ${enrolment.activityId}
       WHERE ${enrolment.completedOn} >= ${PLAN_START}::date
       ORDER BY ${enrolment.personId}, ${enrolment.completedOn}, ${enrolment.id}
    ) AS ${activity} WHERE TRUE ${inDistrict(activity.districtId)}`;
}

/**
 * The trainings module's records for T-PUB-2 (events held), T-PUB-3 (cohorts held) and T-PUB-4
 * (distinct people who completed), added to the registries' records of the same counters
 * (counter.repo.ts joins them).
 */
export const trainingMeasures: SpanSources = {
  exchange_meetings: (d) => held('event', d),
  trainings: (d) => held('cohort', d),
  trainees_completed: trainees,
};
