import { InfoCircleOutlined } from '@ant-design/icons';
import { INDICATOR_GROUPS, INDICATOR_STATUSES, type Indicator, type IndicatorStatus } from '@suilian/contracts';
import { Alert, Card, Col, Empty, Flex, Progress, Row, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../session/auth';
import { useLocale } from '../../session/locale';
import { DistrictSelect } from '../../shared/districts';
import { ApiErrorAlert } from '../../shared/errors';
import { formatDate, formatFigure, formatNumber } from '../../shared/format';
import { StatusTag } from '../../shared/StatusTag';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { forecastMethodText } from './forecastText';
import { useIndicatorSeries, useIndicators } from './hooks';
import { barPercent, INDICATOR_STATUS_TONES, roundFigure, TONE_HEX } from './status';

const Sparkline = lazy(() => import('./Sparkline'));

function IndicatorStatusTag({ status }: { status: IndicatorStatus }) {
  const { t } = useTranslation();
  return (
    <StatusTag tone={INDICATOR_STATUS_TONES[status]} data-testid="indicator-status">
      {t(`indicatorStatuses.${status}`)}
    </StatusTag>
  );
}

function IndicatorCard({ indicator: i, district }: { indicator: Indicator; district: string | undefined }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const series = useIndicatorSeries(i.code, district);
  const colour = TONE_HEX[INDICATOR_STATUS_TONES[i.status]];
  const name = locale === 'zh-CN' ? i.nameZh : i.nameEn;
  const percent = barPercent(i.value, i.target);
  const mark = barPercent(i.expected, i.target);
  const forecast = series.data?.forecast;
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={`indicator-${i.code}`}>
      <Flex vertical gap={6}>
        <Flex justify="space-between" align="start" gap={8}>
          <Tooltip
            title={
              <>
                <div style={{ fontWeight: 600 }}>{name}</div>
                <div data-testid="indicator-definition">{i.definition}</div>
              </>
            }
          >
            <Flex vertical style={{ minWidth: 0, cursor: 'help' }}>
              <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
                {i.code} <InfoCircleOutlined />
              </Typography.Text>
              <Typography.Paragraph strong ellipsis={{ rows: 2 }} style={{ margin: 0, minHeight: 44 }}>
                {name}
              </Typography.Paragraph>
            </Flex>
          </Tooltip>
          <IndicatorStatusTag status={i.status} />
        </Flex>
        <Space size={4} align="baseline">
          {/* Every number drills down to the records it counts (issue #4 item 6). */}
          <Link to={i.drillDown ?? `/indicators/${i.code}/records`} data-testid="indicator-value-link">
            <Typography.Text style={{ fontSize: 24, fontWeight: 600, color: colour }} data-testid="indicator-value">
              {i.value === null ? '—' : formatNumber(roundFigure(i.value))}
            </Typography.Text>
          </Link>
          <Typography.Text type="secondary">
            / {formatNumber(i.target)} {i.unit}
          </Typography.Text>
        </Space>
        <div style={{ position: 'relative' }}>
          <Progress percent={percent} showInfo={false} strokeColor={colour} size="small" style={{ margin: 0 }} />
          <Tooltip title={t('targets.expectedMark', { value: formatFigure(i.expected, i.unit), unit: i.unit })}>
            <div
              data-testid="expected-mark"
              style={{
                position: 'absolute',
                left: `calc(${mark}% - 1px)`,
                top: 0,
                width: 2,
                height: 14,
                background: 'rgba(0,0,0,0.65)',
                borderRadius: 1,
              }}
            />
          </Tooltip>
        </div>
        <Flex justify="space-between">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('targets.progress', { pct: i.progress === null ? '—' : Math.round(i.progress * 1000) / 10 })}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('targets.expected', { value: formatFigure(i.expected, i.unit) })}
          </Typography.Text>
        </Flex>
        <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 56 }} />}>
          {series.data ? (
            <Sparkline points={series.data.points} colour={colour} unit={i.unit} />
          ) : (
            <Skeleton.Node active style={{ width: '100%', height: 56 }} />
          )}
        </Suspense>
        {forecast && (
          <Tooltip title={forecastMethodText(t, forecast.basis, 'forecast')}>
            <Typography.Text type="secondary" style={{ fontSize: 12, cursor: 'help' }} data-testid="indicator-forecast">
              {forecast.value === null
                ? t('targets.noForecast')
                : t('targets.forecast', {
                    date: formatDate(forecast.date),
                    value: formatFigure(forecast.value, i.unit),
                    unit: i.unit,
                  })}
            </Typography.Text>
          </Tooltip>
        )}
        {i.drillDown?.startsWith('/') && (
          <Link to={i.drillDown} style={{ fontSize: 12 }}>
            {t('targets.drillDown')}
          </Link>
        )}
      </Flex>
    </Card>
  );
}

function StatusCounts({ items }: { items: Indicator[] }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      {INDICATOR_STATUSES.map((s) => {
        const n = items.filter((i) => i.status === s).length;
        return n > 0 ? (
          <StatusTag key={s} tone={INDICATOR_STATUS_TONES[s]}>
            {t('targets.statusCount', { status: t(`indicatorStatuses.${s}`), n })}
          </StatusTag>
        ) : null;
      })}
    </Space>
  );
}

/** 目标进度: the plan's 16 targets in their four groups — value against target, the expected-by-now mark, pace, a sparkline. */
export default function TargetsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [filters, setFilters] = useUrlFilters(['district'] as const);
  const isCity = me.orgKind === 'city';
  const district = isCity ? filters.district : undefined;
  const { data, isPending, error } = useIndicators(district);
  const asOf = data?.[0]?.asOf;

  return (
    <Flex vertical gap={16} data-testid="targets-page">
      <Card
        title={t('targets.title')}
        extra={
          <Space wrap>
            {asOf && <Typography.Text type="secondary">{t('targets.asOf', { date: formatDate(asOf) })}</Typography.Text>}
            {isCity ? (
              <DistrictSelect
                value={filters.district}
                onChange={(next) => setFilters({ district: next })}
                allowClear
                placeholder={t('targets.city')}
                style={{ width: 140 }}
                data-testid="targets-district"
              />
            ) : (
              <Tag color="blue" data-testid="targets-own-district">
                {me.orgName}
              </Tag>
            )}
          </Space>
        }
      >
        <Flex vertical gap={8}>
          {data && <StatusCounts items={data} />}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('targets.method')}
          </Typography.Text>
          {district && <Alert type="info" showIcon title={t('targets.districtNote')} />}
        </Flex>
      </Card>
      {error && <ApiErrorAlert error={error} />}
      {isPending && <Skeleton active />}
      {data && data.length === 0 && <Empty description={t('targets.empty')} />}
      {data &&
        INDICATOR_GROUPS.map((group) => {
          const items = data.filter((i) => i.group === group);
          if (items.length === 0) return null;
          return (
            <Card
              key={group}
              size="small"
              title={t(`indicatorGroups.${group}`)}
              extra={<StatusCounts items={items} />}
              data-testid={`indicator-group-${group}`}
            >
              <Row gutter={[12, 12]}>
                {items.map((i) => (
                  <Col key={i.code} xs={24} md={12} xl={6}>
                    <IndicatorCard indicator={i} district={district} />
                  </Col>
                ))}
              </Row>
            </Card>
          );
        })}
    </Flex>
  );
}
