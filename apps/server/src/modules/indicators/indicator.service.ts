import {
  type DatedValue,
  type Indicator,
  type IndicatorRecords,
  type IndicatorSeries,
  type IndicatorStatus,
  PLAN_END,
  PLAN_START,
  statusWithForecast,
} from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { Clock } from '../../platform/clock.js';
import { fieldError, notFound, refusal } from '../../platform/errors.js';
import { type AllocationRow, createAllocationRepo } from './allocation.repo.js';
import { toAllocation } from './allocation.service.js';
import { createCounterRepo, isCounter } from './counter.repo.js';
import { drillLink, recordLink } from './drill-links.js';
import { measureBatch } from './indicator.batch.js';
import { type Catalogue, createMeasurer, loadCatalogue, type Measured, type Measurer } from './indicator.measure.js';
import { figuresReach } from './indicator.policy.js';
import { createIndicatorRepo, type IndicatorRow, parseReportedCounter } from './indicator.repo.js';
import { assessPace, createPlan, expectedAt, forecastAt, forecastReachDate, type PacePlan } from './logic/index.js';
import { monthEnds } from './months.js';

export interface IndicatorServiceDeps {
  db: Db;
  clock: Clock;
}

interface Query {
  district?: string | undefined;
  asOf?: string | undefined;
}

/** Indicator values and pace (issue #4 items 1–3), city-wide or per district, and the records behind them (item 6). */
export function createIndicatorService(deps: IndicatorServiceDeps) {
  const repo = createIndicatorRepo(deps.db);
  const today = () => deps.clock.now().toISOString().slice(0, 10);

  /** A district officer sees its own district; city roles choose. */
  function districtFor(actor: Actor, requested: string | undefined): string | null {
    const reach = figuresReach(actor);
    if (reach.kind === 'city') return requested ?? null;
    if (reach.kind === 'district') {
      if (requested && requested !== reach.districtId)
        throw fieldError('VALIDATION_FAILED', 'district', 'scope', 'district officers see their own district');
      return reach.districtId;
    }
    throw refusal('FORBIDDEN', 'indicator.city_district_only', 'indicators are for city and district users');
  }

  /**
   * A stock (cumulative) target without a stated baseline starts from what was there when the
   * plan started — the first reported value — not from zero.
   */
  async function withBaseline(row: IndicatorRow, districtId: string | null, measurer: Measurer): Promise<IndicatorRow> {
    if (!needsBaseline(row, districtId)) return row;
    // A monthly report counts from its month, so the plan's first month is the starting stock.
    const first = (await measurer.measure(row, row.baselineDate, districtId)).value;
    return first === null ? row : { ...row, baseline: first };
  }

  /** The allocations in force for a district, by indicator code (none for city-wide figures). */
  async function allocationsOf(districtId: string | null): Promise<Map<string, AllocationRow>> {
    if (!districtId) return new Map();
    return new Map((await createAllocationRepo(deps.db).current({ districtId })).map((r) => [r.indicatorCode, r]));
  }

  /** Every allocation in force, by `code|districtId` (a small table: one row per target and district). */
  async function allAllocations(): Promise<Map<string, AllocationRow>> {
    return new Map((await createAllocationRepo(deps.db).current({})).map((r) => [`${r.indicatorCode}|${r.districtId}`, r]));
  }

  /** A district's row judged against its allocation: the allocated target in place of the city's. */
  function allocatedRow(row: IndicatorRow, allocation: AllocationRow | undefined): IndicatorRow {
    return allocation ? { ...row, target: toAllocation(allocation, row.target).target } : row;
  }

  /**
   * The figure as the API shows it. For a district, the target is its allocation (目标分解) and
   * progress, pace and status are judged against it; without one the status is 未分解
   * (`unallocated`), never 滞后 against the whole city's target (issue #12 item 5).
   */
  function present(
    cityRow: IndicatorRow,
    measured: Measured,
    asOf: string,
    districtId: string | null,
    history: DatedValue[],
    allocationRow?: AllocationRow,
  ): Indicator {
    const allocation = districtId && allocationRow ? toAllocation(allocationRow, cityRow.target) : null;
    const row = allocation ? { ...cityRow, target: allocation.target } : cityRow;
    const plan = planOf(row);
    const { value } = measured;
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
      progress: value === null || row.target === 0 ? null : Math.round((value / row.target) * 10_000) / 10_000,
      expected: Math.round(expected * 100) / 100,
      // 未分解 judges nothing but pace: a district without a value says 无数据 whether or not it has an allocation.
      status: districtId && !allocation && value !== null ? 'unallocated' : statusOf(plan, row, value, asOf, history),
      definition: row.definitionZh,
      definitionEn: row.definitionEn,
      reason: measured.reason,
      isPlanTarget: row.isPlanTarget,
      isPublic: row.isPublic,
      drillDown: drillLink(row.code, districtId),
      ...(districtId ? { allocation } : {}),
    };
  }

  async function one(actor: Actor, code: string, query: Query) {
    const districtId = districtFor(actor, query.district);
    const catalogue = await loadCatalogue(deps.db);
    const found = catalogue.indicators.get(code) ?? (await repo.findByCode(code));
    if (!found) throw notFound('indicator');
    const measurer = createMeasurer(deps.db, catalogue);
    const row = await withBaseline(found, districtId, measurer);
    const asOf = query.asOf ?? today();
    const months = monthEnds(PLAN_START, asOf).map((m) => m.date);
    const value = await measureBatch(deps.db, catalogue, [row], months, districtId);
    const history = observedOn(months, (date) => value(row, date, null).value);
    return {
      row,
      districtId,
      asOf,
      measurer,
      catalogue,
      indicator: present(
        row,
        await measurer.measure(row, asOf, districtId),
        asOf,
        districtId,
        history,
        (await allocationsOf(districtId)).get(row.code),
      ),
    };
  }

  /**
   * Every indicator as in `list`, and any indicator's value on `asOf` or any of `dates`, for the
   * scope or any district in it — from one batch (two grouped statements, formulas in memory), so
   * the dashboard's figures are the list's figures by construction.
   */
  async function overview(actor: Actor, query: Query, dates: string[]) {
    const districtId = districtFor(actor, query.district);
    const asOf = query.asOf ?? today();
    const catalogue = await loadCatalogue(deps.db);
    const all = [...catalogue.indicators.values()];
    // Cumulative stocks measured from their first value: for the scope, and for any district in it.
    const baselineDates = all.filter((row) => row.kind === 'cumulative').map((row) => row.baselineDate);
    const allocations = await allAllocations();
    // Month ends since the plan started: the history the reach forecast is fitted to (status agrees with it).
    const months = monthEnds(PLAN_START, asOf).map((m) => m.date);
    const value = await measureBatch(deps.db, catalogue, all, [asOf, ...dates, ...baselineDates, ...months], districtId);
    /** The figure of `found` for the scope (`district` null) or one district in it, judged against its allocation. */
    const figureOf = (found: IndicatorRow, district: string | null) => {
      const at = district === districtId ? null : district;
      const judged = district ?? districtId;
      const first = needsBaseline(found, judged) ? value(found, found.baselineDate, at).value : null;
      const row = first === null ? found : { ...found, baseline: first };
      const history = observedOn(months, (date) => value(row, date, at).value);
      return present(row, value(row, asOf, at), asOf, judged, history, judged ? allocations.get(`${row.code}|${judged}`) : undefined);
    };
    const indicators = all.map((found) => figureOf(found, null));
    return {
      indicators,
      /**
       * One indicator's figure for one district in the scope: its value, and its target, progress and
       * status judged against the district's allocation (未分解 without one) — the ranking's status.
       */
      districtFigure(code: string, district: string): Indicator | null {
        const row = catalogue.indicators.get(code);
        if (!row) return null;
        if (districtId && district !== districtId) throw new Error(`district ${district} is outside the scope`);
        return figureOf(row, district);
      },
      /** The value on `asOf` or one of `dates`, for the scope (null) or one district in it. */
      valueOn(code: string, date: string, district: string | null): number | null {
        const row = catalogue.indicators.get(code);
        if (!row) return null;
        if (districtId && district && district !== districtId) throw new Error(`district ${district} is outside the scope`);
        return value(row, date, district === districtId ? null : district).value;
      },
    };
  }

  return {
    async list(actor: Actor, query: Query): Promise<Indicator[]> {
      return (await overview(actor, query, [])).indicators;
    },

    overview,

    async get(actor: Actor, code: string, query: Query): Promise<Indicator> {
      return (await one(actor, code, query)).indicator;
    },

    /** Month-end values from the plan's first month to `asOf`, with the milestone path beside them. */
    async series(actor: Actor, code: string, query: Query): Promise<IndicatorSeries> {
      const districtId = districtFor(actor, query.district);
      const catalogue = await loadCatalogue(deps.db);
      const found = catalogue.indicators.get(code) ?? (await repo.findByCode(code));
      if (!found) throw notFound('indicator');
      const measurer = createMeasurer(deps.db, catalogue);
      const allocation = (await allocationsOf(districtId)).get(code);
      // A district's path and reach are judged against its allocation (目标分解); none: nothing to reach.
      const row = allocatedRow(await withBaseline(found, districtId, measurer), allocation);
      const plan = planOf(row);
      const months = monthEnds(PLAN_START, query.asOf ?? today());
      const value = await measureBatch(
        deps.db,
        catalogue,
        [row],
        months.map((m) => m.date),
        districtId,
      );
      const points = months.map(({ period, date }) => ({
        period,
        date,
        value: value(row, date, null).value,
        expected: Math.round(expectedAt(plan, date) * 100) / 100,
      }));
      const observed = points.flatMap((p) => (p.value === null ? [] : [{ date: p.date, value: p.value }]));
      const forecast = forecastAt(plan, observed, { date: PLAN_END });
      return {
        code: row.code,
        districtId,
        points,
        forecast: { ...forecast, value: forecast.value === null ? null : Math.round(forecast.value * 100) / 100 },
        reach: forecastReachDate(plan, observed),
        ...(districtId ? { allocation: allocation ? toAllocation(allocation, found.target) : null } : {}),
      };
    },

    /**
     * The records behind a value (issue #4 item 6): the matching records of a record counter, the
     * reported values of a data element by district and period, or a formula's operands. What the
     * whole list adds up to (`sum`) is the value itself.
     */
    async records(actor: Actor, code: string, query: Query & { page: number; pageSize: number }): Promise<IndicatorRecords> {
      const { row, districtId, asOf, measurer, catalogue, indicator } = await one(actor, code, query);
      const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
      const base = {
        indicator,
        counter: null,
        element: null,
        formula: null,
        page: query.page,
        pageSize: query.pageSize,
        records: [],
        pending: [],
        pendingTotal: 0,
        dataValues: [],
        operands: [],
      };
      if (row.kind === 'formula') {
        const operands = await measurer.operandsOf(row, asOf, districtId);
        return {
          ...base,
          basis: 'operands',
          formula: row.formula,
          total: operands.length,
          sum: indicator.value,
          operands: operands.map((o) => operandOf(o, catalogue, asOf, districtId)),
        };
      }
      const reported = parseReportedCounter(row.counter);
      if (reported) {
        const element = catalogue.elements.get(reported.element) ?? null;
        const [total, items] = await Promise.all([
          repo.reportedCount(reported.how, reported.element, asOf, districtId),
          repo.reportedList(reported.how, reported.element, asOf, districtId, page),
        ]);
        return { ...base, basis: 'data_values', element, total, sum: indicator.value, dataValues: items };
      }
      if (!row.counter || !isCounter(row.counter)) return { ...base, basis: 'records', total: 0, sum: null };
      const counters = createCounterRepo(deps.db);
      const [count, items, pending] = await Promise.all([
        counters.count(row.counter, asOf, districtId),
        counters.list(row.counter, asOf, districtId, page),
        counters.pending(row.counter, asOf, districtId, { limit: 50, offset: 0 }),
      ]);
      const linked = (list: typeof items) =>
        list.map(({ ref, ...item }) => ({ ...item, link: recordLink(item.kind, item.id, ref, item.title) }));
      return {
        ...base,
        basis: 'records',
        counter: row.counter,
        total: count.rows,
        sum: count.value,
        records: linked(items),
        // Declared, not yet confirmed by the district: listed apart, not counted (issue #12 item 5).
        pending: linked(pending.items),
        pendingTotal: pending.rows,
      };
    },
  };
}

export type IndicatorService = ReturnType<typeof createIndicatorService>;

/** A stock (cumulative) target without a stated baseline: it starts from its value on the baseline date. */
/**
 * Whether the baseline is measured rather than stated: a cumulative counter without a stated one,
 * and — since a district is judged against its own allocation (issue #12 item 5) — any cumulative
 * stock for one district (the city's stated baseline is the city's stock, not the district's).
 */
function needsBaseline(row: IndicatorRow, districtId: string | null = null): boolean {
  if (row.kind !== 'cumulative') return false;
  return (row.baseline === 0 && Boolean(row.counter)) || districtId !== null;
}

function operandOf(
  o: Awaited<ReturnType<Measurer['operandsOf']>>[number],
  catalogue: Catalogue,
  asOf: string,
  districtId: string | null,
): IndicatorRecords['operands'][number] {
  if (o.reference.kind === 'indicator') {
    const ind = catalogue.indicators.get(o.reference.code);
    return {
      reference: o.key,
      kind: 'indicator',
      code: o.reference.code,
      nameZh: ind?.nameZh ?? o.reference.code,
      nameEn: ind?.nameEn ?? o.reference.code,
      aggregation: null,
      value: o.value,
      link: `${drillLink(o.reference.code, districtId)}${districtId ? '&' : '?'}asOf=${asOf}`,
    };
  }
  const el = catalogue.elements.get(o.reference.code);
  return {
    reference: o.key,
    kind: 'dataElement',
    code: o.reference.code,
    nameZh: el?.nameZh ?? o.reference.code,
    nameEn: el?.nameEn ?? o.reference.code,
    aggregation: el?.aggregation ?? null,
    value: o.value,
    link: null,
  };
}

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

/**
 * Pace from logic/pace (the gain made against the gain expected), plus "achieved" and "no data";
 * on track only if the reach forecast over the month-end `history` meets the target date too
 * (contracts' statusWithForecast, issue #12 item 5) — the series' `reach` is the same forecast.
 */
function statusOf(plan: PacePlan, row: IndicatorRow, value: number | null, asOf: string, history: DatedValue[]): IndicatorStatus {
  if (value === null) return 'no_data';
  if (value >= row.target) return 'achieved';
  const pace = assessPace(plan, value, asOf).status;
  return pace === 'on_track' ? statusWithForecast(pace, forecastReachDate(plan, history), row.targetDate) : pace;
}

/** The month-end values that exist, as the forecast takes them. */
function observedOn(dates: string[], valueOn: (date: string) => number | null): DatedValue[] {
  return dates.flatMap((date) => {
    const value = valueOn(date);
    return value === null ? [] : [{ date, value }];
  });
}
