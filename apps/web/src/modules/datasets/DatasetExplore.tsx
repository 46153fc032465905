import { DownloadOutlined } from '@ant-design/icons';
import type { Dataset } from '@suilian/contracts';
import { Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../session/locale';
import { ApiErrorAlert } from '../../shared/errors';
import { formatNumber } from '../../shared/format';
import { saveBlob, toCsv } from './csv';
import { useDatasetRows } from './hooks';

const EChart = lazy(() => import('../../shared/charts/EChart'));

/** 探索分析 for internal datasets (issue #16 item 3): filter by one column, group by another, sum a number column, chart, export. */
export function DatasetExplore({ dataset }: { dataset: Dataset }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const nameOf = (key: string) => {
    const column = dataset.columns.find((c) => c.key === key);
    return column ? (locale === 'zh-CN' ? column.zh : column.en) : key;
  };
  const textColumns = dataset.columns.filter((c) => c.type !== 'number');
  const numberColumns = dataset.columns.filter((c) => c.type === 'number');
  const [column, setColumn] = useState<string | undefined>();
  const [value, setValue] = useState('');
  const [groupBy, setGroupBy] = useState<string | undefined>(textColumns[0]?.key);
  const [measure, setMeasure] = useState<string | undefined>(numberColumns[0]?.key);
  const query = { ...(column && value ? { column, value } : {}), groupBy, measure, limit: 1 };
  const { data, error } = useDatasetRows(dataset.id, query, Boolean(groupBy));
  const groups = data?.groups ?? [];
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 8, top: 24, bottom: 4, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: {
        type: 'category',
        data: groups.map((g) => g.key),
        axisLabel: { interval: 0, rotate: groups.length > 6 ? 30 : 0, fontSize: 11 },
      },
      yAxis: { type: 'value', splitNumber: 4 },
      series: [{ type: 'bar', barMaxWidth: 32, data: groups.map((g) => (measure ? g.sum : g.count)) }],
    }),
    [groups, measure],
  );
  const exportGroups = () =>
    saveBlob(
      toCsv(
        [nameOf(groupBy ?? ''), t('datasets.count'), measure ? `${t('datasets.sum')} ${nameOf(measure)}` : t('datasets.sum')],
        groups.map((g) => [g.key, g.count, g.sum]),
      ),
      `${dataset.code}-${groupBy ?? 'groups'}.csv`,
    );
  const columnOptions = (list: typeof dataset.columns) => list.map((c) => ({ value: c.key, label: locale === 'zh-CN' ? c.zh : c.en }));

  return (
    <Card
      size="small"
      title={t('datasets.explore')}
      data-testid="dataset-explore"
      extra={
        <Button
          size="small"
          icon={<DownloadOutlined />}
          onClick={exportGroups}
          disabled={!groups.length}
          data-testid="dataset-explore-export"
        >
          {t('datasets.exportGroups')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('datasets.exploreNote')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('datasets.filterColumn')}
          value={column}
          onChange={setColumn}
          options={columnOptions(dataset.columns)}
        />
        <Input style={{ width: 160 }} placeholder={t('datasets.filterValue')} value={value} onChange={(e) => setValue(e.target.value)} />
        <Select
          style={{ width: 160 }}
          placeholder={t('datasets.groupBy')}
          value={groupBy}
          onChange={setGroupBy}
          options={columnOptions(textColumns)}
          data-testid="dataset-group-by"
        />
        <Select
          allowClear
          style={{ width: 200 }}
          placeholder={t('datasets.measure')}
          value={measure}
          onChange={setMeasure}
          options={columnOptions(numberColumns)}
        />
      </Space>
      {error ? <ApiErrorAlert error={error} /> : null}
      {groups.length > 0 && (
        <Suspense fallback={null}>
          <EChart option={option} height={260} label={t('datasets.explore')} testId="dataset-explore-chart" />
        </Suspense>
      )}
      <Table
        size="small"
        rowKey="key"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={groups}
        columns={[
          { title: nameOf(groupBy ?? ''), dataIndex: 'key' },
          { title: t('datasets.count'), dataIndex: 'count', align: 'right' },
          ...(measure
            ? [
                {
                  title: `${t('datasets.sum')} ${nameOf(measure)}`,
                  dataIndex: 'sum',
                  align: 'right' as const,
                  render: (v: number | null) => formatNumber(v),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
