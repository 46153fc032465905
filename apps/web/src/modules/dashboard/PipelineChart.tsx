import type { Dashboard } from '@suilian/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import EChart, { pngToolbox } from '../../shared/charts/EChart';

/** Projects by state, in the order of their lifecycle; a bar opens those projects (logged-in users). */
export default function PipelineChart({ pipeline, linkOf }: { pipeline: Dashboard['pipeline']; linkOf?: (state: string) => string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const clickable = linkOf !== undefined;
  const option = useMemo(
    () => ({
      toolbox: pngToolbox(t('dashboard.exportPng'), t('dashboard.pipeline.title')),
      tooltip: { trigger: 'axis' },
      grid: { left: 84, right: 40, top: 28, bottom: 16 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: pipeline.byState.map((s) => t(`projectStates.${s.state}`)) },
      series: [
        {
          name: t('dashboard.pipeline.count'),
          type: 'bar',
          data: pipeline.byState.map((s) => s.count),
          label: { show: true, position: 'right' },
          itemStyle: { color: '#1677ff' },
          cursor: clickable ? 'pointer' : 'default',
        },
      ],
    }),
    [pipeline, t, clickable],
  );
  return (
    <EChart
      option={option}
      height={300}
      label={t('dashboard.pipeline.title')}
      testId="dashboard-pipeline"
      onClick={(p) => {
        const state = p.dataIndex === undefined ? undefined : pipeline.byState[p.dataIndex]?.state;
        if (state && linkOf) navigate(linkOf(state));
      }}
    />
  );
}
