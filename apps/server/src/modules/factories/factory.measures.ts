import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { SpanSources } from '../../platform/measures/spans.js';
import { factory, factoryScenario } from './factory.table.js';

/**
 * T-APP-1: factories with at least ten scenarios live; each counts from its tenth go-live (or from
 * its registration, if later) — and, since issue #12 item 5, only once its district confirmed it,
 * from the later of that day and its confirmation. `pending` gives the declared factories that
 * would count once confirmed (the drill-down lists them apart).
 */
function factoriesWith10Live(inDistrict: (c: AnyPgColumn) => SQL, pending: boolean): SQL {
  const counted = pending ? sql`${factory.confirmationState} = 'declared'` : sql`${factory.confirmationState} = 'confirmed'`;
  const since = pending
    ? sql`greatest(t.tenth, ${factory.createdAt}::date)`
    : sql`greatest(t.tenth, ${factory.createdAt}::date, coalesce(${factory.confirmedAt}::date, t.tenth))`;
  return sql`
    SELECT 'factory' AS kind, ${factory.id}::text AS id, ${factory.name} AS title, ${factory.districtId} AS district_id,
           ${factory.level} AS state, ${since} AS since, NULL::date AS until,
           1::float8 AS weight, NULL::text AS ref
      FROM ${factory} JOIN (
        SELECT ${factoryScenario.factoryId} AS factory_id,
               (array_agg(${factoryScenario.goLiveDate} ORDER BY ${factoryScenario.goLiveDate}))[10] AS tenth
          FROM ${factoryScenario}
         WHERE ${factoryScenario.goLiveDate} IS NOT NULL
         GROUP BY ${factoryScenario.factoryId} HAVING count(*) >= 10) t ON t.factory_id = ${factory.id}
     WHERE ${counted} ${inDistrict(factory.districtId)}`;
}

/** 5G factory counters (indicators' record counts): confirmed factories only. */
export const factoryMeasures: SpanSources = {
  factories_with_10_live_scenarios: (inDistrict) => factoriesWith10Live(inDistrict, false),
};

/** The declared (unconfirmed) factories each counter would count once confirmed (issue #12 item 5). */
export const factoryPendingMeasures: SpanSources = {
  factories_with_10_live_scenarios: (inDistrict) => factoriesWith10Live(inDistrict, true),
};
