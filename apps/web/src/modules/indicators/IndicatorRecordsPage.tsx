import { ArrowLeftOutlined } from '@ant-design/icons';
import type { IndicatorDataValue, IndicatorOperand, IndicatorRecord, IndicatorRecords, ProjectState } from '@suilian/contracts';
import { Alert, Card, DatePicker, Descriptions, Flex, Skeleton, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../../session/auth';
import { useLocale } from '../../session/locale';
import { DistrictSelect } from '../../shared/districts';
import { ApiErrorAlert } from '../../shared/errors';
import { formatDate, formatNumber } from '../../shared/format';
import { ProjectStateTag, StatusTag } from '../../shared/StatusTag';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { useIndicatorRecords } from './hooks';
import { ConfirmationTag, PendingRecords } from './PendingRecords';
import { INDICATOR_STATUS_TONES, roundFigure } from './status';

const FILTER_KEYS = ['district', 'asOf'] as const;

function figure(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : formatNumber(roundFigure(value));
}

/** How the value is computed, in words, from what the server says the basis is. */
function Method({ data }: { data: IndicatorRecords }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const date = formatDate(data.indicator.asOf);
  if (data.basis === 'operands') return <>{t('indicatorAdmin.drill.methodFormula', { formula: data.formula ?? '', date })}</>;
  if (data.basis === 'data_values' && data.element) {
    // The element by name: its code is for the data exchange, not for the reader (issue #12 item 3).
    const element = `“${locale === 'zh-CN' ? data.element.nameZh : data.element.nameEn}”`;
    return (
      <>
        {t(data.element.aggregation === 'LAST' ? 'indicatorAdmin.drill.methodLast' : 'indicatorAdmin.drill.methodSum', { element, date })}
      </>
    );
  }
  const counter = data.counter ? t(`indicatorAdmin.counters.${data.counter}`, { defaultValue: data.counter }) : '—';
  return <>{t('indicatorAdmin.drill.methodRecords', { counter, date })}</>;
}

/** A record's state in words where the console has them (project state, factory level, honour level, application status). */
function RecordState({ kind, state }: { kind: IndicatorRecord['kind']; state: string | null }) {
  const { t } = useTranslation();
  if (state === null) return <>—</>;
  if (kind === 'project') return <ProjectStateTag state={state as ProjectState} />;
  const key =
    kind === 'factory'
      ? `factoryLevels.${state}`
      : kind === 'enterprise'
        ? `honourLevels.${state}`
        : kind === 'selection_application' || kind === 'typical_case'
          ? `applicationStatuses.${state}`
          : kind === 'private_network'
            ? `networks.states.${state}`
            : null;
  return <>{key ? t(key as 'factoryLevels.line', { defaultValue: state }) : state}</>;
}

function useColumns() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const c = (key: string) => t(`indicatorAdmin.drill.columns.${key}` as 'indicatorAdmin.drill.columns.kind');
  const records: TableColumnsType<IndicatorRecord> = [
    {
      title: c('kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 120,
      render: (k: IndicatorRecord['kind']) => <Tag>{t(`indicatorAdmin.drill.recordKinds.${k}`)}</Tag>,
    },
    {
      title: c('title'),
      dataIndex: 'title',
      key: 'title',
      render: (title: string, r) =>
        r.link ? (
          <Link to={r.link} data-testid="drill-record-link">
            {title}
          </Link>
        ) : (
          title
        ),
    },
    { title: c('district'), dataIndex: 'districtName', key: 'district', render: (v: string | null) => v ?? '—' },
    { title: c('state'), dataIndex: 'state', key: 'state', render: (v: string | null, r) => <RecordState kind={r.kind} state={v} /> },
    { title: c('countedOn'), dataIndex: 'countedOn', key: 'countedOn', render: (v: string | null) => formatDate(v) },
    { title: c('weight'), dataIndex: 'weight', key: 'weight', align: 'right', render: (v: number) => formatNumber(v) },
    {
      title: t('confirmations.column'),
      dataIndex: 'confirmation',
      key: 'confirmation',
      render: (v: IndicatorRecord['confirmation']) => <ConfirmationTag state={v} />,
    },
  ];
  const dataValues: TableColumnsType<IndicatorDataValue> = [
    { title: c('district'), dataIndex: 'districtName', key: 'district' },
    { title: c('period'), dataIndex: 'period', key: 'period', render: (p: string) => `${p.slice(0, 4)}-${p.slice(4)}` },
    { title: c('value'), dataIndex: 'value', key: 'value', align: 'right', render: (v: number) => formatNumber(v) },
    {
      title: c('accepted'),
      dataIndex: 'accepted',
      key: 'accepted',
      render: (v: boolean) =>
        v ? (
          <StatusTag tone="done">{t('indicatorAdmin.drill.accepted')}</StatusTag>
        ) : (
          <StatusTag tone="attention">{t('indicatorAdmin.drill.notAccepted')}</StatusTag>
        ),
    },
  ];
  const operands: TableColumnsType<IndicatorOperand> = [
    {
      title: c('reference'),
      dataIndex: 'reference',
      key: 'reference',
      render: (r: string) => (
        <Typography.Text code translate="no">
          {r}
        </Typography.Text>
      ),
    },
    { title: c('name'), key: 'name', render: (_v, o) => (locale === 'zh-CN' ? o.nameZh : o.nameEn) },
    {
      title: c('aggregation'),
      dataIndex: 'aggregation',
      key: 'aggregation',
      render: (a: IndicatorOperand['aggregation']) => (a ? t(`indicatorAdmin.drill.aggregations.${a}`) : '—'),
    },
    {
      title: c('value'),
      dataIndex: 'value',
      key: 'value',
      align: 'right',
      render: (v: number | null, o) =>
        o.link ? (
          <Link to={o.link} data-testid="drill-operand-link">
            {figure(v)}
          </Link>
        ) : (
          figure(v)
        ),
    },
  ];
  return { records, dataValues, operands };
}

/** 指标明细 (`/indicators/:code/records?district=&asOf=`): what an indicator's value counts — the records, reported values or formula operands. */
export default function IndicatorRecordsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const me = useMe();
  const { code = '' } = useParams();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const isCity = me.orgKind === 'city';
  const district = isCity ? filters.district : undefined;
  const { data, error, isPending, isFetching } = useIndicatorRecords(code, { district, asOf: filters.asOf, ...page });
  const columns = useColumns();
  const indicator = data?.indicator;
  const pagination = {
    current: page.page,
    pageSize: page.pageSize,
    total: data?.total ?? 0,
    showSizeChanger: true,
    showTotal: (n: number) => t('indicatorAdmin.drill.total', { n }),
    onChange: (current: number, pageSize: number) => setPage({ page: pageSize === page.pageSize ? current : 1, pageSize }),
  };
  const setFilter = (next: Partial<Record<(typeof FILTER_KEYS)[number], string | undefined>>) => {
    setPage((p) => ({ ...p, page: 1 }));
    setFilters({ ...filters, ...next });
  };

  return (
    <Flex vertical gap={16} data-testid="indicator-records-page">
      <Card
        title={
          <Space>
            <Link to={`/dashboard/targets${district ? `?district=${district}` : ''}`} aria-label={t('indicatorAdmin.drill.back')}>
              <ArrowLeftOutlined />
            </Link>
            <span>
              {t('indicatorAdmin.drill.title')} ·{' '}
              <Typography.Text code translate="no">
                {code}
              </Typography.Text>{' '}
              {indicator && (locale === 'zh-CN' ? indicator.nameZh : indicator.nameEn)}
            </span>
          </Space>
        }
        extra={
          <Space wrap>
            <DatePicker
              value={filters.asOf ? dayjs(filters.asOf) : null}
              onChange={(d) => setFilter({ asOf: d ? d.format('YYYY-MM-DD') : undefined })}
              placeholder={t('indicatorAdmin.drill.asOf')}
              data-testid="drill-asof"
            />
            {isCity ? (
              <DistrictSelect
                value={filters.district}
                onChange={(next) => setFilter({ district: next })}
                allowClear
                placeholder={t('indicatorAdmin.drill.city')}
                style={{ width: 140 }}
                data-testid="drill-district"
              />
            ) : (
              <Tag color="blue">{me.orgName}</Tag>
            )}
          </Space>
        }
      >
        {error && <ApiErrorAlert error={error} />}
        {isPending && <Skeleton active />}
        {data && indicator && (
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} bordered>
            <Descriptions.Item label={t('indicatorAdmin.drill.value')}>
              <Typography.Text strong data-testid="drill-value">
                {figure(indicator.value)}
              </Typography.Text>{' '}
              {indicator.unit}
            </Descriptions.Item>
            <Descriptions.Item label={t('indicatorAdmin.drill.target')}>
              {formatNumber(indicator.target)} {indicator.unit} · {formatDate(indicator.targetDate)}
            </Descriptions.Item>
            <Descriptions.Item label={t('indicatorAdmin.drill.status')}>
              <StatusTag tone={INDICATOR_STATUS_TONES[indicator.status]}>{t(`indicatorStatuses.${indicator.status}`)}</StatusTag>
            </Descriptions.Item>
            <Descriptions.Item label={t('indicatorAdmin.drill.asOf')}>{formatDate(indicator.asOf)}</Descriptions.Item>
            <Descriptions.Item label={t('indicatorAdmin.drill.definition')} span={{ xs: 1, md: 2, xl: 4 }}>
              {locale === 'zh-CN' ? indicator.definition : indicator.definitionEn || indicator.definition}
            </Descriptions.Item>
            <Descriptions.Item label={t('indicatorAdmin.drill.method')} span={{ xs: 1, md: 2, xl: 4 }}>
              <span data-testid="drill-method">
                <Method data={data} />
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('indicatorAdmin.drill.sum')} span={{ xs: 1, md: 2, xl: 4 }}>
              <span data-testid="drill-sum">{figure(data.sum)}</span>
              {data.basis !== 'operands' && (
                <Typography.Text type="secondary">{`  (${t('indicatorAdmin.drill.total', { n: data.total })})`}</Typography.Text>
              )}
            </Descriptions.Item>
          </Descriptions>
        )}
        {indicator?.value === null && indicator.reason && (
          <Alert style={{ marginTop: 12 }} type="warning" showIcon title={`${t('indicatorAdmin.drill.noValue')} — ${indicator.reason}`} />
        )}
      </Card>
      {data && (
        <Card size="small">
          {data.basis === 'records' && (
            <Table<IndicatorRecord>
              rowKey={(r) => `${r.kind}:${r.id}`}
              size="small"
              loading={isFetching}
              columns={columns.records}
              dataSource={data.records}
              pagination={pagination}
              data-testid="drill-table"
            />
          )}
          {data.basis === 'data_values' && (
            <Table<IndicatorDataValue>
              rowKey={(r) => `${r.districtId}:${r.period}`}
              size="small"
              loading={isFetching}
              columns={columns.dataValues}
              dataSource={data.dataValues}
              pagination={pagination}
              data-testid="drill-table"
            />
          )}
          {data.basis === 'operands' && (
            <Table<IndicatorOperand>
              rowKey="reference"
              size="small"
              loading={isFetching}
              columns={columns.operands}
              dataSource={data.operands}
              pagination={false}
              data-testid="drill-table"
            />
          )}
        </Card>
      )}
      {data?.basis === 'records' && <PendingRecords records={data.pending} total={data.pendingTotal} columns={columns.records} />}
    </Flex>
  );
}
