import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { API, CONFIRMATION_STATES, NETWORK_MODES, NETWORK_STATES, type Network } from '@suilian/contracts';
import { Button, Card, Empty, Flex, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { urlOf, urlQuery } from '../../api/endpoints';
import { useAuth, useMe } from '../../session/auth';
import { ApiErrorAlert } from '../../shared/errors';
import { CityDistrictFilter, FilterBar } from '../../shared/FilterBar';
import { formatDate } from '../../shared/format';
import { pagination, useTableState } from '../../shared/useTableState';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { NETWORK_FILTER_KEYS, useNetworks } from './hooks';
import { NetworkFormDrawer } from './NetworkFormDrawer';
import { NetworkConfirmationTag, NetworkStateTag } from './NetworkTags';

/** 5G专网: the private networks in reach, filters, export; operators register new ones. */
export default function NetworksPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useAuth();
  const me = useMe();
  const table = useTableState({ sort: '-createdAt' });
  const [filters, setFilters] = useUrlFilters(NETWORK_FILTER_KEYS);
  const [creating, setCreating] = useState(false);
  const { data, isFetching, error } = useNetworks(table, filters);
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const mayRegister = can('network:write') && (me.orgKind === 'provider' || me.orgKind === 'city');
  const onFilters = (next: typeof filters) => {
    setFilters(next);
    table.resetPage();
  };

  const columns: TableColumnsType<Network> = [
    {
      title: t('fields.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: table.sortOrder('name'),
      render: (name: string, n) => (
        <Flex vertical>
          <Typography.Text strong>{name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {n.enterpriseName}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('networks.fields.operator'), dataIndex: 'operatorName', key: 'operatorName' },
    { title: t('networks.fields.district'), dataIndex: 'districtName', key: 'districtName', width: 90 },
    { title: t('networks.fields.mode'), dataIndex: 'mode', key: 'mode', render: (m: Network['mode']) => t(`networkModes.${m}`) },
    { title: t('networks.fields.bands'), dataIndex: 'bands', key: 'bands', render: (b: string[]) => b.map((x) => <Tag key={x}>{x}</Tag>) },
    {
      title: t('networks.fields.state'),
      dataIndex: 'state',
      key: 'state',
      sorter: true,
      sortOrder: table.sortOrder('state'),
      render: (s: Network['state']) => <NetworkStateTag state={s} />,
    },
    {
      title: t('networks.fields.inServiceOn'),
      dataIndex: 'inServiceOn',
      key: 'inServiceOn',
      sorter: true,
      sortOrder: table.sortOrder('inServiceOn'),
      render: formatDate,
    },
    { title: t('networks.fields.edgeNodes'), key: 'nodes', render: (_v, n) => n.edgeNodes.length },
    {
      title: t('networks.fields.confirmation'),
      key: 'confirmation',
      render: (_v, n) => <NetworkConfirmationTag state={n.confirmation.state} />,
    },
  ];

  return (
    <Card
      title={t('networks.title')}
      extra={
        <Space>
          <Button
            icon={<DownloadOutlined />}
            href={urlOf(API.exportNetworks, { query: urlQuery(API.exportNetworks, { ...filters, sort: table.sort }) })}
            data-testid="network-export"
          >
            {t('networks.export')}
          </Button>
          {mayRegister && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="network-create">
              {t('networks.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Flex vertical gap={16}>
        <FilterBar
          value={filters}
          onChange={onFilters}
          placeholder={t('networks.searchPlaceholder')}
          searchWidth={220}
          testId="network-filters"
          align="center"
        >
          <CityDistrictFilter value={filters.districtId} onChange={(districtId) => onFilters({ ...filters, districtId })} />
          <Select
            value={filters.state}
            onChange={(state) => onFilters({ ...filters, state })}
            options={NETWORK_STATES.map((s) => ({ value: s, label: t(`networks.states.${s}`) }))}
            placeholder={t('networks.fields.state')}
            allowClear
            style={{ width: 110 }}
          />
          <Select
            value={filters.mode}
            onChange={(mode) => onFilters({ ...filters, mode })}
            options={NETWORK_MODES.map((m) => ({ value: m, label: t(`networkModes.${m}`) }))}
            placeholder={t('networks.fields.mode')}
            allowClear
            style={{ width: 120 }}
          />
          <Select
            value={filters.confirmation}
            onChange={(confirmation) => onFilters({ ...filters, confirmation })}
            options={CONFIRMATION_STATES.map((s) => ({ value: s, label: t(`confirmations.states.${s}`) }))}
            placeholder={t('networks.fields.confirmation')}
            allowClear
            popupMatchSelectWidth={false}
            style={{ width: 140 }}
            data-testid="network-filter-confirmation"
          />
        </FilterBar>
        <Typography.Text type="secondary">{t('networks.countsHint')}</Typography.Text>
        {error && <ApiErrorAlert error={error} />}
        <Table<Network>
          rowKey="id"
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          onChange={table.onChange}
          pagination={pagination(table, data?.total, (total) => t('common.total', { total }))}
          onRow={(n) => ({ onClick: () => navigate(`/networks/${n.id}`), style: { cursor: 'pointer' } })}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={filtered ? t('networks.emptyFiltered') : t('networks.empty')} /> }}
          data-testid="networks-table"
        />
      </Flex>
      <NetworkFormDrawer
        mode={creating ? { type: 'create' } : null}
        onClose={() => setCreating(false)}
        onSaved={(n) => {
          setCreating(false);
          navigate(`/networks/${n.id}`);
        }}
      />
    </Card>
  );
}
