import { PLAN_START } from '@suilian/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { SpanSources } from '../../platform/measures/spans.js';
import { dataValue } from '../reporting/reporting.table.js';
import { edgeNode, privateNetwork } from './network.table.js';

/**
 * T-INF-3 (new private networks) and T-INF-2 (new edge nodes) from the network records (issue #14
 * item 1), with the districts' typed monthly figures kept for the months before the records took
 * over. Per district and element, the records take over from the first month in which a counted
 * record (confirmed, in service / commissioned since the plan started) falls: from that month on
 * the district's typed figure is ignored (and the form no longer asks for it, network.figures.ts);
 * before it, the typed figure counts as it always did. So no network is counted twice for one
 * month, and a district whose networks are not recorded yet keeps its reported figures.
 */

const PLAN_START_MONTH = PLAN_START.slice(0, 4) + PLAN_START.slice(5, 7);

/** Whether a network counts (or, pending, would count once confirmed). */
const networkCounts = (pending: boolean) => sql`
  ${privateNetwork.confirmationState} = ${pending ? 'declared' : 'confirmed'}
  AND ${privateNetwork.state} IN ('in_service', 'retired') AND ${privateNetwork.inServiceOn} >= ${PLAN_START}::date`;

const nodeCounts = (pending: boolean) => sql`
  ${privateNetwork.confirmationState} = ${pending ? 'declared' : 'confirmed'}
  AND ${edgeNode.commissionedOn} IS NOT NULL AND ${edgeNode.commissionedOn} >= ${PLAN_START}::date`;

/** The element each counter replaces, and the month (YYYYMM) a counted record of it falls in. */
export const RECORDED_ELEMENTS = {
  private_networks_new: { element: 'PRIVNET_NEW', month: sql`to_char(${privateNetwork.inServiceOn}, 'YYYYMM')` },
  edge_nodes_new: { element: 'EDGE_NODE_NEW', month: sql`to_char(${edgeNode.commissionedOn}, 'YYYYMM')` },
} as const;

/** The first month of counted records in `district` (a column or a value), per counter; NULL when none. */
export function cutoverMonth(counter: keyof typeof RECORDED_ELEMENTS, district: AnyPgColumn | SQL): SQL {
  return counter === 'private_networks_new'
    ? sql`(SELECT min(${RECORDED_ELEMENTS.private_networks_new.month}) FROM ${privateNetwork}
            WHERE ${privateNetwork.districtId} = ${district} AND ${networkCounts(false)})`
    : sql`(SELECT min(${RECORDED_ELEMENTS.edge_nodes_new.month}) FROM ${edgeNode}
             JOIN ${privateNetwork} ON ${privateNetwork.id} = ${edgeNode.networkId}
            WHERE ${privateNetwork.districtId} = ${district} AND ${nodeCounts(false)})`;
}

/** The typed monthly figures still counted: months since the plan started, before the district's cut-over, not zero. */
function reportedBefore(counter: keyof typeof RECORDED_ELEMENTS, inDistrict: (c: AnyPgColumn) => SQL): SQL {
  const { element } = RECORDED_ELEMENTS[counter];
  return sql`
    SELECT 'reported_value' AS kind, ${dataValue.period} || ':' || ${dataValue.orgId}::text AS id, ${dataValue.period} AS title,
           ${dataValue.orgId} AS district_id, ${dataValue.period} AS state, to_date(${dataValue.period} || '01', 'YYYYMMDD') AS since,
           NULL::date AS until, ${dataValue.value}::numeric::float8 AS weight, ${element}::text AS ref
      FROM ${dataValue}
     WHERE ${dataValue.dataElementCode} = ${element} AND length(${dataValue.period}) = 6 AND ${dataValue.period} >= ${PLAN_START_MONTH}
       AND ${dataValue.value}::numeric <> 0
       AND ${dataValue.period} < coalesce(${cutoverMonth(counter, dataValue.orgId)}, '999999') ${inDistrict(dataValue.orgId)}`;
}

function networks(inDistrict: (c: AnyPgColumn) => SQL, pending: boolean): SQL {
  const since = pending
    ? sql`${privateNetwork.inServiceOn}`
    : sql`greatest(${privateNetwork.inServiceOn}, coalesce(${privateNetwork.confirmedAt}::date, ${privateNetwork.inServiceOn}))`;
  return sql`
    SELECT 'private_network' AS kind, ${privateNetwork.id}::text AS id, ${privateNetwork.name} AS title, ${privateNetwork.districtId} AS district_id,
           ${privateNetwork.state} AS state, ${since} AS since, NULL::date AS until, 1::float8 AS weight, NULL::text AS ref
      FROM ${privateNetwork}
     WHERE ${networkCounts(pending)} ${inDistrict(privateNetwork.districtId)}`;
}

function nodes(inDistrict: (c: AnyPgColumn) => SQL, pending: boolean): SQL {
  const since = pending
    ? sql`${edgeNode.commissionedOn}`
    : sql`greatest(${edgeNode.commissionedOn}, coalesce(${privateNetwork.confirmedAt}::date, ${edgeNode.commissionedOn}))`;
  return sql`
    SELECT 'edge_node' AS kind, ${edgeNode.id}::text AS id, ${edgeNode.name} AS title, ${privateNetwork.districtId} AS district_id,
           ${privateNetwork.name} AS state, ${since} AS since, NULL::date AS until, 1::float8 AS weight, ${privateNetwork.id}::text AS ref
      FROM ${edgeNode} JOIN ${privateNetwork} ON ${privateNetwork.id} = ${edgeNode.networkId}
     WHERE ${nodeCounts(pending)} ${inDistrict(privateNetwork.districtId)}`;
}

/** Network counters (indicators' record counts): confirmed records, and the typed figures before them. */
export const networkMeasures: SpanSources = {
  private_networks_new: (inDistrict) => sql`${networks(inDistrict, false)} UNION ALL ${reportedBefore('private_networks_new', inDistrict)}`,
  edge_nodes_new: (inDistrict) => sql`${nodes(inDistrict, false)} UNION ALL ${reportedBefore('edge_nodes_new', inDistrict)}`,
};

/** The declared networks (and their nodes) each counter would count once their district confirms them. */
export const networkPendingMeasures: SpanSources = {
  private_networks_new: (inDistrict) => networks(inDistrict, true),
  edge_nodes_new: (inDistrict) => nodes(inDistrict, true),
};

/** Counted records of one district falling in one month (YYYYMM), per counter (the form's recorded figure). */
export function recordsInMonth(counter: keyof typeof RECORDED_ELEMENTS, districtId: string, period: string): SQL {
  return counter === 'private_networks_new'
    ? sql`SELECT count(*)::int AS n FROM ${privateNetwork}
           WHERE ${privateNetwork.districtId} = ${districtId} AND ${networkCounts(false)}
             AND ${RECORDED_ELEMENTS.private_networks_new.month} = ${period}`
    : sql`SELECT count(*)::int AS n FROM ${edgeNode} JOIN ${privateNetwork} ON ${privateNetwork.id} = ${edgeNode.networkId}
           WHERE ${privateNetwork.districtId} = ${districtId} AND ${nodeCounts(false)}
             AND ${RECORDED_ELEMENTS.edge_nodes_new.month} = ${period}`;
}
