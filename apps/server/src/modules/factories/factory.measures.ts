import { sql } from 'drizzle-orm';
import type { SpanSources } from '../../platform/measures/spans.js';
import { factory, factoryScenario } from './factory.table.js';

/** 5G factory counters (indicators' record counts). */
export const factoryMeasures: SpanSources = {
  // T-APP-1: factories with at least ten scenarios live; each counts from its tenth go-live (or
  // from its registration, if later).
  factories_with_10_live_scenarios: (inDistrict) => sql`
    SELECT 'factory' AS kind, ${factory.id}::text AS id, ${factory.name} AS title, ${factory.districtId} AS district_id,
           ${factory.level} AS state, greatest(t.tenth, ${factory.createdAt}::date) AS since, NULL::date AS until,
           1::float8 AS weight, NULL::text AS ref
      FROM ${factory} JOIN (
        SELECT ${factoryScenario.factoryId} AS factory_id,
               (array_agg(${factoryScenario.goLiveDate} ORDER BY ${factoryScenario.goLiveDate}))[10] AS tenth
          FROM ${factoryScenario}
         WHERE ${factoryScenario.goLiveDate} IS NOT NULL
         GROUP BY ${factoryScenario.factoryId} HAVING count(*) >= 10) t ON t.factory_id = ${factory.id}
     WHERE true ${inDistrict(factory.districtId)}`,
};
