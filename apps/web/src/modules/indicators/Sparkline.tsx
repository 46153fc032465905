import type { IndicatorSeries } from '@suilian/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import EChart from '../../shared/charts/EChart';

/** `202604` → `2026-04`. */
const monthOf = (period: string) => (/^\d{6}$/.test(period) ? `${period.slice(0, 4)}-${period.slice(4)}` : period);

/** A small line chart of an indicator's monthly value against its milestone path; loaded lazily with ECharts. */
export default function Sparkline({ points, colour, unit }: { points: IndicatorSeries['points']; colour: string; unit: string }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 2, right: 2, top: 4, bottom: 2 },
      tooltip: {
        trigger: 'axis',
        confine: true,
        textStyle: { fontSize: 11 },
        valueFormatter: (v: unknown) => (typeof v === 'number' ? `${Math.round(v * 10) / 10} ${unit}` : '—'),
      },
      xAxis: { type: 'category', show: false, boundaryGap: false, data: points.map((p) => monthOf(p.period)) },
      yAxis: { type: 'value', show: false, scale: true },
      series: [
        {
          name: t('targets.actual'),
          type: 'line',
          data: points.map((p) => p.value),
          showSymbol: false,
          lineStyle: { width: 2, color: colour },
          itemStyle: { color: colour },
          areaStyle: { color: colour, opacity: 0.08 },
        },
        {
          name: t('targets.path'),
          type: 'line',
          data: points.map((p) => p.expected),
          showSymbol: false,
          lineStyle: { width: 1, type: 'dashed', color: '#8c8c8c' },
          itemStyle: { color: '#8c8c8c' },
        },
      ],
    }),
    [points, colour, unit, t],
  );

  return <EChart option={option} height={56} label={t('targets.sparkline')} testId="indicator-sparkline" />;
}
