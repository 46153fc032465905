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

/**
 * Two derived indicators of our own (not the plan's), to show formulas over reported data and over
 * other indicators. Their targets are reference values administrators can change in 指标管理.
 */
const DERIVED: Array<SeedIndicator & { formula: string | null }> = [
  {
    code: 'X-INF-5GA-SHARE',
    group: 'infrastructure',
    nameZh: '5G-A基站占5G基站比例',
    nameEn: 'Share of 5G-A sites in all 5G base stations',
    unit: '%',
    kind: 'formula',
    source: 'data_elements',
    comparator: 'at_least',
    target: 10,
    counter: null,
    formula: '#{BS5GA} / #{BS5G_TOTAL} * 100',
    definitionZh: '各区报送的5G-A基站累计数之和 ÷ 5G基站累计数之和 × 100（非规划指标，参考目标10%）',
    definitionEn: 'Reported 5G-A sites ÷ reported 5G base stations × 100, both as the latest figures (not a plan target; reference 10%)',
  },
  {
    code: 'X-INF-PRIVNET-PER-1K',
    group: 'infrastructure',
    nameZh: '每千个5G基站新建5G专网数',
    nameEn: 'New 5G private networks per 1,000 5G base stations',
    unit: '个/千站',
    kind: 'formula',
    source: 'indicators',
    comparator: 'at_least',
    // The plan's two targets together: 150 networks on 120,000 base stations.
    target: 1.25,
    counter: null,
    formula: 'I{T-INF-3} / I{T-INF-1} * 1000',
    definitionZh: 'T-INF-3 新建5G专网 ÷ T-INF-1 5G基站累计 × 1000（非规划指标；目标为两项规划目标之比 150 ÷ 120000 × 1000）',
    definitionEn:
      'T-INF-3 new private networks ÷ T-INF-1 5G base stations × 1,000 (not a plan target; the target is the ratio of the two plan targets)',
  },
  // Identifier resolution (标识解析) statistics, next to the plan's targets; reference targets.
  {
    code: 'X-HDL-REG',
    group: 'infrastructure',
    nameZh: '标识注册量',
    nameEn: 'Identifier registrations',
    unit: '个',
    kind: 'record_count',
    source: 'records',
    comparator: 'at_least',
    target: 1_000_000,
    counter: 'handle_registrations',
    formula: null,
    definitionZh: '规划期内各前缀每日标识注册量之和；区级按前缀所属企业所在区统计（非规划指标，参考目标100万）',
    definitionEn:
      'Identifiers registered under each prefix per day since the plan started, summed; by district through the prefix owner (not a plan target; reference 1,000,000)',
  },
  {
    code: 'X-HDL-RES',
    group: 'infrastructure',
    nameZh: '标识解析量',
    nameEn: 'Identifier resolutions',
    unit: '次',
    kind: 'record_count',
    source: 'records',
    comparator: 'at_least',
    target: 10_000_000,
    counter: 'handle_resolutions',
    formula: null,
    definitionZh: '规划期内各前缀每日标识解析次数之和；区级按前缀所属企业所在区统计（非规划指标，参考目标1000万）',
    definitionEn:
      'Resolutions of identifiers under each prefix per day since the plan started, summed; by district through the prefix owner (not a plan target; reference 10,000,000)',
  },
];

/** Adds the plan's targets (and the derived examples) that are missing; never overwrites an indicator administrators edited. */
export async function seedIndicators(db: DbOrTx, now: Date): Promise<number> {
  const common = { baseline: 0, baselineDate: PLAN_START, targetDate: PLAN_END, thresholds: { atRisk: 0.9, behind: 0.75 }, updatedAt: now };
  const plan = readPlanTargets().map((t, index) => ({ ...t, ...common, sortOrder: index * 10, isPlanTarget: true, isPublic: true }));
  const derived = DERIVED.map((t, index) => ({ ...t, ...common, sortOrder: 500 + index * 10, isPlanTarget: false, isPublic: true }));
  return createIndicatorRepo(db).insertIfMissing([...plan, ...derived]);
}
