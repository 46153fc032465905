import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLAN_END, PLAN_START } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import { REFERENCE_DIR } from '../../platform/paths.js';
import { createIndicatorRepo } from './indicator.repo.js';
import type { indicator } from './indicator.table.js';

type SeedIndicator = Pick<
  typeof indicator.$inferInsert,
  | 'code'
  | 'group'
  | 'nameZh'
  | 'nameEn'
  | 'unit'
  | 'kind'
  | 'source'
  | 'comparator'
  | 'target'
  | 'counter'
  | 'definitionZh'
  | 'definitionEn'
>;

/** The plan's 16 targets from reference/indicators.json. */
export function readPlanTargets(dir = REFERENCE_DIR): SeedIndicator[] {
  return (JSON.parse(readFileSync(join(dir, 'indicators.json'), 'utf8')) as { indicators: SeedIndicator[] }).indicators;
}

/** Adds the plan's targets that are missing; never overwrites an indicator administrators edited. */
export async function seedIndicators(db: DbOrTx, now: Date): Promise<number> {
  const rows = readPlanTargets().map((t, index) => ({
    ...t,
    baseline: 0,
    baselineDate: PLAN_START,
    targetDate: PLAN_END,
    thresholds: { atRisk: 0.9, behind: 0.75 },
    sortOrder: index * 10,
    isPlanTarget: true,
    updatedAt: now,
  }));
  return createIndicatorRepo(db).insertIfMissing(rows);
}
