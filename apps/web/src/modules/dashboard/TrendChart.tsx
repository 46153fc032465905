import type { DashboardIndicator } from '@suilian/contracts';
import { Empty, Flex, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import EChart, { pngToolbox } from '../../shared/charts/EChart';
import { ApiErrorAlert } from '../../shared/errors';
import { formatDate, formatNumber } from '../../shared/format';
import { forecastMethodText } from '../indicators';
import { useTrend } from './hooks';

/** An indicator's monthly values against the milestone path to the target, and the forecast, with its method in words. */
export default function TrendChart({
  indicator,
  district,
  asOf,
  name,
}: {
  indicator: DashboardIndicator;
  district: string | undefined;
  asOf: string | undefined;
  name: string;
}) {
  const { t } = useTranslation();
  const { data, error, isPending } = useTrend(indicator.code, district, asOf);
  const option = useMemo(() => {
    if (!data) return null;
    const observed = data.points.filter((p) => p.value !== null);
    const last = observed.at(-1);
    return {
      toolbox: pngToolbox(t('dashboard.exportPng'), `${indicator.code}-${t('dashboard.trend.title')}`),
      legend: { top: 0, left: 0 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? `${formatNumber(Math.round(v * 10) / 10)} ${indicator.unit}` : '—'),
      },
      grid: { left: 56, right: 24, top: 36, bottom: 28 },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', name: indicator.unit, scale: false },
      series: [
        {
          name: t('dashboard.trend.actual'),
          type: 'line',
          data: data.points.map((p) => [p.date, p.value]),
          showSymbol: true,
          symbolSize: 5,
          lineStyle: { width: 2, color: '#1677ff' },
          itemStyle: { color: '#1677ff' },
          markLine: {
            symbol: 'none',
            label: { formatter: t('dashboard.trend.target', { value: formatNumber(indicator.target) }), position: 'insideEndTop' },
            lineStyle: { color: '#52c41a', type: 'solid' },
            data: [{ yAxis: indicator.target }],
          },
        },
        {
          name: t('dashboard.trend.path'),
          type: 'line',
          data: [...data.points.map((p) => [p.date, p.expected]), [indicator.targetDate, indicator.target]],
          showSymbol: false,
          lineStyle: { width: 1, type: 'dashed', color: '#8c8c8c' },
          itemStyle: { color: '#8c8c8c' },
        },
        {
          name: t('dashboard.trend.forecast'),
          type: 'line',
          data:
            last && data.forecast.value !== null
              ? [
                  [last.date, last.value],
                  [data.forecast.date, data.forecast.value],
                ]
              : [],
          showSymbol: true,
          symbolSize: 5,
          lineStyle: { width: 2, type: 'dotted', color: '#fa8c16' },
          itemStyle: { color: '#fa8c16' },
        },
      ],
    };
  }, [data, indicator, t]);
  if (error) return <ApiErrorAlert error={error} />;
  if (isPending || !option) return <Skeleton active />;
  if (!data?.points.some((p) => p.value !== null)) return <Empty description={t('dashboard.trend.empty')} />;
  return (
    <Flex vertical gap={4}>
      <EChart option={option} height={300} label={`${name} ${t('dashboard.trend.title')}`} testId="dashboard-trend" />
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="dashboard-forecast-method">
        {t('dashboard.trend.method', { method: forecastMethodText(t, data.forecast.basis, 'forecast') })}
        {data.forecast.value !== null &&
          ` (${formatDate(data.forecast.date)}: ${formatNumber(Math.round(data.forecast.value * 10) / 10)} ${indicator.unit})`}
      </Typography.Text>
      {data.allocation === null ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="dashboard-trend-unallocated">
          {t('allocation.trend.unallocated')}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('dashboard.trend.reach', {
            text: data.reach.date ? t('dashboard.trend.reachDate', { date: formatDate(data.reach.date) }) : t('dashboard.trend.noReach'),
          })}{' '}
          — {forecastMethodText(t, data.reach.basis, 'reach')}
        </Typography.Text>
      )}
    </Flex>
  );
}
