import { PLAN_START } from '@suilian/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { SpanSources } from '../../platform/measures/spans.js';
import { organisation } from '../organisations/organisation.table.js';
import { enterpriseHonour as honour } from './enterprise.table.js';

/** When an honour counts: its validity start, or the end of the year it was awarded. */
const honouredOn = sql`coalesce(${honour.validFrom}, make_date(${honour.year}, 12, 31))`;

/**
 * T-ECO-1: an enterprise counts once, from its first national single-champion honour since the
 * plan started — since issue #12 item 5 only a confirmed honour, from the later of its date and its
 * confirmation (a certificate-less honour an enterprise declares does not move the target until its
 * district confirms it). `pending`: the declared honours that would count once confirmed.
 */
function singleChampions(inDistrict: (c: AnyPgColumn) => SQL, pending: boolean): SQL {
  const state = pending ? sql`'declared'` : sql`'confirmed'`;
  const since = pending ? honouredOn : sql`greatest(${honouredOn}, coalesce(${honour.confirmedAt}::date, ${honouredOn}))`;
  return sql`
    SELECT DISTINCT ON (${organisation.id}) 'enterprise' AS kind, ${organisation.id}::text AS id, ${organisation.name} AS title,
           ${organisation.districtId} AS district_id, ${honour.level} AS state, ${since} AS since,
           NULL::date AS until, 1::float8 AS weight, NULL::text AS ref
      FROM ${honour} JOIN ${organisation} ON ${organisation.id} = ${honour.orgId}
     WHERE ${honour.honourType} = 'SINGLE_CHAMPION_ENTERPRISE' AND ${honour.level} = 'national'
       AND ${honour.confirmationState} = ${state}
       AND ${honouredOn} >= ${PLAN_START}::date ${inDistrict(organisation.districtId)}
     ORDER BY ${organisation.id}, ${since}`;
}

/** Enterprise counters (indicators' record counts): confirmed honours only. */
export const enterpriseMeasures: SpanSources = {
  national_single_champions_new: (inDistrict) => singleChampions(inDistrict, false),
};

/** The declared honours each counter would count once confirmed (issue #12 item 5). */
export const enterprisePendingMeasures: SpanSources = {
  national_single_champions_new: (inDistrict) => singleChampions(inDistrict, true),
};
