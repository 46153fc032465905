import type { ForecastMethod } from '@suilian/contracts';
import type { Widen } from './widen';

/**
 * How an indicator's forecast value and reach date were made, from the server's `basis.method`
 * code and its numbers (`reachTrend` for a reach date on the trend line). zh-CN is the source of truth.
 */
export const zhCN = {
  methods: {
    linear_trend: '最近 {{points}} 个月数据的线性趋势外推',
    held_at_latest: '最近 {{points}} 个月数据的线性趋势外推；累计值不会下降，按最新值计',
    reached: '{{date}} 的数值已达到目标',
    away_from_target: '最近 {{points}} 个月的趋势持平或背离目标',
    too_slow: '按最近 {{points}} 个月的趋势，9999 年前达不到目标',
    insufficient_data: '无法预测：趋势至少需要 2 个月度数据，目前只有 {{points}} 个',
    same_date: '无法预测：数据都在同一日期',
  } satisfies Record<ForecastMethod, string>,
  reachTrend: '最近 {{points}} 个月数据的线性趋势与目标值相交之日',
};

export const enUS: Widen<typeof zhCN> = {
  methods: {
    linear_trend: 'Linear trend of the last {{points}} monthly values',
    held_at_latest: 'Linear trend of the last {{points}} monthly values, held at the latest value (a cumulative figure cannot fall)',
    reached: 'The value on {{date}} meets the target',
    away_from_target: 'The trend of the last {{points}} months is flat or heads away from the target',
    too_slow: 'At the trend of the last {{points}} months the target is not reached before 9999',
    insufficient_data: 'No forecast: a trend needs at least 2 monthly values, there are {{points}}',
    same_date: 'No forecast: the values share one date',
  },
  reachTrend: 'Where the linear trend of the last {{points}} monthly values meets the target',
};
