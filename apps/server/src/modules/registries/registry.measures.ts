import { PLAN_START, type RegistryKey } from '@suilian/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { SpanSources } from '../../platform/measures/spans.js';
import { registryRecord as record } from './registry.table.js';

type Registry = (key: RegistryKey, inDistrict: (c: AnyPgColumn) => SQL, extra?: SQL, weight?: SQL) => SQL;

/**
 * Records of one registry since the plan started, each counting `weight` from its record date —
 * since issue #12 item 5 only once confirmed by its district, from the later of its record date
 * and its confirmation. With `pending`, the declared records that would count once confirmed.
 */
function registryOf(pending: boolean): Registry {
  return (key, inDistrict, extra = sql``, weight = sql`1::float8`) => {
    const state = pending ? sql`${record.confirmationState} = 'declared'` : sql`${record.confirmationState} = 'confirmed'`;
    const since = pending
      ? sql`${record.recordDate}`
      : sql`greatest(${record.recordDate}, coalesce(${record.confirmedAt}::date, ${record.recordDate}))`;
    return sql`
    SELECT 'registry_record' AS kind, ${record.id}::text AS id, ${record.title} AS title, ${record.districtId} AS district_id,
           ${record.kind} AS state, ${since} AS since, NULL::date AS until, ${weight} AS weight, ${record.registry} AS ref
      FROM ${record}
     WHERE ${record.registry} = ${key} AND ${record.recordDate} >= ${PLAN_START}::date AND ${state} ${extra} ${inDistrict(record.districtId)}`;
  };
}

/** The counters over registries, counted (confirmed) or pending (declared) alike. */
function measuresOf(registry: Registry): SpanSources {
  return {
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
}

/** Registry counters (indicators' record counts): standards, patents, pilots, carriers, events, trainings — confirmed records only. */
export const registryMeasures: SpanSources = measuresOf(registryOf(false));

/** The declared (unconfirmed) registry records each counter would count once confirmed (issue #12 item 5). */
export const registryPendingMeasures: SpanSources = measuresOf(registryOf(true));
