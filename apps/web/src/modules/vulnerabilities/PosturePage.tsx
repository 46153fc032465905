import type { VulnStats } from '@suilian/contracts';
import { Card, Col, Empty, Flex, Row, Select, Skeleton, Statistic, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import EChart, { pngToolbox } from '../../shared/charts/EChart';
import { ApiErrorAlert } from '../../shared/errors';
import { SourceText } from '../../shared/SourceText';
import { ExposureMap } from './ExposureMap';
import { useStats } from './hooks';
import { GRADE_COLOURS } from './labels';

type CountRow = VulnStats['openByGrade'][number];

const percent = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** A horizontal bar chart of counts (district, industry, vendor). */
function CountBars({ title, rows, testId, colour }: { title: string; rows: CountRow[]; testId: string; colour?: (key: string) => string }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const top = rows.slice(0, 12).reverse();
    return {
      title: { text: title, left: 8, top: 4, textStyle: { fontSize: 13 } },
      toolbox: pngToolbox(t('dashboard.exportPng'), title),
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: top.map((r) => r.label) },
      series: [
        {
          type: 'bar',
          data: top.map((r) => ({ value: r.count, itemStyle: colour ? { color: colour(r.key) } : undefined })),
          label: { show: true, position: 'right' },
        },
      ],
    };
  }, [rows, title, colour, t]);
  if (rows.length === 0)
    return (
      <Card size="small" title={title}>
        <Empty description={t('vulnerabilities.posture.noData')} />
      </Card>
    );
  return (
    <Card size="small">
      <EChart option={option} height={Math.max(200, 40 + Math.min(rows.length, 12) * 28)} label={title} testId={testId} />
    </Card>
  );
}

/** 安全态势: open findings by grade, district, industry and vendor; remediation time, SLA, trend, products and the map. */
export default function PosturePage() {
  const { t } = useTranslation();
  const [months, setMonths] = useState(12);
  const { data, error } = useStats(months);
  const p = (key: string) => t(`vulnerabilities.posture.${key}` as 'vulnerabilities.posture.title');
  const gradeRows = useMemo(
    () =>
      (data?.openByGrade ?? []).map((r) => ({
        ...r,
        label: t(`vulnerabilities.grades.${r.key}` as 'vulnerabilities.grades.low', { defaultValue: r.label }),
      })),
    [data, t],
  );
  const trend = useMemo(() => {
    const p = (key: string) => t(`vulnerabilities.posture.${key}` as 'vulnerabilities.posture.title');
    return {
      title: { text: p('monthly'), left: 8, top: 4, textStyle: { fontSize: 13 } },
      toolbox: pngToolbox(t('dashboard.exportPng'), p('monthly')),
      tooltip: { trigger: 'axis' },
      legend: { top: 4, right: 48 },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: (data?.monthly ?? []).map((m) => m.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: p('detected'), type: 'bar', data: (data?.monthly ?? []).map((m) => m.detected), itemStyle: { color: '#fa8c16' } },
        { name: p('closed'), type: 'line', data: (data?.monthly ?? []).map((m) => m.closed), itemStyle: { color: '#52c41a' } },
      ],
    };
  }, [data, t]);
  if (error) return <ApiErrorAlert error={error} />;
  return (
    <Card
      title={p('title')}
      data-testid="posture-page"
      extra={
        <Select
          value={months}
          onChange={setMonths}
          options={[6, 12, 24, 36].map((m) => ({ value: m, label: `${m}` }))}
          prefix={p('months')}
          style={{ width: 140 }}
        />
      }
    >
      {!data ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          <Row gutter={16}>
            <Col span={6}>
              <Statistic
                title={p('mttr')}
                value={
                  data.meanTimeToRemediateDays === null
                    ? '—'
                    : t('vulnerabilities.posture.days', { n: data.meanTimeToRemediateDays.toFixed(1) })
                }
                data-testid="posture-mttr"
              />
            </Col>
            <Col span={6}>
              <Statistic title={p('closedWithinSla')} value={percent(data.slaCompliance.closedWithinSla)} />
            </Col>
            <Col span={6}>
              <Statistic title={p('openNotOverdue')} value={percent(data.slaCompliance.openNotOverdue)} />
            </Col>
            <Col span={6}>
              <Statistic
                title={p('overdue')}
                value={data.slaCompliance.overdue}
                styles={{ content: { color: data.slaCompliance.overdue ? '#cf1322' : undefined } }}
              />
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <CountBars
                title={p('openByGrade')}
                rows={gradeRows}
                testId="posture-grade"
                colour={(k) => GRADE_COLOURS[k as keyof typeof GRADE_COLOURS] ?? '#1677ff'}
              />
            </Col>
            <Col xs={24} lg={12}>
              <CountBars title={p('openByDistrict')} rows={data.openByDistrict} testId="posture-district" />
            </Col>
            <Col xs={24} lg={12}>
              <CountBars title={p('openByIndustry')} rows={data.openByIndustry} testId="posture-industry" />
            </Col>
            <Col xs={24} lg={12}>
              <CountBars title={p('openByVendor')} rows={data.openByVendor} testId="posture-vendor" />
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small">
                <EChart option={trend} height={300} label={p('monthly')} testId="posture-trend" />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small">
                <ExposureMap rows={data.exposureByDistrict} />
              </Card>
            </Col>
          </Row>
          <Table
            size="small"
            title={() => p('topProducts')}
            rowKey={(r) => `${r.vendor}-${r.product}`}
            dataSource={data.mostExposedProducts}
            pagination={false}
            data-testid="posture-products"
            columns={[
              { title: t('vulnerabilities.assets.vendor'), dataIndex: 'vendor', render: (v: string) => <SourceText>{v}</SourceText> },
              { title: t('vulnerabilities.assets.product'), dataIndex: 'product', render: (v: string) => <SourceText>{v}</SourceText> },
              { title: p('assets'), dataIndex: 'assets', align: 'right' },
              { title: p('openFindings'), dataIndex: 'openFindings', align: 'right' },
            ]}
          />
        </Flex>
      )}
    </Card>
  );
}
