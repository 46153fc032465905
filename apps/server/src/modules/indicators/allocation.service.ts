import { type Allocation, allocatedTarget, type IndicatorAllocations, type SetAllocations } from '@suilian/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { fieldError, notFound } from '../../platform/errors.js';
import { type AllocationRow, createAllocationRepo } from './allocation.repo.js';
import { indicatorPolicy } from './indicator.policy.js';
import { createIndicatorRepo } from './indicator.repo.js';

export interface AllocationServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
}

/** An allocation row in force as the API shows it, with the district target it sets. */
export function toAllocation(row: AllocationRow, cityTarget: number): Allocation {
  const mode = row.mode ?? 'absolute';
  const amount = row.amount ?? 0;
  return {
    districtId: row.districtId,
    mode,
    amount,
    target: allocatedTarget(mode, amount, cityTarget),
    version: row.version,
    by: row.createdBy,
    at: row.createdAt.toISOString(),
  };
}

/**
 * 目标分解 (issue #12 item 5): city administrators (indicator:manage) allocate an indicator's target
 * to the districts; each change is a new version (who, when) and an audit entry. Everyone who
 * reads indicators reads the allocations (a district officer its own figures are judged against).
 */
export function createAllocationService(deps: AllocationServiceDeps) {
  async function load(db: DbOrTx, code: string): Promise<IndicatorAllocations> {
    const indicator = await createIndicatorRepo(db).findByCode(code);
    if (!indicator) throw notFound('indicator');
    const repo = createAllocationRepo(db);
    const [districts, current, history] = await Promise.all([repo.districts(), repo.current({ code }), repo.history(code)]);
    const byDistrict = new Map(current.map((r) => [r.districtId, toAllocation(r, indicator.target)]));
    return {
      code,
      cityTarget: indicator.target,
      districts: districts.map((d) => ({
        districtId: d.id,
        divisionCode: d.divisionCode,
        name: d.name,
        nameEn: d.nameEn,
        allocation: byDistrict.get(d.id) ?? null,
      })),
      allocatedTotal: Math.round([...byDistrict.values()].reduce((n, a) => n + a.target, 0) * 100) / 100,
      history: history.map((r) => ({
        districtId: r.districtId,
        mode: r.mode,
        amount: r.amount,
        version: r.version,
        by: r.createdBy,
        at: r.createdAt.toISOString(),
      })),
    };
  }

  return {
    async get(actor: Actor, code: string): Promise<IndicatorAllocations> {
      indicatorPolicy.authorize(actor, 'read');
      return load(deps.db, code);
    },

    async set(actor: Actor, code: string, input: SetAllocations): Promise<IndicatorAllocations> {
      indicatorPolicy.authorize(actor, 'manage');
      return deps.db.transaction(async (tx) => {
        const before = await load(tx, code);
        const repo = createAllocationRepo(tx);
        const known = new Set(before.districts.map((d) => d.districtId));
        const now = deps.clock.now();
        for (const [i, item] of input.items.entries()) {
          if (!known.has(item.districtId)) {
            throw fieldError('VALIDATION_FAILED', `items.${i}.districtId`, 'exists', 'not one of the districts');
          }
          const current = before.districts.find((d) => d.districtId === item.districtId)?.allocation ?? null;
          const unchanged = item.amount === null ? current === null : current?.mode === item.mode && current.amount === item.amount;
          if (unchanged) continue;
          await repo.insert({
            indicatorCode: code,
            districtId: item.districtId,
            mode: item.amount === null ? null : item.mode,
            amount: item.amount,
            version: (await repo.lastVersion(code, item.districtId)) + 1,
            createdBy: actor.name,
            createdAt: now,
          });
        }
        const after = await load(tx, code);
        await deps.audit.append(tx, actor, {
          action: 'indicator.allocate',
          entityType: 'indicator',
          entityId: code,
          before: before.districts.map((d) => ({ districtId: d.districtId, allocation: d.allocation })),
          after: after.districts.map((d) => ({ districtId: d.districtId, allocation: d.allocation })),
        });
        return after;
      });
    },
  };
}

export type AllocationService = ReturnType<typeof createAllocationService>;
