import { INDICATOR_STATUSES, type PublicDashboard } from '@suilian/contracts';
import { Card, Col, Empty, Flex, Progress, Row, Skeleton, Space, Tooltip, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../session/locale';
import { formatFigure, formatNumber } from '../../shared/format';
import { StatusTag } from '../../shared/StatusTag';
import { barPercent, INDICATOR_STATUS_TONES, roundFigure, TONE_HEX } from '../indicators';

const EChart = lazy(() => import('../../shared/charts/EChart'));

type TargetFigures = PublicDashboard['groups'][number]['indicators'][number] & { drillDown?: string };
type Group = { group: PublicDashboard['groups'][number]['group']; indicators: TargetFigures[] };

/** A figure that opens the records it counts (logged-in users), or plain text (public). */
export function Figure({ value, to, name, testId }: { value: number | null; to: string | undefined; name: string; testId?: string }) {
  const { t } = useTranslation();
  const text = value === null ? '—' : formatNumber(roundFigure(value));
  if (!to || value === null) return <span data-testid={testId}>{text}</span>;
  return (
    <Link to={to} title={t('dashboard.recordsOf', { name })} data-testid={testId}>
      {text}
    </Link>
  );
}

function TargetCard({ card }: { card: TargetFigures }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const name = locale === 'zh-CN' ? card.nameZh : card.nameEn;
  const colour = TONE_HEX[INDICATOR_STATUS_TONES[card.status]];
  const mark = barPercent(card.expected, card.target);
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={`dashboard-card-${card.code}`}>
      <Flex vertical gap={4}>
        <Flex justify="space-between" align="start" gap={8}>
          <Flex vertical style={{ minWidth: 0 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
              {card.code}
            </Typography.Text>
            <Typography.Paragraph strong ellipsis={{ rows: 2, tooltip: name }} style={{ margin: 0, minHeight: 44 }}>
              {name}
            </Typography.Paragraph>
          </Flex>
          <StatusTag tone={INDICATOR_STATUS_TONES[card.status]} data-testid="dashboard-card-status">
            {t(`indicatorStatuses.${card.status}`)}
          </StatusTag>
        </Flex>
        <Space size={4} align="baseline">
          <Typography.Text style={{ fontSize: 22, fontWeight: 600, color: colour }}>
            <Figure value={card.value} to={card.drillDown} name={name} testId="dashboard-card-value" />
          </Typography.Text>
          <Typography.Text type="secondary">
            / {formatNumber(card.target)} {card.unit}
          </Typography.Text>
        </Space>
        <div style={{ position: 'relative' }}>
          <Progress
            percent={barPercent(card.value, card.target)}
            showInfo={false}
            strokeColor={colour}
            size="small"
            style={{ margin: 0 }}
          />
          <Tooltip title={t('dashboard.expected', { value: formatFigure(card.expected, card.unit) })}>
            <div
              style={{ position: 'absolute', left: `calc(${mark}% - 1px)`, top: 0, width: 2, height: 14, background: 'rgba(0,0,0,0.65)' }}
            />
          </Tooltip>
        </div>
        <Flex justify="space-between">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('dashboard.progress', { pct: card.progress === null ? '—' : Math.round(card.progress * 1000) / 10 })}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('dashboard.expected', { value: formatFigure(card.expected, card.unit) })}
          </Typography.Text>
        </Flex>
        <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 40 }} />}>
          <EChart
            height={40}
            label={t('dashboard.sparkline')}
            testId="dashboard-sparkline"
            option={{
              animation: false,
              grid: { left: 2, right: 2, top: 4, bottom: 2 },
              tooltip: { trigger: 'axis', confine: true, textStyle: { fontSize: 11 } },
              xAxis: { type: 'category', show: false, boundaryGap: false, data: card.sparkline.map((p) => p.period) },
              yAxis: { type: 'value', show: false, scale: true },
              series: [
                {
                  type: 'line',
                  name: card.unit,
                  data: card.sparkline.map((p) => p.value),
                  showSymbol: false,
                  lineStyle: { width: 2, color: colour },
                  areaStyle: { color: colour, opacity: 0.08 },
                },
              ],
            }}
          />
        </Suspense>
      </Flex>
    </Card>
  );
}

/** The targets in their four groups, each group with its pace counts. */
export function TargetCards({ groups }: { groups: Group[] }) {
  const { t } = useTranslation();
  if (groups.every((g) => g.indicators.length === 0)) return <Empty description={t('dashboard.empty')} />;
  return (
    <Flex vertical gap={12} data-testid="dashboard-cards">
      {groups.map((g) =>
        g.indicators.length === 0 ? null : (
          <Card
            key={g.group}
            size="small"
            title={t(`indicatorGroups.${g.group}`)}
            data-testid={`dashboard-group-${g.group}`}
            extra={
              <Space size={4} wrap>
                {INDICATOR_STATUSES.map((s) => {
                  const n = g.indicators.filter((i) => i.status === s).length;
                  return n > 0 ? (
                    <StatusTag key={s} tone={INDICATOR_STATUS_TONES[s]}>
                      {t('dashboard.statusCount', { status: t(`indicatorStatuses.${s}`), n })}
                    </StatusTag>
                  ) : null;
                })}
              </Space>
            }
          >
            <Row gutter={[12, 12]}>
              {g.indicators.map((card) => (
                <Col key={card.code} xs={24} md={12} xl={6}>
                  <TargetCard card={card} />
                </Col>
              ))}
            </Row>
          </Card>
        ),
      )}
    </Flex>
  );
}
