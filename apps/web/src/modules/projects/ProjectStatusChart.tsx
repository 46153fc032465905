import { PROJECT_STATES, type ProjectState } from '@suilian/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import EChart from '../../shared/charts/EChart';
import { PROJECT_STATE_TONES, type StatusTone } from '../../shared/status';

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
  const option = useMemo(
    () => ({
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
    }),
    [counts, t],
  );

  return (
    <EChart
      option={option}
      height={170}
      label={t('projects.chartTitle')}
      testId="project-status-chart"
      onClick={(params) => {
        const state = params.dataIndex === undefined ? undefined : PROJECT_STATES[params.dataIndex];
        if (state) onSelect?.(state);
      }}
    />
  );
}
