import { PLAN_START, type RegistryKey } from '@suilian/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { SpanSources } from '../../platform/measures/spans.js';
import { registryRecord as record } from './registry.table.js';

/** Records of one registry since the plan started, each counting `weight` from its record date. */
function registry(key: RegistryKey, inDistrict: (c: AnyPgColumn) => SQL, extra: SQL = sql``, weight: SQL = sql`1::float8`): SQL {
  return sql`
    SELECT 'registry_record' AS kind, ${record.id}::text AS id, ${record.title} AS title, ${record.districtId} AS district_id,
           ${record.kind} AS state, ${record.recordDate} AS since, NULL::date AS until, ${weight} AS weight, ${record.registry} AS ref
      FROM ${record}
     WHERE ${record.registry} = ${key} AND ${record.recordDate} >= ${PLAN_START}::date ${extra} ${inDistrict(record.districtId)}`;
}

/** Registry counters (indicators' record counts): standards, patents, pilots, carriers, events, trainings. */
export const registryMeasures: SpanSources = {
  standards_intl_national_industry: (d) => registry('standards', d, sql`AND ${record.kind} IN ('international', 'national', 'industry')`),
  patents: (d) => registry('patents', d),
  national_pilot_projects: (d) => registry('pilot-projects', d, sql`AND ${record.kind} = 'national'`),
  carriers: (d) => registry('carriers', d),
  platforms: (d) => registry('platforms', d),
  exchange_meetings: (d) => registry('events', d, sql`AND ${record.kind} = 'exchange_meeting'`),
  trainings: (d) => registry('trainings', d),
  // T-PUB-4: each training adds the trainees who completed it.
  trainees_completed: (d) => registry('trainings', d, sql``, sql`coalesce(${record.quantity}, 0)::float8`),
};
