import { beforeAll, describe, expect, it } from 'vitest';
import { createTestI18n } from '../../i18n/testing';
import { forecastMethodText } from './forecastText';

let i18n: Awaited<ReturnType<typeof createTestI18n>>;
beforeAll(async () => {
  i18n = await createTestI18n();
});

describe('forecast method in words', () => {
  it('says the method from its code in either language', () => {
    const zh = i18n.getFixedT('zh-CN');
    const en = i18n.getFixedT('en-US');
    expect(forecastMethodText(zh, { method: 'linear_trend', months: 6, points: 4 }, 'forecast')).toBe('最近 4 个月数据的线性趋势外推');
    expect(forecastMethodText(en, { method: 'linear_trend', months: 6, points: 4 }, 'forecast')).toBe(
      'Linear trend of the last 4 monthly values',
    );
    expect(forecastMethodText(zh, { method: 'insufficient_data', months: 6, points: 1 }, 'reach')).toBe(
      '无法预测：趋势至少需要 2 个月度数据，目前只有 1 个',
    );
    expect(forecastMethodText(zh, { method: 'reached', date: '2026-01-31' }, 'reach')).toContain('2026-01-31');
    expect(forecastMethodText(zh, { method: 'linear_trend', months: 6, points: 5 }, 'reach')).toBe(
      '最近 5 个月数据的线性趋势与目标值相交之日',
    );
    expect(forecastMethodText(en, { method: 'away_from_target', months: 6, points: 3 }, 'reach')).toBe(
      'The trend of the last 3 months is flat or heads away from the target',
    );
  });
});
