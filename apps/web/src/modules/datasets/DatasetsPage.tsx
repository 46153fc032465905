import { DownloadOutlined } from '@ant-design/icons';
import { DATASET_ACCESS_LEVELS, DATASET_THEMES, type Dataset, type DatasetAccessLevel, type DatasetTheme } from '@suilian/contracts';
import { Button, Select, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLocale } from '../../session/locale';
import { FilterBar } from '../../shared/FilterBar';
import { formatDateTime } from '../../shared/format';
import { ListPage, ServerTable } from '../../shared/frame/ListPage';
import { useTableState } from '../../shared/useTableState';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { saveBlob, toCsv } from './csv';
import { type DatasetFilters, useDatasets } from './hooks';
import { LICENCE_KEYS } from './licence';

const LEVEL_COLOURS: Record<DatasetAccessLevel, string> = { public: 'green', registered: 'blue', internal: 'orange' };

/** The access level as a coloured tag. */
export function AccessLevelTag({ level }: { level: DatasetAccessLevel }) {
  const { t } = useTranslation();
  return <Tag color={LEVEL_COLOURS[level]}>{t(`datasets.accessLevel.${level}`)}</Tag>;
}

/** 数据目录 (issue #16 item 3): the datasets the account may see, filtered, exported, opened. */
export default function DatasetsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const table = useTableState();
  const [urlFilters, setFilters] = useUrlFilters(['q', 'theme', 'accessLevel'] as const);
  const filters: DatasetFilters = {
    q: urlFilters.q,
    theme: DATASET_THEMES.find((v) => v === urlFilters.theme),
    accessLevel: DATASET_ACCESS_LEVELS.find((v) => v === urlFilters.accessLevel),
  };
  const { data, isFetching, error } = useDatasets(table, filters);
  const titleOf = (d: Dataset) => (locale === 'zh-CN' ? d.titleZh : d.titleEn);

  const columns: TableColumnsType<Dataset> = [
    {
      title: t('datasets.fields.title'),
      key: 'title',
      render: (_v, d) => (
        <Space direction="vertical" size={0}>
          <Typography.Link onClick={() => navigate(`/datasets/${d.id}`)} data-testid="dataset-open">
            {titleOf(d)}
          </Typography.Link>
          <Typography.Text type="secondary">{d.code}</Typography.Text>
        </Space>
      ),
    },
    { title: t('datasets.fields.theme'), key: 'theme', render: (_v, d) => t(`datasets.theme.${d.theme}`) },
    { title: t('datasets.fields.accessLevel'), key: 'level', render: (_v, d) => <AccessLevelTag level={d.accessLevel} /> },
    { title: t('datasets.fields.licence'), key: 'licence', render: (_v, d) => t(`datasets.licence.${LICENCE_KEYS[d.licence]}`) },
    { title: t('datasets.fields.frequency'), key: 'frequency', render: (_v, d) => t(`datasets.frequency.${d.frequency}`) },
    { title: t('datasets.fields.source'), key: 'source', render: (_v, d) => t(`datasets.sourceKind.${d.source.kind}`) },
    { title: t('datasets.fields.updatedAt'), key: 'updatedAt', render: (_v, d) => formatDateTime(d.updatedAt) },
  ];

  const exportList = () => {
    const header = [
      'fields.code',
      'fields.title',
      'fields.theme',
      'fields.accessLevel',
      'fields.licence',
      'fields.frequency',
      'fields.publisher',
    ].map((k) => t(`datasets.${k}` as never));
    const rows = (data?.items ?? []).map((d) => [
      d.code,
      titleOf(d),
      t(`datasets.theme.${d.theme}`),
      t(`datasets.accessLevel.${d.accessLevel}`),
      t(`datasets.licence.${LICENCE_KEYS[d.licence]}`),
      t(`datasets.frequency.${d.frequency}`),
      d.publisher,
    ]);
    saveBlob(toCsv(header, rows), 'datasets.csv');
  };

  return (
    <ListPage
      title={t('datasets.title')}
      testId="datasets-page"
      error={error}
      extra={
        <Button icon={<DownloadOutlined />} onClick={exportList} disabled={!data?.items.length} data-testid="datasets-export">
          {t('datasets.export')}
        </Button>
      }
    >
      <FilterBar value={filters} onChange={(next) => setFilters(next)} placeholder={t('datasets.search')} testId="dataset-filters">
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('datasets.fields.theme')}
          value={filters.theme}
          onChange={(theme?: DatasetTheme) => setFilters({ ...filters, theme })}
          options={DATASET_THEMES.map((v) => ({ value: v, label: t(`datasets.theme.${v}`) }))}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('datasets.fields.accessLevel')}
          value={filters.accessLevel}
          onChange={(accessLevel?: DatasetAccessLevel) => setFilters({ ...filters, accessLevel })}
          options={DATASET_ACCESS_LEVELS.map((v) => ({ value: v, label: t(`datasets.accessLevel.${v}`) }))}
          data-testid="dataset-level-filter"
        />
      </FilterBar>
      <ServerTable<Dataset>
        rowKey="id"
        table={table}
        page={data}
        fetching={isFetching}
        columns={columns}
        emptyText={t('datasets.empty')}
        testId="datasets-table"
        onOpen={(d) => navigate(`/datasets/${d.id}`)}
      />
    </ListPage>
  );
}
