import { PROJECT_STATES, type ProjectState } from '@suilian/contracts';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PROJECT_STATE_TONES, type StatusTone } from '../../shared/status';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** The status colours as chart colours (antd's tag palette). */
const TONE_HEX: Record<StatusTone, string> = {
  done: '#52c41a',
  progress: '#1677ff',
  attention: '#fa8c16',
  failed: '#ff4d4f',
  closed: '#bfbfbf',
};

/** A small bar chart of projects by state; loaded lazily with ECharts (tree-shaken to bars). */
export default function ProjectStatusChart({
  counts,
  onSelect,
}: {
  counts: Partial<Record<ProjectState, number>>;
  onSelect?: (state: ProjectState) => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => {
      const state = PROJECT_STATES[params.dataIndex];
      if (state) select.current?.(state);
    });
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({
      grid: { left: 8, right: 8, top: 16, bottom: 4, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: {
        type: 'category',
        data: PROJECT_STATES.map((s) => t(`projectStates.${s}`)),
        axisLabel: { interval: 0, fontSize: 11 },
        axisTick: { show: false },
      },
      yAxis: { type: 'value', minInterval: 1, splitNumber: 3 },
      series: [
        {
          type: 'bar',
          barMaxWidth: 28,
          label: { show: true, position: 'top', fontSize: 11 },
          data: PROJECT_STATES.map((s) => ({ value: counts[s] ?? 0, itemStyle: { color: TONE_HEX[PROJECT_STATE_TONES[s]] } })),
        },
      ],
    });
  }, [counts, t]);

  return (
    <div
      ref={ref}
      style={{ width: '100%', height: 170 }}
      role="img"
      aria-label={t('projects.chartTitle')}
      data-testid="project-status-chart"
    />
  );
}
