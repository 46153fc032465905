import type { DbOrTx } from '../../db/client.js';
import { createAllocationRepo } from './allocation.repo.js';

/**
 * Each district's share of the city target, in percent, by GB/T 2260 code: weighted toward the
 * manufacturing districts (黄埔, 番禺, 白云, 花都, 增城, 南沙) the plan leans on. Sums to 100.
 */
const DEMO_SHARES: Readonly<Record<string, number>> = {
  '440103': 5,
  '440104': 4,
  '440105': 6,
  '440106': 8,
  '440111': 11,
  '440112': 18,
  '440113': 13,
  '440114': 10,
  '440115': 10,
  '440117': 5,
  '440118': 10,
};

/**
 * The plan targets the demo city has broken down to the districts (目标分解, issue #12 item 5); the
 * others stay unallocated, so a newcomer sees both a district judged against its share and 未分解
 * (T-APP-2 among them: the allocation e2e allocates it in the console).
 */
export const DEMO_ALLOCATED_TARGETS = ['T-INF-1', 'T-INF-3', 'T-APP-1', 'T-APP-3'] as const;

/** Writes version 1 of the demo allocations; returns how many rows it wrote. */
export async function loadAllocationDemo(
  tx: DbOrTx,
  input: { now: Date; districtByCode: ReadonlyMap<string, string>; createdBy: string },
): Promise<number> {
  const repo = createAllocationRepo(tx);
  let written = 0;
  for (const code of DEMO_ALLOCATED_TARGETS) {
    for (const [divisionCode, share] of Object.entries(DEMO_SHARES)) {
      const districtId = input.districtByCode.get(divisionCode);
      if (!districtId) continue;
      await repo.insert({
        indicatorCode: code,
        districtId,
        mode: 'share',
        amount: share,
        version: 1,
        createdBy: input.createdBy,
        createdAt: input.now,
      });
      written++;
    }
  }
  return written;
}
