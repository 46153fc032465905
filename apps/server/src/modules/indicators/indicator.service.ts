import { type Indicator, type IndicatorSeries, type IndicatorStatus, PLAN_START } from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { Clock } from '../../platform/clock.js';
import { fieldError, forbidden, notFound } from '../../platform/errors.js';
import { createIndicatorRepo, type IndicatorRow } from './indicator.repo.js';
import { expectedOn, monthEnds } from './pace.js';

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
    const expected = expectedOn(row, asOf);
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
      status: statusOf(row, value, expected),
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
      const points = [];
      for (const { period, date } of monthEnds(PLAN_START, query.asOf ?? today())) {
        points.push({ period, date, value: await measure(row, date, districtId), expected: Math.round(expectedOn(row, date) * 100) / 100 });
      }
      return { code: row.code, districtId, points };
    },
  };
}

export type IndicatorService = ReturnType<typeof createIndicatorService>;

function statusOf(row: IndicatorRow, value: number | null, expected: number): IndicatorStatus {
  if (value === null) return 'no_data';
  if (value >= row.target) return 'achieved';
  if (expected <= 0) return 'on_track';
  const share = value / expected;
  if (share < row.thresholds.behind) return 'behind';
  if (share < row.thresholds.atRisk) return 'at_risk';
  return 'on_track';
}
