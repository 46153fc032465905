import { DeleteOutlined, EditOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { API, ASSET_CRITICALITIES, type Asset, NETWORK_ZONES } from '@suilian/contracts';
import { Button, Flex, Popconfirm, Select, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../session/auth';
import { ExcelToolbar } from '../../shared/ExcelToolbar';
import { ApiErrorAlert, useNotifyError } from '../../shared/errors';
import { CityDistrictFilter, FilterBar } from '../../shared/FilterBar';
import { ListPage, ServerTable } from '../../shared/frame/ListPage';
import { OrgSelect } from '../../shared/OrgSelect';
import { SourceText } from '../../shared/SourceText';
import { useTableState } from '../../shared/useTableState';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { AssetFormDrawer, type AssetFormMode } from './AssetFormDrawer';
import { useAssets, useDeleteAsset, useInvalidateSecurity } from './hooks';
import { VendorAliasesDrawer } from './VendorAliasesDrawer';

const FILTER_KEYS = ['q', 'zone', 'criticality', 'districtId', 'enterpriseId'] as const;
const CRITICALITY_COLOURS = { low: 'default', medium: 'blue', high: 'orange', critical: 'red' } as const;

/** 资产清单: an enterprise's own assets, a district's, or the whole city's (the server scopes the list). */
export default function AssetsPage() {
  const { t } = useTranslation();
  const { can, me } = useAuth();
  const table = useTableState();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const { data, isFetching, error } = useAssets(table, filters);
  const [mode, setMode] = useState<AssetFormMode | null>(null);
  const [aliases, setAliases] = useState(false);
  const remove = useDeleteAsset();
  const notifyError = useNotifyError();
  const invalidate = useInvalidateSecurity();
  const a = (key: string) => t(`vulnerabilities.assets.${key}` as 'vulnerabilities.assets.title');
  const write = can('asset:write');
  const change = (next: typeof filters) => {
    setFilters(next);
    table.resetPage();
  };

  const columns: TableColumnsType<Asset> = [
    ...(me?.orgKind === 'enterprise'
      ? []
      : [{ title: t('vulnerabilities.common.enterprise'), dataIndex: 'enterpriseName', key: 'enterpriseName' }]),
    { title: a('vendor'), dataIndex: 'vendor', key: 'vendor', render: (v: string) => <SourceText>{v}</SourceText> },
    {
      title: a('product'),
      dataIndex: 'product',
      key: 'product',
      render: (p: string, r) => (
        <Flex vertical>
          <Typography.Text strong>
            <SourceText>{p}</SourceText>
          </Typography.Text>
          {r.name && (
            <Typography.Text type="secondary">
              <SourceText>{r.name}</SourceText>
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: a('model'),
      dataIndex: 'model',
      key: 'model',
      render: (v: string | null) =>
        v ? (
          <Typography.Text code>
            <SourceText>{v}</SourceText>
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    { title: a('firmwareVersion'), dataIndex: 'firmwareVersion', key: 'firmwareVersion', render: (v: string | null) => v ?? '—' },
    { title: a('serial'), dataIndex: 'serial', key: 'serial', render: (v: string | null) => v ?? '—' },
    { title: a('host'), dataIndex: 'host', key: 'host', render: (v: string | null) => v ?? '—' },
    { title: a('site'), dataIndex: 'site', key: 'site', render: (v: string | null) => v ?? '—' },
    { title: a('zone'), dataIndex: 'zone', key: 'zone', render: (z: Asset['zone']) => <Tag>{z}</Tag> },
    {
      title: a('criticality'),
      dataIndex: 'criticality',
      key: 'criticality',
      render: (c: Asset['criticality']) => <Tag color={CRITICALITY_COLOURS[c]}>{t(`vulnerabilities.criticality.${c}`)}</Tag>,
    },
    { title: a('owner'), dataIndex: 'owner', key: 'owner', render: (v: string | null) => v ?? '—' },
    {
      title: a('openFindings'),
      dataIndex: 'openFindings',
      key: 'openFindings',
      align: 'right',
      render: (n: number, r) => (n > 0 ? <Link to={`/security/findings?assetId=${r.id}&open=true`}>{n}</Link> : 0),
    },
    ...(write
      ? [
          {
            key: 'actions',
            width: 90,
            render: (_v: unknown, r: Asset) => (
              <Space>
                <Button
                  type="text"
                  size="small"
                  icon={<EditOutlined />}
                  aria-label={t('vulnerabilities.common.edit')}
                  onClick={() => setMode({ type: 'edit', asset: r })}
                />
                <Popconfirm title={a('deleteConfirm')} onConfirm={() => remove.mutate(r.id, { onError: notifyError })}>
                  <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('vulnerabilities.common.delete')} />
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <ListPage
      title={a('title')}
      testId="assets-page"
      extra={
        <Space wrap>
          {can('vuln:manage') && (
            <Button icon={<TeamOutlined />} onClick={() => setAliases(true)}>
              {t('vulnerabilities.catalogue.aliases')}
            </Button>
          )}
          <ExcelToolbar
            endpoints={{ template: API.downloadAssetTemplate, import: API.importAssets, export: API.exportAssets }}
            name={a('importName')}
            filters={filters}
            canImport={write}
            onImported={() => void invalidate()}
          />
          {write && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setMode({ type: 'create' })} data-testid="asset-create">
              {a('create')}
            </Button>
          )}
        </Space>
      }
    >
      <FilterBar value={filters} onChange={change} placeholder={a('search')} testId="asset-filters" searchTestId="asset-filter-q">
        <Select
          value={filters.zone}
          onChange={(zone) => change({ ...filters, zone })}
          options={NETWORK_ZONES.map((z) => ({ value: z, label: z }))}
          placeholder={a('zone')}
          allowClear
          style={{ width: 100 }}
        />
        <Select
          value={filters.criticality}
          onChange={(criticality) => change({ ...filters, criticality })}
          options={ASSET_CRITICALITIES.map((c) => ({ value: c, label: t(`vulnerabilities.criticality.${c}`) }))}
          placeholder={a('criticality')}
          allowClear
          style={{ width: 100 }}
        />
        {me?.orgKind !== 'enterprise' && (
          <OrgSelect
            kinds={['enterprise']}
            value={filters.enterpriseId}
            onChange={(enterpriseId) => change({ ...filters, enterpriseId })}
            placeholder={t('vulnerabilities.common.enterprise')}
            allowClear
            style={{ width: 200 }}
          />
        )}
        <CityDistrictFilter value={filters.districtId} onChange={(districtId) => change({ ...filters, districtId })} />
      </FilterBar>
      {error && <ApiErrorAlert error={error} />}
      <ServerTable<Asset>
        rowKey="id"
        columns={columns}
        table={table}
        page={data}
        fetching={isFetching}
        totalText={(total) => t('vulnerabilities.common.total', { total })}
        emptyText={a('empty')}
        testId="asset-table"
      />
      <AssetFormDrawer mode={mode} onClose={() => setMode(null)} />
      <VendorAliasesDrawer open={aliases} onClose={() => setAliases(false)} />
    </ListPage>
  );
}
