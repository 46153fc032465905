import { type Indicator, type IndicatorSeries, type IndicatorStatus, PLAN_END, PLAN_START } from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { Clock } from '../../platform/clock.js';
import { fieldError, forbidden, notFound } from '../../platform/errors.js';
import { createIndicatorRepo, type IndicatorRow } from './indicator.repo.js';
import { assessPace, createPlan, expectedAt, forecastAt, forecastReachDate, type PacePlan } from './logic/index.js';
import { monthEnds } from './months.js';

export interface IndicatorServiceDeps {
  db: Db;
  clock: Clock;
}

/** Indicator values and pace (issue #4 items 1–3), city-wide or per district. */
export function createIndicatorService(deps: IndicatorServiceDeps) {
  const repo = createIndicatorRepo(deps.db);
  const today = () => deps.clock.now().toISOString().slice(0, 10);

  /** A district officer sees its own district; city roles choose. */
  function districtFor(actor: Actor, requested: string | undefined): string | null {
    if (!actor.permissions.includes('indicator:read')) throw forbidden('indicators need indicator:read');
    if (actor.scope === 'city') return requested ?? null;
    if (actor.scope === 'district' && actor.districtId) {
      if (requested && requested !== actor.districtId)
        throw fieldError('VALIDATION_FAILED', 'district', 'scope', 'district officers see their own district');
      return actor.districtId;
    }
    throw forbidden('indicators are for city and district users');
  }

  async function measure(row: IndicatorRow, asOf: string, districtId: string | null): Promise<number | null> {
    if (!row.counter) return null;
    return repo.count(row.counter, asOf, districtId);
  }

  /**
   * A stock (cumulative) target without a stated baseline starts from what was there when the
   * plan started — the first reported value — not from zero.
   */
  async function withBaseline(row: IndicatorRow, districtId: string | null): Promise<IndicatorRow> {
    if (row.kind !== 'cumulative' || row.baseline !== 0 || !row.counter) return row;
    // A monthly report counts from its month, so the plan's first month is the starting stock.
    const first = await repo.count(row.counter, row.baselineDate, districtId);
    return first === null ? row : { ...row, baseline: first };
  }

  function present(row: IndicatorRow, value: number | null, asOf: string, districtId: string | null): Indicator {
    const plan = planOf(row);
    const expected = expectedAt(plan, asOf);
    return {
      code: row.code,
      nameZh: row.nameZh,
      nameEn: row.nameEn,
      group: row.group,
      unit: row.unit,
      kind: row.kind,
      source: row.source,
      comparator: row.comparator,
      target: row.target,
      targetDate: row.targetDate,
      baseline: row.baseline,
      baselineDate: row.baselineDate,
      value,
      asOf,
      districtId,
      progress: value === null ? null : Math.round((value / row.target) * 10_000) / 10_000,
      expected: Math.round(expected * 100) / 100,
      status: statusOf(plan, row, value, asOf),
      definition: row.definitionZh,
      drillDown: null,
    };
  }

  return {
    async list(actor: Actor, query: { district?: string | undefined; asOf?: string | undefined }): Promise<Indicator[]> {
      const districtId = districtFor(actor, query.district);
      const asOf = query.asOf ?? today();
      const rows = await Promise.all((await repo.findAll()).map((row) => withBaseline(row, districtId)));
      const values = await Promise.all(rows.map((row) => measure(row, asOf, districtId)));
      return rows.map((row, i) => present(row, values[i] ?? null, asOf, districtId));
    },

    async get(actor: Actor, code: string, query: { district?: string | undefined; asOf?: string | undefined }): Promise<Indicator> {
      const districtId = districtFor(actor, query.district);
      const found = await repo.findByCode(code);
      if (!found) throw notFound('indicator');
      const row = await withBaseline(found, districtId);
      const asOf = query.asOf ?? today();
      return present(row, await measure(row, asOf, districtId), asOf, districtId);
    },

    /** Month-end values from the plan's first month to `asOf`, with the milestone path beside them. */
    async series(
      actor: Actor,
      code: string,
      query: { district?: string | undefined; asOf?: string | undefined },
    ): Promise<IndicatorSeries> {
      const districtId = districtFor(actor, query.district);
      const found = await repo.findByCode(code);
      if (!found) throw notFound('indicator');
      const row = await withBaseline(found, districtId);
      const plan = planOf(row);
      const points = [];
      for (const { period, date } of monthEnds(PLAN_START, query.asOf ?? today())) {
        points.push({
          period,
          date,
          value: await measure(row, date, districtId),
          expected: Math.round(expectedAt(plan, date) * 100) / 100,
        });
      }
      const observed = points.flatMap((p) => (p.value === null ? [] : [{ date: p.date, value: p.value }]));
      const forecast = forecastAt(plan, observed, { date: PLAN_END });
      return {
        code: row.code,
        districtId,
        points,
        forecast: { ...forecast, value: forecast.value === null ? null : Math.round(forecast.value * 100) / 100 },
        reach: forecastReachDate(plan, observed),
      };
    },
  };
}

export type IndicatorService = ReturnType<typeof createIndicatorService>;

function planOf(row: IndicatorRow): PacePlan {
  return createPlan({
    baseline: { date: row.baselineDate, value: row.baseline },
    target: { date: row.targetDate, value: row.target },
    milestones: row.milestones,
    thresholds: row.thresholds,
    // Counts and stocks only grow: the forecast never goes below the latest value.
    cumulative: row.kind !== 'formula',
  });
}

/** Pace from logic/pace (the gain made against the gain expected), plus "achieved" and "no data". */
function statusOf(plan: PacePlan, row: IndicatorRow, value: number | null, asOf: string): IndicatorStatus {
  if (value === null) return 'no_data';
  if (value >= row.target) return 'achieved';
  return assessPace(plan, value, asOf).status;
}
