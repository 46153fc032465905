import {
  type Dashboard,
  type DashboardDistrict,
  type DashboardQuery,
  drillDownRoute,
  INDICATOR_GROUPS,
  PLAN_START,
  PROJECT_STATES,
  type PublicDashboard,
  REGISTRATION_STATES,
} from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { Clock } from '../../platform/clock.js';
import { fieldError, refusal } from '../../platform/errors.js';
import { figuresReach, type IndicatorService } from '../indicators/index.js';
import { createDashboardRepo, type DistrictRow } from './dashboard.repo.js';
import { overallProgress, rankByValue, reportPeriods, sparklineDates } from './logic/dashboard-figures.js';

export interface DashboardServiceDeps {
  db: Db;
  clock: Clock;
  indicators: Pick<IndicatorService, 'overview'>;
}

/** The data set whose completeness the dashboard summarises (seeded by the reporting module). */
const MONTHLY_REPORT = 'DISTRICT_MONTHLY';
/** The map and ranking show the 5G base stations unless another indicator is chosen. */
const DEFAULT_MAP_INDICATOR = 'T-INF-1';

/**
 * The anonymous reader of the public dashboard: it may read indicator figures city-wide and
 * nothing else; it never reaches a route (the public route builds it itself).
 */
const PUBLIC_READER: Actor = {
  userId: null,
  name: 'public',
  role: 'city_analyst',
  orgId: 'public',
  districtId: null,
  scope: 'city',
  permissions: ['indicator:read'],
  via: 'system',
  requestId: null,
  clientIp: null,
};

type Figures = Omit<Dashboard, 'scope'>;

/** How many distinct (scope, day, map indicator) payloads are kept. */
const CACHE_SIZE = 64;

/** 驾驶舱 (issue #4 item 6): one payload with every figure of the page, aggregated in SQL. */
export function createDashboardService(deps: DashboardServiceDeps) {
  const repo = createDashboardRepo(deps.db);
  const today = () => deps.clock.now().toISOString().slice(0, 10);

  /** City users see the city or a district they pick; a district officer is pinned to its own. */
  function districtFor(actor: Actor, requested: string | undefined): string | null {
    const reach = figuresReach(actor);
    if (reach.kind === 'city') return requested ?? null;
    if (reach.kind === 'district') {
      if (requested && requested !== reach.districtId)
        throw refusal('FORBIDDEN', 'dashboard.own_district_only', 'district officers see their own district only');
      return reach.districtId;
    }
    throw refusal('FORBIDDEN', 'dashboard.city_district_only', 'the dashboard is for city and district users');
  }

  // The page is read far more often than the programme changes, and the public page is the same
  // for everybody: keep each payload with the WAL position it was computed at, and reuse it only
  // while nothing has been written since (any commit moves the position), so it is never stale.
  const cache = new Map<string, { lsn: string; figures: Figures }>();
  async function cachedFigures(actor: Actor, districtId: string | null, asOf: string, mapCode: string | undefined): Promise<Figures> {
    const key = `${districtId ?? 'city'}|${asOf}|${mapCode ?? ''}`;
    const lsn = await repo.walPosition();
    const hit = cache.get(key);
    if (hit && hit.lsn === lsn) return hit.figures;
    const computed = await figures(actor, districtId, asOf, mapCode);
    cache.delete(key);
    cache.set(key, { lsn, figures: computed });
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
    return computed;
  }

  async function figures(actor: Actor, districtId: string | null, asOf: string, mapCode: string | undefined): Promise<Figures> {
    const dates = sparklineDates(PLAN_START, asOf);
    const periods = reportPeriods(PLAN_START, asOf);
    // One wave of statements: the query's district is a UUID, so the figures may be computed while
    // it is being checked. Every figure comes from the indicators module's batch: the same values
    // as GET /api/indicators.
    const [codes, districts, overview, pipeline, registrations] = await Promise.all([
      repo.indicatorCodes(),
      repo.districts(),
      deps.indicators.overview(
        actor,
        { district: districtId ?? undefined, asOf },
        dates.map((d) => d.date),
      ),
      repo.pipeline(districtId),
      repo.registrations(MONTHLY_REPORT, periods.from, periods.to, districtId),
    ]);
    if (mapCode && !codes.has(mapCode)) {
      throw fieldError('VALIDATION_FAILED', 'mapIndicator', 'exists', `no indicator has the code ${mapCode}`);
    }
    if (districtId && !districts.some((d) => d.id === districtId)) {
      throw fieldError('VALIDATION_FAILED', 'district', 'exists', 'not one of the 11 districts');
    }
    const list = overview.indicators;
    const inScope = districtId ? districts.filter((d) => d.id === districtId) : districts;
    /** The last twelve month-end values. */
    const sparklines = list.map((i) => dates.map((d) => ({ period: d.period, value: overview.valueOn(i.code, d.date, null) })));
    /** Each district's value at `asOf`, in the order of `inScope`. */
    const values = list.map((i) => (districtId ? [i.value] : inScope.map((d) => overview.valueOn(i.code, asOf, d.id))));
    const map = list.find((i) => i.code === (mapCode ?? DEFAULT_MAP_INDICATOR)) ?? list[0];
    const mapIndex = map ? list.indexOf(map) : -1;
    const mapValues = inScope.map((_, k) => (mapIndex >= 0 ? (values[mapIndex]?.[k] ?? null) : null));
    const ranks = rankByValue(mapValues);
    // The chosen indicator judged per district against its allocation (目标分解): 未分解 without one.
    const judged = inScope.map((d) => (map ? overview.districtFigure(map.code, d.id) : null));

    return {
      asOf,
      districtId,
      groups: INDICATOR_GROUPS.map((group) => ({
        group,
        indicators: list.flatMap((i, k) =>
          i.group === group
            ? [
                {
                  code: i.code,
                  nameZh: i.nameZh,
                  nameEn: i.nameEn,
                  group: i.group,
                  unit: i.unit,
                  target: i.target,
                  targetDate: i.targetDate,
                  value: i.value,
                  progress: i.progress,
                  expected: i.expected,
                  status: i.status,
                  sparkline: sparklines[k] ?? [],
                  drillDown: drillDownRoute(i.code, districtId, asOf),
                },
              ]
            : [],
        ),
      })),
      pipeline: {
        total: pipeline.reduce((n, r) => n + r.count, 0),
        byState: PROJECT_STATES.map((state) => ({ state, count: pipeline.find((r) => r.state === state)?.count ?? 0 })),
      },
      mapIndicator: map?.code ?? null,
      districts: inScope.map(
        (d, k): DashboardDistrict => ({
          ...d,
          value: mapValues[k] ?? null,
          overallProgress: overallProgress(
            list.map((i, n) => ({ value: values[n]?.[k] ?? null, target: i.target, additive: i.kind !== 'formula' })),
            districts.length,
          ),
          rank: ranks[k] ?? null,
          target: judged[k]?.allocation?.target ?? null,
          status: judged[k]?.status ?? 'no_data',
        }),
      ),
      reports: registrations.exists ? reportSummary(inScope, registrations.rows, periods) : null,
    };
  }

  return {
    async dashboard(actor: Actor, query: DashboardQuery): Promise<Dashboard> {
      const districtId = districtFor(actor, query.district);
      const result = await cachedFigures(actor, districtId, query.asOf ?? today(), query.mapIndicator);
      return { scope: districtId ? 'district' : 'city', ...result };
    },

    /** City-wide aggregate figures for anyone: no drill-down routes, nothing that names an enterprise or project. */
    async publicDashboard(query: Omit<DashboardQuery, 'district'>): Promise<PublicDashboard> {
      // Only indicators marked public: an administrator's new indicator stays internal until then.
      const visible = await repo.publicIndicatorCodes();
      if (query.mapIndicator && !visible.has(query.mapIndicator)) {
        throw fieldError('VALIDATION_FAILED', 'mapIndicator', 'public_only', `${query.mapIndicator} is not a public indicator`);
      }
      const result = await cachedFigures(PUBLIC_READER, null, query.asOf ?? today(), query.mapIndicator);
      return {
        ...result,
        scope: 'public',
        groups: result.groups.map((g) => ({
          group: g.group,
          indicators: g.indicators.filter((i) => visible.has(i.code)).map(({ drillDown: _, ...rest }) => rest),
        })),
      };
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;

function reportSummary(
  districts: DistrictRow[],
  rows: Array<{ period: string; orgId: string; state: string }>,
  periods: { from: string; to: string; periods: string[] },
): NonNullable<Dashboard['reports']> {
  const ids = new Set(districts.map((d) => d.id));
  const mine = rows.filter((r) => ids.has(r.orgId));
  const latest = mine.filter((r) => r.period === periods.to);
  const due = districts.length * periods.periods.length;
  return {
    dataSet: MONTHLY_REPORT,
    period: periods.to,
    from: periods.from,
    districts: districts.length,
    byState: REGISTRATION_STATES.map((state) => ({
      state,
      count: state === 'open' ? districts.length - latest.length : latest.filter((r) => r.state === state).length,
    })),
    completeness: due ? Math.round((mine.length / due) * 1000) / 1000 : 0,
  };
}
