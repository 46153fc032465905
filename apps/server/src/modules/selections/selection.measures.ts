import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { SpanSources } from '../../platform/measures/spans.js';
import { selectionApplication as application, selectionRound as round, selectionCase } from './selection.table.js';

/** Selected applications of published rounds of a kind, each counting from the round's publication. */
function selected(
  kind: 'benchmark_factory' | 'typical_case',
  recordKind: string,
  inDistrict: (c: AnyPgColumn) => SQL,
  join: SQL = sql``,
): SQL {
  return sql`
    SELECT ${recordKind}::text AS kind, ${application.id}::text AS id, ${application.subjectName} AS title,
           ${application.districtId} AS district_id, ${application.status} AS state, ${round.publishedAt}::date AS since,
           NULL::date AS until, 1::float8 AS weight, ${round.id}::text AS ref
      FROM ${application} JOIN ${round} ON ${round.id} = ${application.roundId} ${join}
     WHERE ${round.kind} = ${kind} AND ${round.stage} = 'published' AND ${application.selected}
       AND ${round.publishedAt} IS NOT NULL ${inDistrict(application.districtId)}`;
}

/** Selection counters (indicators' record counts): benchmark factories and typical cases. */
export const selectionMeasures: SpanSources = {
  benchmarks_selected: (inDistrict) => selected('benchmark_factory', 'selection_application', inDistrict),
  typical_cases_published: (inDistrict) =>
    selected('typical_case', 'typical_case', inDistrict, sql`JOIN ${selectionCase} ON ${selectionCase.applicationId} = ${application.id}`),
};
