import type { ForecastBasis, ForecastMethod } from '@suilian/contracts';

const METHODS: Record<ForecastMethod, (b: ForecastBasis) => string> = {
  linear_trend: (b) => `最近 ${b.points ?? 0} 个月数据的线性趋势外推`,
  held_at_latest: (b) => `最近 ${b.points ?? 0} 个月数据的线性趋势外推；累计值不会下降，按最新值计`,
  reached: (b) => `${b.date ?? ''} 的数值已达到目标`,
  away_from_target: (b) => `最近 ${b.points ?? 0} 个月的趋势持平或背离目标`,
  too_slow: (b) => `按最近 ${b.points ?? 0} 个月的趋势，9999 年前达不到目标`,
  insufficient_data: (b) => `无法预测：趋势至少需要 2 个月度数据，目前只有 ${b.points ?? 0} 个`,
  same_date: () => '无法预测：数据都在同一日期',
};

/**
 * The forecast method in Chinese for the progress report, which is a Chinese document: the API's
 * `method` sentence is English, so the wording is built from its `basis` code (the console words
 * the same codes in apps/web/src/i18n/parts/forecast.ts).
 */
export function forecastMethodZh(basis: ForecastBasis): string {
  return METHODS[basis.method](basis);
}
