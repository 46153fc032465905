import { PlusOutlined } from '@ant-design/icons';
import { API, SOLUTION_STATES, type Solution } from '@suilian/contracts';
import { Button, Flex, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../session/auth';
import { CodeSelect } from '../../shared/codeLists';
import { ExportButton } from '../../shared/ExportButton';
import { FilterBar } from '../../shared/FilterBar';
import { formatDateTime } from '../../shared/format';
import { ListPage, ServerTable } from '../../shared/frame/ListPage';
import { useTableState } from '../../shared/useTableState';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { SOLUTION_FILTER_KEYS, useSolutions } from './hooks';
import { SolutionFormDrawer } from './SolutionFormDrawer';
import { SolutionStateTag } from './tags';

/**
 * 解决方案 (issue #15 item 2): the catalogue every logged-in user reads, a provider's own solutions in
 * any state; with `review`, the city's queue of submitted ones.
 */
export default function SolutionsPage({ review = false }: { review?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useAuth();
  const table = useTableState({ sort: '-updatedAt' });
  const [urlFilters, setFilters] = useUrlFilters(SOLUTION_FILTER_KEYS);
  const filters = review ? { ...urlFilters, state: 'submitted' } : urlFilters;
  const [creating, setCreating] = useState(false);
  const { data, isFetching, error } = useSolutions(table, filters);
  const filtered = Object.values(urlFilters).some((v) => v !== undefined);

  const columns = [
    {
      title: t('services.title'),
      key: 'title',
      dataIndex: 'title',
      sorter: true,
      sortOrder: table.sortOrder('title'),
      render: (title: string, s: Solution) => (
        <Flex vertical>
          <Typography.Text strong>{title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s.providerName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('services.scenarios'),
      key: 'scenarios',
      render: (_: unknown, s: Solution) => s.scenarios.map((x) => <Tag key={x.code}>{x.name}</Tag>),
    },
    {
      title: t('services.priceBand'),
      key: 'priceBand',
      render: (_: unknown, s: Solution) => (s.priceBand ? t(`priceBands.${s.priceBand}`) : '—'),
    },
    {
      title: t('services.deliveryModel'),
      key: 'deliveryModel',
      render: (_: unknown, s: Solution) => (s.deliveryModel ? t(`deliveryModels.${s.deliveryModel}`) : '—'),
    },
    { title: t('services.state'), key: 'state', render: (_: unknown, s: Solution) => <SolutionStateTag state={s.state} /> },
    {
      title: t('fields.updatedAt'),
      key: 'updatedAt',
      dataIndex: 'updatedAt',
      sorter: true,
      sortOrder: table.sortOrder('updatedAt'),
      render: formatDateTime,
    },
  ];

  return (
    <ListPage
      title={review ? t('services.reviewTitle') : t('services.solutionsTitle')}
      testId={review ? 'solution-review-page' : 'solutions-page'}
      error={error}
      extra={
        <Space>
          <ExportButton endpoint={API.exportSolutions} filters={{ sort: table.sort, ...filters }} testId="solution-export" />
          {!review && can('solution:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="solution-create">
              {t('services.createSolution')}
            </Button>
          )}
        </Space>
      }
      overlays={
        <SolutionFormDrawer
          mode={creating ? { type: 'create' } : null}
          onClose={() => setCreating(false)}
          onSaved={(s) => {
            setCreating(false);
            navigate(`/services/solutions/${s.id}`);
          }}
        />
      }
    >
      <FilterBar
        value={urlFilters}
        onChange={(next) => {
          setFilters(next);
          table.resetPage();
        }}
        placeholder={t('services.searchSolutions')}
        testId="solution-filters"
      >
        {!review && (
          <Select
            value={urlFilters.state}
            onChange={(state) => setFilters({ ...urlFilters, state })}
            options={SOLUTION_STATES.map((s) => ({ value: s, label: t(`solutionStates.${s}`) }))}
            placeholder={t('services.state')}
            allowClear
            style={{ width: 130 }}
          />
        )}
        <CodeSelect
          listKey="industry"
          value={urlFilters.industry}
          onChange={(industry) => setFilters({ ...urlFilters, industry: industry as string | undefined })}
          placeholder={t('services.industries')}
          allowClear
          style={{ width: 200 }}
        />
        <CodeSelect
          listKey="scenario"
          value={urlFilters.scenario}
          onChange={(scenario) => setFilters({ ...urlFilters, scenario: scenario as string | undefined })}
          placeholder={t('services.scenarios')}
          allowClear
          style={{ width: 160 }}
        />
      </FilterBar>
      <ServerTable<Solution>
        rowKey="id"
        columns={columns}
        table={table}
        page={data}
        fetching={isFetching}
        onOpen={(s) => navigate(`/services/solutions/${s.id}`)}
        emptyText={review ? t('services.reviewEmpty') : filtered ? t('services.solutionsEmpty') : t('services.solutionsEmpty')}
        testId="solutions-table"
      />
    </ListPage>
  );
}
