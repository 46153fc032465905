import { Alert, Button, Card, Col, Flex, Layout, Row, Select, Skeleton, Space, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../session/locale';
import { ApiErrorAlert } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { LocaleSwitch } from '../../shared/LocaleSwitch';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { usePublicDashboard } from './hooks';
import RankingTable from './RankingTable';
import ReportsSummary from './ReportsSummary';
import { TargetCards } from './TargetCards';

const DistrictMap = lazy(() => import('./DistrictMap'));
const PipelineChart = lazy(() => import('./PipelineChart'));
const chartFallback = <Skeleton.Node active style={{ width: '100%', height: 300 }} />;

/** The public, anonymous dashboard: city-wide aggregate figures only, no links to records. */
export default function PublicDashboardPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [filters, setFilters] = useUrlFilters(['map'] as const);
  const { data, error, isPending } = usePublicDashboard(filters.map);
  const cards = data?.groups.flatMap((g) => g.indicators) ?? [];
  const nameOf = (c: { nameZh: string; nameEn: string }) => (locale === 'zh-CN' ? c.nameZh : c.nameEn);
  const mapCard = cards.find((c) => c.code === data?.mapIndicator);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* Fits a 390 px phone (#12 item 7): narrow paddings, the title may wrap, nothing wider than the screen. */}
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 8,
          background: '#001529',
          padding: '0 clamp(12px, 4vw, 50px)',
          height: 'auto',
          minHeight: 64,
          lineHeight: 1.4,
        }}
      >
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, minWidth: 0, fontSize: 'clamp(15px, 4vw, 20px)' }}>
          {t('dashboard.publicTitle')}
        </Typography.Title>
        <Space>
          <LocaleSwitch type="default" />
          <Link to="/login">
            <Button type="primary">{t('dashboard.login')}</Button>
          </Link>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 'clamp(12px, 4vw, 24px)', minWidth: 0, overflowX: 'hidden' }}>
        <Flex vertical gap={16} data-testid="public-dashboard-page">
          <Alert
            type="info"
            showIcon
            title={t('dashboard.publicNote')}
            description={data ? t('dashboard.asOf', { date: formatDate(data.asOf) }) : undefined}
          />
          {error && <ApiErrorAlert error={error} />}
          {isPending && <Skeleton active />}
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
                        options={cards.map((c) => ({ value: c.code, label: `${c.code} ${nameOf(c)}` }))}
                        onChange={(map) => setFilters({ map })}
                        style={{ width: 'min(260px, 45vw)' }}
                        aria-label={t('dashboard.map.indicator')}
                        data-testid="dashboard-map-indicator"
                      />
                    }
                  >
                    <Suspense fallback={chartFallback}>
                      <DistrictMap districts={data.districts} unit={mapCard?.unit ?? ''} indicatorName={mapCard ? nameOf(mapCard) : ''} />
                    </Suspense>
                  </Card>
                </Col>
                <Col xs={24} xl={12}>
                  <Card size="small" title={t('dashboard.ranking.title')}>
                    <RankingTable districts={data.districts} indicatorName={mapCard ? nameOf(mapCard) : ''} unit={mapCard?.unit ?? ''} />
                  </Card>
                </Col>
                <Col xs={24} xl={12}>
                  <Card
                    size="small"
                    title={t('dashboard.pipeline.title')}
                    extra={t('dashboard.pipeline.total', { n: data.pipeline.total })}
                  >
                    <Suspense fallback={chartFallback}>
                      <PipelineChart pipeline={data.pipeline} />
                    </Suspense>
                  </Card>
                </Col>
                {data.reports && (
                  <Col xs={24} xl={12}>
                    <Card size="small" title={t('dashboard.reports.title')}>
                      <ReportsSummary reports={data.reports} />
                    </Card>
                  </Col>
                )}
              </Row>
            </>
          )}
        </Flex>
      </Layout.Content>
    </Layout>
  );
}
