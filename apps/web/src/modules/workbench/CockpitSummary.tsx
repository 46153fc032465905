import type { WorkbenchCockpit } from '@suilian/contracts';
import { Button, Card, Col, Row, Statistic } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import EChart from '../../shared/charts/EChart';
import { formatDate } from '../../shared/format';

const STATUS_COLOURS: Record<string, string> = {
  achieved: '#52c41a',
  on_track: '#1677ff',
  at_risk: '#faad14',
  behind: '#ff4d4f',
  no_data: '#bfbfbf',
};

const countOf = (c: WorkbenchCockpit, ...statuses: string[]) =>
  c.indicators.byStatus.filter((s) => statuses.includes(s.status)).reduce((n, s) => n + s.count, 0);

/** The 驾驶舱's headline figures for city and district users: a few KPI cards and the targets by status. */
export default function CockpitSummary({ cockpit }: { cockpit: WorkbenchCockpit }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 72, right: 32, top: 8, bottom: 8 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: cockpit.indicators.byStatus.map((s) => t(`indicatorStatuses.${s.status}`)) },
      series: [
        {
          name: t('workbench.cockpit.count'),
          type: 'bar',
          data: cockpit.indicators.byStatus.map((s) => ({ value: s.count, itemStyle: { color: STATUS_COLOURS[s.status] } })),
          label: { show: true, position: 'right' },
        },
      ],
    }),
    [cockpit, t],
  );
  const reports = cockpit.reports;
  const scope = cockpit.scope === 'city' ? t('workbench.cockpit.cityScope') : t('workbench.cockpit.districtScope');
  return (
    <Card
      size="small"
      title={`${t('workbench.cockpit.title')} · ${scope} · ${t('workbench.cockpit.asOf', { date: formatDate(cockpit.asOf) })}`}
      extra={
        <Button type="link" size="small" onClick={() => navigate('/dashboard')}>
          {t('workbench.cockpit.open')}
        </Button>
      }
      data-testid="workbench-cockpit"
    >
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title={t('workbench.cockpit.indicators')} value={cockpit.indicators.total} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('workbench.cockpit.achieved')} value={countOf(cockpit, 'achieved')} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('workbench.cockpit.behind')} value={countOf(cockpit, 'at_risk', 'behind')} />
        </Col>
        <Col xs={12} md={6}>
          {reports ? (
            <Statistic
              title={t('workbench.cockpit.reports', { period: `${reports.period.slice(0, 4)}-${reports.period.slice(4)}` })}
              value={Math.round(reports.completeness * 1000) / 10}
              suffix="%"
            />
          ) : (
            <Statistic title={t('workbench.cockpit.projects')} value={cockpit.pipeline.total} />
          )}
        </Col>
        <Col span={24}>
          <EChart option={option} height={200} label={t('workbench.cockpit.chart')} testId="workbench-cockpit-chart" />
        </Col>
      </Row>
    </Card>
  );
}
