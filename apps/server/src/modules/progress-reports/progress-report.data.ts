import type { IndicatorStatus, ProgressReportData } from '@suilian/contracts';
import type { Actor } from '../../platform/actor.js';
import type { IndicatorService } from '../indicators/index.js';
import type { OrganisationService } from '../organisations/index.js';
import type { ProjectService } from '../projects/index.js';
import { forecastMethodZh } from './forecast-wording.js';
import { quarterDates } from './quarter.js';

export interface ReportSources {
  indicators: Pick<IndicatorService, 'list' | 'series'>;
  projects: Pick<ProjectService, 'reachedBetween'>;
  organisations: Pick<OrganisationService, 'list'>;
}

/** Projects that reached these states in the quarter are the report's notable projects. */
const NOTABLE_STATES = ['built', 'accepted'] as const;

/**
 * Gathers a report's figures through the other modules' services, as `actor` (a city user) sees
 * them: the plan targets with pace and forecast as of `asOf`, the same per district, and the
 * projects built or accepted in the quarter. `step` is called after each unit of work.
 */
export async function collectReportData(
  sources: ReportSources,
  actor: Actor,
  quarter: string,
  asOf: string,
  step: (done: number, total: number) => void,
): Promise<ProgressReportData> {
  const districts = (await sources.organisations.list(actor, { kind: 'district', page: 1, pageSize: 200 })).items.sort((a, b) =>
    (a.divisionCode ?? '').localeCompare(b.divisionCode ?? ''),
  );
  const total = 3 + districts.length;
  let done = 0;
  const tick = () => step(++done, total);

  const targets = (await sources.indicators.list(actor, { asOf })).filter((i) => i.isPlanTarget ?? i.code.startsWith('T-'));
  tick();
  const series = await Promise.all(targets.map((t) => sources.indicators.series(actor, t.code, { asOf })));
  tick();
  const statusCounts: Record<string, number> = {};
  for (const t of targets) statusCounts[t.status] = (statusCounts[t.status] ?? 0) + 1;

  const perDistrict: Array<{
    district: (typeof districts)[number];
    values: Map<string, Awaited<ReturnType<ReportSources['indicators']['list']>>[number]>;
  }> = [];
  for (const d of districts) {
    const values = await sources.indicators.list(actor, { asOf, district: d.id });
    perDistrict.push({ district: d, values: new Map(values.map((v) => [v.code, v])) });
    tick();
  }
  // Show per district the targets that are measured per district at all (not city-only ones).
  const districtCodes = targets.map((t) => t.code).filter((code) => perDistrict.some((d) => d.values.get(code)?.value != null));

  const { start, end } = quarterDates(quarter);
  const dayAfter = new Date(Date.parse(`${end}T00:00:00Z`) + 86_400_000);
  const projects = await sources.projects.reachedBetween(actor, {
    states: [...NOTABLE_STATES],
    from: new Date(`${start}T00:00:00Z`),
    to: new Date(Math.min(dayAfter.getTime(), Date.parse(`${asOf}T00:00:00Z`) + 86_400_000)),
  });
  tick();

  return {
    quarter,
    asOf,
    targets: targets.map((t, i) => ({
      code: t.code,
      nameZh: t.nameZh,
      nameEn: t.nameEn,
      group: t.group,
      unit: t.unit,
      value: t.value,
      target: t.target,
      progress: t.progress,
      expected: t.expected,
      status: t.status,
      forecastValue: series[i]?.forecast.value ?? null,
      forecastMethod: series[i] ? forecastMethodZh(series[i].forecast.basis) : '',
      reachDate: series[i]?.reach.date ?? null,
    })),
    statusCounts,
    districtCodes,
    districts: perDistrict.map(({ district, values }) => ({
      id: district.id,
      name: district.name,
      nameEn: district.nameEn,
      indicators: districtCodes.map((code) => {
        const v = values.get(code);
        return {
          code,
          value: v?.value ?? null,
          expected: v?.expected ?? 0,
          progress: v?.progress ?? null,
          status: (v?.status ?? 'no_data') as IndicatorStatus,
        };
      }),
    })),
    projects: projects.map((p) => ({
      code: p.code,
      title: p.title,
      enterpriseName: p.enterpriseName,
      districtName: p.districtName,
      reachedState: p.reachedState,
      reachedAt: p.reachedAt,
    })),
  };
}
