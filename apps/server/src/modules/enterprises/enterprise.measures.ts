import { PLAN_START } from '@suilian/contracts';
import { sql } from 'drizzle-orm';
import type { SpanSources } from '../../platform/measures/spans.js';
import { organisation } from '../organisations/organisation.table.js';
import { enterpriseHonour as honour } from './enterprise.table.js';

/** When an honour counts: its validity start, or the end of the year it was awarded. */
const honouredOn = sql`coalesce(${honour.validFrom}, make_date(${honour.year}, 12, 31))`;

/** Enterprise counters (indicators' record counts). */
export const enterpriseMeasures: SpanSources = {
  // An enterprise counts once, from its first national single-champion honour since the plan started.
  national_single_champions_new: (inDistrict) => sql`
    SELECT DISTINCT ON (${organisation.id}) 'enterprise' AS kind, ${organisation.id}::text AS id, ${organisation.name} AS title,
           ${organisation.districtId} AS district_id, ${honour.level} AS state, ${honouredOn} AS since,
           NULL::date AS until, 1::float8 AS weight, NULL::text AS ref
      FROM ${honour} JOIN ${organisation} ON ${organisation.id} = ${honour.orgId}
     WHERE ${honour.honourType} = 'SINGLE_CHAMPION_ENTERPRISE' AND ${honour.level} = 'national'
       AND ${honouredOn} >= ${PLAN_START}::date ${inDistrict(organisation.districtId)}
     ORDER BY ${organisation.id}, ${honouredOn}`,
};
