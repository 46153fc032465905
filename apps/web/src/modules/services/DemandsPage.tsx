import { PlusOutlined } from '@ant-design/icons';
import { API, DEMAND_STATES, type Demand } from '@suilian/contracts';
import { Button, Flex, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../session/auth';
import { ExportButton } from '../../shared/ExportButton';
import { FilterBar } from '../../shared/FilterBar';
import { formatDateTime } from '../../shared/format';
import { ListPage, ServerTable } from '../../shared/frame/ListPage';
import { useTableState } from '../../shared/useTableState';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { DemandFormDrawer } from './DemandFormDrawer';
import { DEMAND_FILTER_KEYS, useDemands } from './hooks';
import { DemandStateTag } from './tags';

/** 企业需求 (issue #15 item 3): the enterprise's own, the district's enterprises', the city's all; a row opens the matches. */
export default function DemandsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useAuth();
  const table = useTableState({ sort: '-createdAt' });
  const [filters, setFilters] = useUrlFilters(DEMAND_FILTER_KEYS);
  const [creating, setCreating] = useState(false);
  const { data, isFetching, error } = useDemands(table, filters);

  const columns = [
    {
      title: t('services.demandTitle'),
      key: 'title',
      dataIndex: 'title',
      sorter: true,
      sortOrder: table.sortOrder('title'),
      render: (title: string, d: Demand) => (
        <Flex vertical>
          <Typography.Text strong>{title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {d.enterpriseName} · {d.districtName}
            {d.postedByDistrict ? ` · ${t('services.postedByDistrict')}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('services.scenarios'),
      key: 'scenarios',
      render: (_: unknown, d: Demand) => d.scenarios.map((s) => <Tag key={s.code}>{s.name}</Tag>),
    },
    {
      title: t('services.budgetBand'),
      key: 'budget',
      render: (_: unknown, d: Demand) => (d.budgetBand ? t(`priceBands.${d.budgetBand}`) : '—'),
    },
    { title: t('services.leadCount'), key: 'leads', dataIndex: 'leadCount' },
    { title: t('services.state'), key: 'state', render: (_: unknown, d: Demand) => <DemandStateTag state={d.state} /> },
    {
      title: t('fields.createdAt'),
      key: 'createdAt',
      dataIndex: 'createdAt',
      sorter: true,
      sortOrder: table.sortOrder('createdAt'),
      render: formatDateTime,
    },
  ];

  return (
    <ListPage
      title={t('services.demandsTitle')}
      testId="demands-page"
      error={error}
      extra={
        <Space>
          <ExportButton endpoint={API.exportDemands} filters={{ sort: table.sort, ...filters }} testId="demand-export" />
          {can('demand:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="demand-create">
              {t('services.createDemand')}
            </Button>
          )}
        </Space>
      }
      overlays={
        <DemandFormDrawer
          mode={creating ? { type: 'create' } : null}
          onClose={() => setCreating(false)}
          onSaved={(d) => {
            setCreating(false);
            navigate(`/services/demands/${d.id}`);
          }}
        />
      }
    >
      <FilterBar
        value={filters}
        onChange={(next) => {
          setFilters(next);
          table.resetPage();
        }}
        placeholder={t('services.searchDemands')}
        testId="demand-filters"
      >
        <Select
          value={filters.state}
          onChange={(state) => setFilters({ ...filters, state })}
          options={DEMAND_STATES.map((s) => ({ value: s, label: t(`demandStates.${s}`) }))}
          placeholder={t('services.state')}
          allowClear
          style={{ width: 120 }}
        />
      </FilterBar>
      <ServerTable<Demand>
        rowKey="id"
        columns={columns}
        table={table}
        page={data}
        fetching={isFetching}
        onOpen={(d) => navigate(`/services/demands/${d.id}`)}
        emptyText={t('services.demandsEmpty')}
        testId="demands-table"
      />
    </ListPage>
  );
}
