import type { VulnGrade, VulnStats, VulnStatsQuery } from '@suilian/contracts';
import { VULN_GRADES } from '@suilian/contracts';
import type { Db } from '../../../db/client.js';
import type { Actor } from '../../../platform/actor.js';
import type { Clock } from '../../../platform/clock.js';
import { createAdvisoryRepo } from '../advisory.repo.js';
import { findingPolicy } from '../findings/finding.policy.js';
import { createAliasIndex, normaliseVendor } from '../logic/index.js';
import { GRADE_ZH } from '../notices/notice.document.js';
import { createStatsRepo } from './stats.repo.js';

const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

/** The security picture (issue #5 item 7), always within the caller's scope. */
export function createStatsService(deps: { db: Db; clock: Clock }) {
  return {
    async get(actor: Actor, query: VulnStatsQuery): Promise<VulnStats> {
      const scope = findingPolicy.reach(actor, 'read');
      const repo = createStatsRepo(deps.db);
      const now = deps.clock.now();
      const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - query.months + 1, 1));
      const grades = new Map((await repo.openByGrade(scope)).map((r) => [r.key, r.count]));
      const sla = (await repo.sla(scope, since, now)) ?? { closed: 0, closed_in_time: 0, open: 0, overdue: 0 };
      // Vendors count under their canonical name, so 西门子 and Siemens AG are one bar.
      const aliases = createAliasIndex(
        (await createAdvisoryRepo(deps.db).aliases()).map((a) => ({ canonical: a.canonical, names: a.names })),
      );
      const vendors = new Map<string, { label: string; count: number }>();
      for (const r of await repo.openByVendor(scope)) {
        const v = normaliseVendor(r.vendor, aliases);
        const key = v.key || r.vendor;
        const cur = vendors.get(key) ?? { label: v.canonical || r.vendor, count: 0 };
        cur.count += r.count;
        vendors.set(key, cur);
      }
      return {
        openByGrade: VULN_GRADES.map((g: VulnGrade) => ({ key: g, label: GRADE_ZH[g], count: grades.get(g) ?? 0 })),
        openByDistrict: await repo.openByDistrict(scope),
        openByIndustry: (await repo.openByIndustry(scope)).map((r) => ({
          key: r.key ?? 'unknown',
          label: r.label ?? r.key ?? '未填写行业',
          count: r.count,
        })),
        openByVendor: [...vendors.entries()]
          .map(([key, v]) => ({ key, label: v.label, count: v.count }))
          .sort((a, b) => b.count - a.count)
          .slice(0, 20),
        meanTimeToRemediateDays: await repo.meanTimeToRemediate(scope, since).then((d) => (d === null ? null : Math.round(d * 10) / 10)),
        slaCompliance: {
          closedWithinSla: ratio(sla.closed_in_time, sla.closed),
          openNotOverdue: ratio(sla.open - sla.overdue, sla.open),
          overdue: sla.overdue,
        },
        monthly: await repo.monthly(scope, since, now),
        mostExposedProducts: (await repo.mostExposedProducts(scope, 10)).map((r) => ({
          vendor: r.vendor,
          product: r.product,
          assets: r.assets,
          openFindings: r.open_findings,
        })),
        exposureByDistrict: (await repo.exposureByDistrict(scope)).map((r) => ({
          districtId: r.district_id,
          divisionCode: r.division_code,
          name: r.name,
          openFindings: r.open_findings,
          enterprises: r.enterprises,
          assets: r.assets,
        })),
      };
    },
  };
}

export type StatsService = ReturnType<typeof createStatsService>;
