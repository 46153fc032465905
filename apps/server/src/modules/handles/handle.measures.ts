import { PLAN_START } from '@suilian/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { SpanSources } from '../../platform/measures/spans.js';
import { organisation } from '../organisations/organisation.table.js';
import { handlePrefix, handleStatDaily as stat } from './handle.table.js';

/**
 * Identifier registrations or resolutions since the plan started: one span per prefix and day
 * (weight: that day's count); a prefix belongs to the district of the organisation owning it.
 */
function daily(column: typeof stat.registrations | typeof stat.resolutions, inDistrict: (c: AnyPgColumn) => SQL): SQL {
  return sql`
    SELECT 'handle_stat' AS kind, ${stat.prefix} AS id, ${stat.prefix} || ' · ' || ${organisation.name} AS title,
           ${organisation.districtId} AS district_id, NULL::text AS state, ${stat.day} AS since, NULL::date AS until,
           ${column}::float8 AS weight, ${stat.prefix} AS ref
      FROM ${stat} JOIN ${handlePrefix} ON ${handlePrefix.prefix} = ${stat.prefix}
      JOIN ${organisation} ON ${organisation.id} = ${handlePrefix.ownerOrgId}
     WHERE ${stat.day} >= ${PLAN_START}::date AND ${column} > 0 ${inDistrict(organisation.districtId)}`;
}

/** Identifier counters (indicators' record counts); their drill-down sums per prefix. */
export const handleMeasures: SpanSources = {
  handle_registrations: (d) => daily(stat.registrations, d),
  handle_resolutions: (d) => daily(stat.resolutions, d),
};
