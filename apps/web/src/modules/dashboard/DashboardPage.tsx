import { FileExcelOutlined, GlobalOutlined } from '@ant-design/icons';
import { API, type DashboardDistrict, drillDownRoute } from '@suilian/contracts';
import { Alert, Button, Card, Col, DatePicker, Flex, Row, Select, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { urlOf } from '../../api/endpoints';
import { useMe } from '../../session/auth';
import { useLocale } from '../../session/locale';
import { DistrictSelect } from '../../shared/districts';
import { ApiErrorAlert } from '../../shared/errors';
import { DATE_FORMAT } from '../../shared/format';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { useDashboard } from './hooks';
import RankingTable from './RankingTable';
import ReportsSummary from './ReportsSummary';
import { TargetCards } from './TargetCards';

const DistrictMap = lazy(() => import('./DistrictMap'));
const TrendChart = lazy(() => import('./TrendChart'));
const PipelineChart = lazy(() => import('./PipelineChart'));
const chartFallback = <Skeleton.Node active style={{ width: '100%', height: 300 }} />;

/** 驾驶舱: targets by group, the district map and ranking, trend with forecast, projects by state, reports. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const me = useMe();
  const isCity = me.orgKind === 'city';
  const [filters, setFilters] = useUrlFilters(['district', 'map', 'trend', 'asOf'] as const);
  const district = isCity ? filters.district : undefined;
  const { data, error, isPending, isFetching } = useDashboard({ district, mapIndicator: filters.map, asOf: filters.asOf });
  const cards = data?.groups.flatMap((g) => g.indicators) ?? [];
  const nameOf = (c: { nameZh: string; nameEn: string }) => (locale === 'zh-CN' ? c.nameZh : c.nameEn);
  const options = cards.map((c) => ({ value: c.code, label: `${c.code} ${nameOf(c)}` }));
  const mapCard = cards.find((c) => c.code === data?.mapIndicator);
  const trendCard = cards.find((c) => c.code === (filters.trend ?? 'T-INF-1')) ?? cards[0];
  const linkOf = (d: DashboardDistrict) => drillDownRoute(data?.mapIndicator ?? '', d.id, data?.asOf ?? '');

  return (
    <Flex vertical gap={16} data-testid="dashboard-page">
      <Card
        title={t('dashboard.title')}
        extra={
          <Space wrap>
            <Typography.Text type="secondary">{t('dashboard.asOfLabel')}</Typography.Text>
            <DatePicker
              value={data ? dayjs(data.asOf) : filters.asOf ? dayjs(filters.asOf) : null}
              onChange={(d) => setFilters({ ...filters, asOf: d ? d.format(DATE_FORMAT) : undefined })}
              disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs('2025-09-01'), 'day')}
              allowClear
              format={DATE_FORMAT}
              style={{ width: 140 }}
              data-testid="dashboard-as-of"
            />
            {isCity ? (
              <DistrictSelect
                value={filters.district}
                onChange={(next) => setFilters({ ...filters, district: next })}
                allowClear
                placeholder={t('dashboard.city')}
                style={{ width: 140 }}
                data-testid="dashboard-district"
              />
            ) : (
              <Tag color="blue">{me.orgName}</Tag>
            )}
            <Button
              icon={<FileExcelOutlined />}
              href={urlOf(API.exportDashboard, { query: { district, mapIndicator: filters.map, asOf: filters.asOf } })}
              disabled={!data}
              data-testid="dashboard-export"
            >
              {t('dashboard.exportExcel')}
            </Button>
            <Link to="/public/dashboard" target="_blank">
              <GlobalOutlined /> {t('dashboard.publicLink')}
            </Link>
          </Space>
        }
      >
        {district && <Alert type="info" showIcon title={t('targets.districtNote')} />}
        {!district && !isCity && <Alert type="info" showIcon title={t('targets.districtNote')} />}
      </Card>
      {error && <ApiErrorAlert error={error} />}
      {isPending && (
        <Card>
          <Skeleton active />
          <Typography.Text type="secondary">{t('dashboard.loading')}</Typography.Text>
        </Card>
      )}
      {data && (
        <>
          <TargetCards groups={data.groups} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card
                size="small"
                title={t('dashboard.map.title')}
                extra={
                  <Select
                    value={data.mapIndicator ?? undefined}
                    options={options}
                    onChange={(map) => setFilters({ ...filters, map })}
                    style={{ width: 260 }}
                    showSearch={{ optionFilterProp: 'label' }}
                    aria-label={t('dashboard.map.indicator')}
                    data-testid="dashboard-map-indicator"
                    loading={isFetching}
                  />
                }
              >
                <Suspense fallback={chartFallback}>
                  <DistrictMap
                    districts={data.districts}
                    unit={mapCard?.unit ?? ''}
                    indicatorName={mapCard ? nameOf(mapCard) : ''}
                    linkOf={linkOf}
                  />
                </Suspense>
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('dashboard.ranking.title')}>
                <RankingTable
                  districts={data.districts}
                  indicatorName={mapCard ? nameOf(mapCard) : ''}
                  unit={mapCard?.unit ?? ''}
                  linkOf={linkOf}
                />
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Card
                size="small"
                title={t('dashboard.trend.title')}
                extra={
                  <Select
                    value={trendCard?.code}
                    options={options}
                    onChange={(trend) => setFilters({ ...filters, trend })}
                    style={{ width: 260 }}
                    showSearch={{ optionFilterProp: 'label' }}
                    aria-label={t('dashboard.trend.indicator')}
                    data-testid="dashboard-trend-indicator"
                  />
                }
              >
                <Suspense fallback={chartFallback}>
                  {trendCard && <TrendChart indicator={trendCard} district={district} asOf={filters.asOf} name={nameOf(trendCard)} />}
                </Suspense>
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title={t('dashboard.pipeline.title')} extra={t('dashboard.pipeline.total', { n: data.pipeline.total })}>
                <Suspense fallback={chartFallback}>
                  <PipelineChart
                    pipeline={data.pipeline}
                    linkOf={(state) =>
                      `/programme/projects?${new URLSearchParams({ status: state, ...(data.districtId ? { districtId: data.districtId } : {}) })}`
                    }
                  />
                </Suspense>
              </Card>
              {data.reports && (
                <Card size="small" title={t('dashboard.reports.title')} style={{ marginTop: 16 }}>
                  <ReportsSummary reports={data.reports} />
                </Card>
              )}
            </Col>
          </Row>
        </>
      )}
    </Flex>
  );
}
