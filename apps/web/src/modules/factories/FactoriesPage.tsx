import { PlusOutlined } from '@ant-design/icons';
import { API, FACTORY_LEVELS, FACTORY_SCENARIO_THRESHOLD, type Factory } from '@suilian/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Rate, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../session/auth';
import { ExcelToolbar } from '../../shared/ExcelToolbar';
import { ApiErrorAlert } from '../../shared/errors';
import { CityDistrictFilter, FilterBar } from '../../shared/FilterBar';
import { formatDateTime } from '../../shared/format';
import { pagination, useTableState } from '../../shared/useTableState';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { ConfirmationStateTag } from '../confirmations';
import { FactoryFormDrawer } from './FactoryFormDrawer';
import { FactoryTargetTag } from './FactoryTargetTag';
import { FACTORY_FILTER_KEYS, type FactoryFilters, useFactories } from './hooks';

function FactoryFilterBar({
  value,
  onChange,
  enterpriseName,
}: {
  value: FactoryFilters;
  onChange(next: FactoryFilters): void;
  enterpriseName?: string;
}) {
  const { t } = useTranslation();
  const thresholds = [FACTORY_SCENARIO_THRESHOLD, 5, 1];
  return (
    <FilterBar
      value={value}
      onChange={onChange}
      placeholder={t('factories.searchPlaceholder')}
      searchWidth={240}
      testId="factory-filters"
      align="center"
    >
      <CityDistrictFilter value={value.districtId} onChange={(districtId) => onChange({ ...value, districtId })} />
      <Select
        value={value.level}
        onChange={(level) => onChange({ ...value, level })}
        options={FACTORY_LEVELS.map((l) => ({ value: l, label: t(`factoryLevels.${l}`) }))}
        placeholder={t('fields.level')}
        allowClear
        style={{ width: 120 }}
      />
      <Select
        value={value.minLiveScenarios}
        onChange={(minLiveScenarios) => onChange({ ...value, minLiveScenarios })}
        options={thresholds.map((n) => ({
          value: String(n),
          label: n === FACTORY_SCENARIO_THRESHOLD ? t('factories.minLiveTarget', { n }) : t('factories.minLiveAtLeast', { n }),
        }))}
        placeholder={t('factories.minLive')}
        allowClear
        popupMatchSelectWidth={false}
        style={{ width: 180 }}
        data-testid="factory-filter-minLive"
      />
      {value.enterpriseId && (
        <Tag closable onClose={() => onChange({ ...value, enterpriseId: undefined })} color="blue">
          {t('enterprises.filterEnterprise', { name: enterpriseName ?? '…' })}
        </Tag>
      )}
    </FilterBar>
  );
}

/** 5G工厂: level, scenarios live, the T-APP-1 tag; a row opens the factory. */
export default function FactoriesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useAuth();
  const client = useQueryClient();
  const table = useTableState({ sort: 'name' });
  const [filters, setFilters] = useUrlFilters(FACTORY_FILTER_KEYS);
  const [creating, setCreating] = useState(false);
  const { data, isFetching, error } = useFactories(table, filters);
  const filtered = Object.values(filters).some((v) => v !== undefined);

  const columns: TableColumnsType<Factory> = [
    {
      title: t('fields.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: table.sortOrder('name'),
      render: (name: string, f) => (
        <Flex vertical>
          <Typography.Text strong>{name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {f.enterpriseName}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('orgs.district'), dataIndex: 'districtName', key: 'districtName', width: 90 },
    {
      title: t('fields.level'),
      dataIndex: 'level',
      key: 'level',
      sorter: true,
      sortOrder: table.sortOrder('level'),
      render: (l: Factory['level']) => (
        <Tag color={l === 'factory' ? 'geekblue' : l === 'workshop' ? 'blue' : 'default'}>{t(`factoryLevels.${l}`)}</Tag>
      ),
    },
    {
      title: t('factories.liveScenarios'),
      key: 'live',
      render: (_v, f) => (
        <Space size={6}>
          <span>{t('factories.liveCount', { live: f.liveScenarioCount, total: f.scenarios.length })}</span>
          <FactoryTargetTag factory={f} />
        </Space>
      ),
    },
    {
      title: t('fields.nationalListYear'),
      dataIndex: 'nationalListYear',
      key: 'nationalListYear',
      sorter: true,
      sortOrder: table.sortOrder('nationalListYear'),
      render: (v: number | null) => v ?? '—',
    },
    {
      title: t('fields.starRating'),
      dataIndex: 'starRating',
      key: 'starRating',
      render: (v: number | null) => (v ? <Rate disabled value={v} style={{ fontSize: 12 }} /> : '—'),
    },
    {
      title: t('confirmations.column'),
      key: 'confirmation',
      width: 130,
      render: (_v, f) => <ConfirmationStateTag state={f.confirmation.state} />,
    },
    { title: t('fields.updatedAt'), dataIndex: 'updatedAt', key: 'updatedAt', render: formatDateTime },
  ];

  return (
    <Card
      title={t('factories.title')}
      extra={
        <Space>
          <ExcelToolbar
            endpoints={{ template: API.downloadFactoryTemplate, import: API.importFactories, export: API.exportFactories }}
            name={t('factories.title')}
            filters={{ ...filters, sort: table.sort }}
            canImport={can('enterprise:write')}
            onImported={() => void client.invalidateQueries({ queryKey: ['factories'] })}
          />
          {can('enterprise:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="factory-create">
              {t('factories.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Flex vertical gap={16}>
        <FactoryFilterBar
          value={filters}
          onChange={(next) => {
            setFilters(next);
            table.resetPage();
          }}
          enterpriseName={data?.items[0]?.enterpriseName}
        />
        {error && <ApiErrorAlert error={error} />}
        <Table<Factory>
          rowKey="id"
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          onChange={table.onChange}
          pagination={pagination(table, data?.total, (total) => t('common.total', { total }))}
          onRow={(f) => ({ onClick: () => navigate(`/programme/factories/${f.id}`), style: { cursor: 'pointer' } })}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={filtered ? t('factories.emptyFiltered') : t('factories.empty')} /> }}
          data-testid="factories-table"
        />
      </Flex>
      <FactoryFormDrawer
        mode={creating ? { type: 'create' } : null}
        onClose={() => setCreating(false)}
        onSaved={(f) => {
          setCreating(false);
          navigate(`/programme/factories/${f.id}`);
        }}
      />
    </Card>
  );
}
