import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { OrgScope } from '../../../platform/scope.js';

const OPEN = sql.raw(`('new','confirmed','remediating','fixed_awaiting_verification','reopened')`);

/** The finding condition for a scope, as raw SQL over alias f. */
function scoped(scope: OrgScope) {
  if (scope.all) return sql`true`;
  if ('districtId' in scope) return sql`f.district_id = ${scope.districtId}`;
  return sql`f.enterprise_id = ${scope.orgId}`;
}

type Rows<T> = { rows: T[] };

/** Aggregates over findings and assets for the statistics API (issue #5 item 7); one query per figure. */
export function createStatsRepo(db: DbOrTx) {
  const q = async <T>(query: ReturnType<typeof sql>): Promise<T[]> => ((await db.execute(query)) as unknown as Rows<T>).rows;
  return {
    openByGrade: (scope: OrgScope) =>
      q<{ key: string; count: number }>(sql`select f.grade as key, count(*)::int as count from vuln_finding f
        where f.state in ${OPEN} and ${scoped(scope)} group by f.grade`),

    openByDistrict: (scope: OrgScope) =>
      q<{ key: string; label: string; count: number; critical: number; high: number }>(sql`
        select d.id as key, d.name as label, count(*)::int as count,
          count(*) filter (where f.grade = 'critical')::int as critical, count(*) filter (where f.grade = 'high')::int as high
        from vuln_finding f join organisation d on d.id = f.district_id
        where f.state in ${OPEN} and ${scoped(scope)} group by d.id, d.name order by count desc`),

    openByIndustry: (scope: OrgScope) =>
      q<{ key: string | null; label: string | null; count: number }>(sql`
        select p.industry_code as key, max(ci.name_zh) as label, count(*)::int as count
        from vuln_finding f left join enterprise_profile p on p.org_id = f.enterprise_id
        left join code_item ci on ci.list_key = 'industry' and ci.code = p.industry_code
        where f.state in ${OPEN} and ${scoped(scope)} group by p.industry_code order by count desc`),

    openByVendor: (scope: OrgScope) =>
      q<{ vendor: string; count: number }>(sql`
        select a.vendor, count(*)::int as count from vuln_finding f join vuln_asset a on a.id = f.asset_id
        where f.state in ${OPEN} and ${scoped(scope)} group by a.vendor`),

    meanTimeToRemediate: async (scope: OrgScope, since: Date) =>
      (
        await q<{ days: number | null }>(sql`
        select avg(extract(epoch from (f.verified_at - f.first_seen_at)) / 86400)::float as days from vuln_finding f
        where f.state = 'verified_closed' and f.verified_at >= ${since.toISOString()} and ${scoped(scope)}`)
      )[0]?.days ?? null,

    sla: async (scope: OrgScope, since: Date, now: Date) =>
      (
        await q<{ closed: number; closed_in_time: number; open: number; overdue: number }>(sql`
        select count(*) filter (where f.state = 'verified_closed' and f.closed_at >= ${since.toISOString()})::int as closed,
          count(*) filter (where f.state = 'verified_closed' and f.closed_at >= ${since.toISOString()} and f.closed_at <= f.sla_due_at)::int as closed_in_time,
          count(*) filter (where f.state in ${OPEN})::int as open,
          count(*) filter (where f.state in ${OPEN} and f.sla_due_at < ${now.toISOString()})::int as overdue
        from vuln_finding f where ${scoped(scope)}`)
      )[0],

    monthly: (scope: OrgScope, since: Date, now: Date) =>
      q<{ month: string; detected: number; closed: number }>(sql`
        with months as (select to_char(m, 'YYYY-MM') as month from generate_series(date_trunc('month', ${since.toISOString()}::timestamptz at time zone 'Asia/Shanghai'), date_trunc('month', ${now.toISOString()}::timestamptz at time zone 'Asia/Shanghai'), interval '1 month') m)
        select months.month,
          (select count(*)::int from vuln_finding f where to_char(f.first_seen_at at time zone 'Asia/Shanghai', 'YYYY-MM') = months.month and ${scoped(scope)}) as detected,
          (select count(*)::int from vuln_finding f where f.state = 'verified_closed' and to_char(f.closed_at at time zone 'Asia/Shanghai', 'YYYY-MM') = months.month and ${scoped(scope)}) as closed
        from months order by months.month`),

    mostExposedProducts: (scope: OrgScope, limit: number) =>
      q<{ vendor: string; product: string; assets: number; open_findings: number }>(sql`
        select a.vendor, a.product, count(distinct a.id)::int as assets, count(*)::int as open_findings
        from vuln_finding f join vuln_asset a on a.id = f.asset_id
        where f.state in ${OPEN} and ${scoped(scope)} group by a.vendor, a.product order by open_findings desc, assets desc limit ${limit}`),

    exposureByDistrict: (scope: OrgScope) =>
      q<{
        district_id: string;
        division_code: string | null;
        name: string;
        open_findings: number;
        enterprises: number;
        assets: number;
      }>(sql`
        select d.id as district_id, d.division_code, d.name,
          count(f.id)::int as open_findings, count(distinct f.enterprise_id)::int as enterprises, count(distinct f.asset_id)::int as assets
        from organisation d left join vuln_finding f on f.district_id = d.id and f.state in ${OPEN} and ${scoped(scope)}
        where d.kind = 'district' ${'districtId' in scope ? sql`and d.id = ${scope.districtId}` : sql``}
        group by d.id, d.division_code, d.name order by d.division_code`),
  };
}
