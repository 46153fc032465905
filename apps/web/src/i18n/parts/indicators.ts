import type { INDICATOR_GROUPS, IndicatorStatus } from '@suilian/contracts';
import type { Widen } from './widen';

/** Console messages for indicators and targets. zh-CN is the source of truth. */
export const zhCN = {
  indicatorGroups: {
    infrastructure: '基础设施',
    application: '行业应用',
    ecosystem: '产业生态',
    public_service: '公共服务',
  } satisfies Record<(typeof INDICATOR_GROUPS)[number], string>,
  indicatorStatuses: {
    on_track: '正常',
    at_risk: '预警',
    behind: '滞后',
    achieved: '已完成',
    no_data: '无数据',
    unallocated: '未分解',
  } satisfies Record<IndicatorStatus, string>,
  targets: {
    title: '目标进度',
    asOf: '截至 {{date}}',
    city: '全市',
    method:
      '竖线为按进度应达值：从基线到 2027-12-31 目标的里程碑路径（默认直线）。进度按基线以来的增量与应达增量之比判定：正常、预警、滞后。曲线为月度实际值，虚线为里程碑路径。',
    districtNote: '区级数值对照的是分解到本区的目标（目标分解）；尚未分解的目标显示“未分解”。',
    expectedMark: '按进度应达 {{value}} {{unit}}',
    expected: '应达 {{value}}',
    progress: '完成率 {{pct}}%',
    actual: '实际值',
    path: '里程碑路径',
    sparkline: '月度实际值与里程碑路径',
    forecast: '预测 {{date}}：{{value}} {{unit}}',
    noForecast: '数据不足，暂无预测',
    drillDown: '查看明细',
    statusCount: '{{status}} {{n}}',
    empty: '暂无指标。',
  },
};

export const enUS: Widen<typeof zhCN> = {
  indicatorGroups: {
    infrastructure: 'Infrastructure',
    application: 'Industry application',
    ecosystem: 'Industrial ecosystem',
    public_service: 'Public service',
  },
  indicatorStatuses: {
    on_track: 'On track',
    at_risk: 'At risk',
    behind: 'Behind',
    achieved: 'Achieved',
    no_data: 'No data',
    unallocated: 'Not allocated',
  },
  targets: {
    title: 'Target progress',
    asOf: 'As of {{date}}',
    city: 'City-wide',
    method:
      'The bar’s tick is where the milestone path (baseline to the 2027-12-31 target, straight by default) says the value should be by now. Pace compares the gain since the baseline with the gain expected: on track, at risk, behind. The curve is the monthly value, the dashed line the milestone path.',
    districtNote: 'District figures are judged against the target allocated to the district; a target not allocated shows “Not allocated”.',
    expectedMark: 'Expected by now: {{value}} {{unit}}',
    expected: 'Expected {{value}}',
    progress: '{{pct}}% of target',
    actual: 'Value',
    path: 'Milestone path',
    sparkline: 'Monthly value and milestone path',
    forecast: 'Forecast {{date}}: {{value}} {{unit}}',
    noForecast: 'Not enough data for a forecast',
    drillDown: 'Show records',
    statusCount: '{{status}} {{n}}',
    empty: 'No indicators.',
  },
};
