import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { enterpriseProfile } from '../enterprises/enterprise.table.js';
import { factory, factoryScenario } from '../factories/factory.table.js';
import { privateNetwork } from '../networks/network.table.js';
import { organisation } from '../organisations/organisation.table.js';
import { project } from '../projects/project.table.js';
import { vulnFinding } from '../vulnerabilities/finding.table.js';
import type { DatasetRow } from './dataset.table.js';

const district = alias(organisation, 'district');
const enterprise = alias(organisation, 'enterprise');
const operator = alias(organisation, 'operator');

const num = (value: string | number | null): number | null => (value === null ? null : Number(value));

/**
 * The registered queries over the platform's own data (issue #16 item 3), one function per source
 * key of contracts' DATASET_QUERIES. Organisations only, never people: no contacts, no addresses of
 * persons. Each orders its rows so the same data gives the same file (and fingerprint).
 */
export function createDatasetSourceRepo(db: DbOrTx) {
  return {
    /** The districts of the city: code and name, in code order. */
    async districts(): Promise<Array<{ id: string; code: string; name: string }>> {
      const rows = await db
        .select({ id: organisation.id, code: organisation.divisionCode, name: organisation.name })
        .from(organisation)
        .where(eq(organisation.kind, 'district'))
        .orderBy(asc(organisation.divisionCode));
      return rows.flatMap((r) => (r.code ? [{ id: r.id, code: r.code, name: r.name }] : []));
    },

    async enterprises(): Promise<DatasetRow[]> {
      const rows = await db
        .select({
          credit_code: enterprise.creditCode,
          name: enterprise.name,
          district: district.name,
          industry_code: enterpriseProfile.industryCode,
          size: enterpriseProfile.sizeClass,
        })
        .from(enterprise)
        .leftJoin(district, eq(district.id, enterprise.districtId))
        .leftJoin(enterpriseProfile, eq(enterpriseProfile.orgId, enterprise.id))
        .where(eq(enterprise.kind, 'enterprise'))
        .orderBy(asc(enterprise.creditCode), asc(enterprise.id));
      return rows;
    },

    /** Projects past their draft (a draft is the enterprise's own, not yet declared). */
    async projects(): Promise<DatasetRow[]> {
      const rows = await db
        .select({
          code: project.code,
          title: project.title,
          enterprise: enterprise.name,
          district: district.name,
          state: project.state,
          investment_total: project.investmentTotal,
          investment_5g: project.investment5g,
        })
        .from(project)
        .innerJoin(enterprise, eq(enterprise.id, project.enterpriseId))
        .innerJoin(district, eq(district.id, project.districtId))
        .where(ne(project.state, 'draft'))
        .orderBy(asc(project.code), asc(project.id));
      return rows.map((r) => ({ ...r, investment_total: num(r.investment_total), investment_5g: num(r.investment_5g) }));
    },

    async factories(): Promise<DatasetRow[]> {
      const scenarios = db
        .select({ factoryId: factoryScenario.factoryId, n: count().as('n') })
        .from(factoryScenario)
        .groupBy(factoryScenario.factoryId)
        .as('scenarios');
      const rows = await db
        .select({
          name: factory.name,
          enterprise: enterprise.name,
          district: district.name,
          level: factory.level,
          national_list_year: factory.nationalListYear,
          scenarios: sql<number>`coalesce(${scenarios.n}, 0)::int`,
        })
        .from(factory)
        .innerJoin(enterprise, eq(enterprise.id, factory.enterpriseId))
        .innerJoin(district, eq(district.id, factory.districtId))
        .leftJoin(scenarios, eq(scenarios.factoryId, factory.id))
        .orderBy(asc(district.divisionCode), asc(factory.name), asc(factory.id));
      return rows;
    },

    async privateNetworks(): Promise<DatasetRow[]> {
      return db
        .select({
          name: privateNetwork.name,
          enterprise: enterprise.name,
          operator: operator.name,
          district: district.name,
          mode: privateNetwork.mode,
          state: privateNetwork.state,
          in_service_on: privateNetwork.inServiceOn,
        })
        .from(privateNetwork)
        .innerJoin(enterprise, eq(enterprise.id, privateNetwork.enterpriseId))
        .innerJoin(operator, eq(operator.id, privateNetwork.operatorId))
        .innerJoin(district, eq(district.id, privateNetwork.districtId))
        .orderBy(asc(district.divisionCode), asc(privateNetwork.name), asc(privateNetwork.id));
    },

    /** Findings by month first seen (China time) and grade: how many, how many fixed since. */
    async vulnerabilityStatistics(): Promise<DatasetRow[]> {
      const month = sql<string>`to_char(${vulnFinding.firstSeenAt} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;
      const rows = await db
        .select({
          month,
          severity: vulnFinding.grade,
          findings: sql<number>`count(*)::int`,
          fixed: sql<number>`(count(*) FILTER (WHERE ${vulnFinding.fixedAt} IS NOT NULL))::int`,
        })
        .from(vulnFinding)
        .groupBy(month, vulnFinding.grade)
        .orderBy(asc(month), asc(vulnFinding.grade));
      return rows;
    },

    /** Whether a district with this division code exists (uploaded statistics name districts by code). */
    async districtCodes(): Promise<Set<string>> {
      const rows = await db
        .select({ code: organisation.divisionCode })
        .from(organisation)
        .where(and(eq(organisation.kind, 'district')));
      return new Set(rows.flatMap((r) => (r.code ? [r.code] : [])));
    },
  };
}

export type DatasetSourceRepo = ReturnType<typeof createDatasetSourceRepo>;
