import type { ForecastBasis } from '@suilian/contracts';
import type { TFunction } from 'i18next';
import { formatDate } from '../../shared/format';

/**
 * How a forecast value (`forecast`) or reach date (`reach`) was made, in the console's language,
 * from the server's method code — not its English `method` sentence.
 */
export function forecastMethodText(t: TFunction, basis: ForecastBasis, kind: 'forecast' | 'reach'): string {
  const params = { points: basis.points ?? 0, months: basis.months ?? 0, date: basis.date ? formatDate(basis.date) : '' };
  if (kind === 'reach' && basis.method === 'linear_trend') return t('forecast.reachTrend', params);
  return t(`forecast.methods.${basis.method}`, params);
}
