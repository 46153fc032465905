import { sql } from 'drizzle-orm';
import type { SpanSources } from '../../platform/measures/spans.js';
import { project, projectEvent } from './project.table.js';

/** Project counters (indicators' record counts). */
export const projectMeasures: SpanSources = {
  // T-APP-2: projects with a national filing id that are under construction, built or accepted on
  // a day; the state on a day is the `to_state` of the project's last event up to that day.
  projects_filed_active: (inDistrict) => sql`
    SELECT 'project' AS kind, s.id, s.title, s.district_id, s.state, s.since, s.until, 1::float8 AS weight, NULL::text AS ref
      FROM (SELECT ${project.id}::text AS id, ${project.title} AS title, ${project.districtId} AS district_id,
                   ${projectEvent.toState} AS state, ${projectEvent.occurredAt}::date AS since,
                   lead(${projectEvent.occurredAt}::date) OVER (PARTITION BY ${projectEvent.projectId} ORDER BY ${projectEvent.occurredAt}) AS until
              FROM ${project} JOIN ${projectEvent} ON ${projectEvent.projectId} = ${project.id}
             WHERE ${project.filingId} IS NOT NULL ${inDistrict(project.districtId)}) s
     WHERE s.state IN ('under_construction', 'built', 'accepted')`,
};
