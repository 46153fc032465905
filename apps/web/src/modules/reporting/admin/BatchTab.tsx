import { FileExcelOutlined } from '@ant-design/icons';
import { API, type BatchValidationQuery, type DataSetConfig, type Violation } from '@suilian/contracts';
import { Alert, Button, DatePicker, Flex, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { urlOf } from '../../../api/endpoints';
import { useMe } from '../../../session/auth';
import { useLocale } from '../../../session/locale';
import { DistrictSelect } from '../../../shared/districts';
import { ApiErrorAlert } from '../../../shared/errors';
import { formatNumber } from '../../../shared/format';
import { StatusTag } from '../../../shared/StatusTag';
import { useBatchValidation, useDataSetConfigs } from './hooks';
import { IMPORTANCE_TONES } from './RulesTab';

/** The DHIS2 period id of the period of `type` that contains the day. */
export function periodOf(type: DataSetConfig['periodType'], d: Dayjs): string {
  if (type === 'yearly') return String(d.year());
  if (type === 'quarterly') return `${d.year()}Q${Math.floor(d.month() / 3) + 1}`;
  return d.format('YYYYMM');
}

const PICKERS = { monthly: 'month', quarterly: 'quarter', yearly: 'year' } as const;
const uniq = (xs: string[]) => [...new Set(xs)].map((x) => ({ value: x, text: x }));

/** 批量校验: every rule of a data set over a range of periods and districts; violations filterable and exportable. */
export function BatchTab() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const me = useMe();
  const sets = useDataSetConfigs();
  const [dataSet, setDataSet] = useState<string | undefined>();
  const chosen = sets.data?.find((s) => s.code === dataSet) ?? sets.data?.find((s) => s.code === 'DISTRICT_MONTHLY') ?? sets.data?.[0];
  const type = chosen?.periodType ?? 'monthly';
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(3, 'month'), dayjs().subtract(1, 'month')]);
  const [district, setDistrict] = useState<string | undefined>();
  const [query, setQuery] = useState<BatchValidationQuery | null>(null);
  const result = useBatchValidation(query);
  const data = result.data;
  const violations = data?.violations ?? [];

  return (
    <Flex vertical gap={12}>
      <Space wrap>
        <Select
          style={{ width: 220 }}
          value={chosen?.code}
          onChange={setDataSet}
          loading={sets.isPending}
          options={(sets.data ?? []).map((s) => ({ value: s.code, label: locale === 'zh-CN' ? s.nameZh : s.nameEn }))}
          data-testid="batch-data-set"
        />
        <DatePicker.RangePicker
          picker={PICKERS[type]}
          allowClear={false}
          value={range}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          data-testid="batch-range"
        />
        {me.orgKind === 'city' && (
          <DistrictSelect
            allowClear
            value={district}
            onChange={setDistrict}
            placeholder={t('reportingAdmin.batch.district')}
            style={{ width: 180 }}
            data-testid="batch-district"
          />
        )}
        <Button
          type="primary"
          disabled={!chosen}
          loading={result.isFetching}
          onClick={() =>
            chosen &&
            setQuery({
              dataSet: chosen.code,
              from: periodOf(type, range[0]),
              to: periodOf(type, range[1]),
              ...(district ? { orgUnit: district } : {}),
            })
          }
          data-testid="batch-run"
        >
          {t('reportingAdmin.batch.run')}
        </Button>
        {query && data && (
          <Button icon={<FileExcelOutlined />} href={urlOf(API.exportBatchValidation, { query })} data-testid="batch-export">
            {t('reportingAdmin.batch.export')}
          </Button>
        )}
      </Space>
      {result.error && <ApiErrorAlert error={result.error} />}
      {data && (
        <Alert
          type={violations.length === 0 ? 'success' : 'warning'}
          showIcon
          data-testid="batch-summary"
          title={t('reportingAdmin.batch.summary', {
            orgUnits: data.orgUnits,
            periods: data.periods.length,
            rules: data.rules,
            evaluations: data.evaluations,
            skipped: data.skipped,
            violations: violations.length,
          })}
          description={violations.length === 0 ? t('reportingAdmin.batch.none') : undefined}
        />
      )}
      {data && violations.length > 0 && (
        <Table<Violation>
          size="small"
          rowKey={(v) => `${v.rule}|${v.orgUnit}|${v.period}`}
          dataSource={violations}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          data-testid="batch-table"
          columns={[
            {
              title: t('reportingAdmin.batch.rule'),
              key: 'rule',
              filters: uniq(violations.map((v) => v.rule)),
              onFilter: (value, v) => v.rule === value,
              render: (_, v) => (
                <Flex vertical>
                  <Typography.Text code translate="no">
                    {v.rule}
                  </Typography.Text>
                  <Typography.Text type="secondary">{locale === 'zh-CN' ? v.ruleNameZh : v.ruleNameEn}</Typography.Text>
                </Flex>
              ),
            },
            {
              title: t('reportingAdmin.field.importance'),
              dataIndex: 'importance',
              filters: uniq(violations.map((v) => v.importance)).map((f) => ({
                ...f,
                text: t(`reportingAdmin.importances.${f.value as Violation['importance']}`),
              })),
              onFilter: (value, v) => v.importance === value,
              render: (i: Violation['importance']) => (
                <StatusTag tone={IMPORTANCE_TONES[i]}>{t(`reportingAdmin.importances.${i}`)}</StatusTag>
              ),
            },
            {
              title: t('reportingAdmin.batch.district_'),
              dataIndex: 'orgUnitName',
              filters: uniq(violations.map((v) => v.orgUnitName)),
              onFilter: (value, v) => v.orgUnitName === value,
            },
            {
              title: t('reportingAdmin.batch.period'),
              dataIndex: 'period',
              filters: uniq(violations.map((v) => v.period)),
              onFilter: (value, v) => v.period === value,
            },
            {
              title: t('reportingAdmin.batch.leftValue'),
              dataIndex: 'left',
              align: 'right',
              render: (n: number | null) => formatNumber(n),
            },
            {
              title: t('reportingAdmin.field.operator'),
              dataIndex: 'operator',
              render: (o: Violation['operator']) => t(`reportingAdmin.operators.${o}`),
            },
            {
              title: t('reportingAdmin.batch.rightValue'),
              dataIndex: 'right',
              align: 'right',
              render: (n: number | null) => formatNumber(n),
            },
            {
              title: t('reportingAdmin.batch.message'),
              key: 'message',
              // in the user's language (the server's English sentence stays in the export and the API)
              render: (_, v) => {
                const values = {
                  left: formatNumber(v.left),
                  right: formatNumber(v.right),
                  op: t(`reportingAdmin.operators.${v.operator}`),
                };
                const text =
                  v.operator === 'compulsory_pair'
                    ? t('reportingAdmin.batch.failedCompulsory', values)
                    : v.operator === 'exclusive_pair'
                      ? t('reportingAdmin.batch.failedExclusive', values)
                      : t('reportingAdmin.batch.failedComparison', values);
                return <span>{text}</span>;
              },
            },
          ]}
        />
      )}
    </Flex>
  );
}
