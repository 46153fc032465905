import { useMemo } from 'react';
import EChart from '../../shared/charts/EChart';

export interface DailySeries {
  name: string;
  colour: string;
  /** One number per day of `days`. */
  data: number[];
}

/** Registrations and resolutions per day as an ECharts line chart. */
export default function StatsChart({ days, series, height = 320 }: { days: string[]; series: DailySeries[]; height?: number }) {
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 48, right: 48, top: 40, bottom: 32 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', boundaryGap: false, data: days },
      yAxis: series.map((s, i) => ({
        type: 'value',
        minInterval: 1,
        position: i === 0 ? 'left' : 'right',
        name: s.name,
        splitLine: { show: i === 0 },
      })),
      series: series.map((s, i) => ({
        name: s.name,
        type: 'line',
        yAxisIndex: Math.min(i, 1),
        data: s.data,
        showSymbol: days.length <= 31,
        lineStyle: { width: 2, color: s.colour },
        itemStyle: { color: s.colour },
        areaStyle: { color: s.colour, opacity: 0.06 },
      })),
    }),
    [days, series],
  );

  return <EChart option={option} height={height} testId="handle-stats-chart" />;
}
