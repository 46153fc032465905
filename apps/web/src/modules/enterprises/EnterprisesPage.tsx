import { PlusOutlined } from '@ant-design/icons';
import type { Enterprise } from '@suilian/contracts';
import { API } from '@suilian/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCodeNames } from '../../shared/codeLists';
import { ExcelToolbar } from '../../shared/ExcelToolbar';
import { formatDateTime } from '../../shared/format';
import { ListPage, ServerTable } from '../../shared/frame/ListPage';
import { useTableState } from '../../shared/useTableState';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { EnterpriseFilterBar } from './EnterpriseFilterBar';
import { EnterpriseFormDrawer, useMayCreateEnterprise } from './EnterpriseFormDrawer';
import { ENTERPRISE_FILTER_KEYS, useEnterprises } from './hooks';

/** The latest honour of each type an enterprise holds, newest first. */
function latestHonours(enterprise: Enterprise) {
  const byType = new Map<string, number>();
  for (const h of enterprise.honours) byType.set(h.honourType, Math.max(byType.get(h.honourType) ?? 0, h.year));
  return [...byType].sort((a, b) => b[1] - a[1]);
}

/** 企业库: filterable, server-paged list; a row opens the enterprise's page. */
export default function EnterprisesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const table = useTableState({ sort: 'name' });
  const [filters, setFilters] = useUrlFilters(ENTERPRISE_FILTER_KEYS);
  const [creating, setCreating] = useState(false);
  const { data, isFetching, error } = useEnterprises(table, filters);
  const mayCreate = useMayCreateEnterprise();
  const industry = useCodeNames('industry');
  const cluster = useCodeNames('cluster');
  const size = useCodeNames('size_class');
  const honour = useCodeNames('honour_type');
  const filtered = Object.values(filters).some((v) => v !== undefined);

  const columns: TableColumnsType<Enterprise> = [
    {
      title: t('fields.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: table.sortOrder('name'),
      render: (name: string, e) => (
        <Space size={4}>
          <Typography.Text strong>{name}</Typography.Text>
          {e.isDemo && <Tag color="gold">{t('app.demoData')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('fields.creditCode'),
      dataIndex: 'creditCode',
      key: 'creditCode',
      sorter: true,
      sortOrder: table.sortOrder('creditCode'),
      render: (v: string | null) => <span style={{ fontFamily: 'monospace' }}>{v ?? '—'}</span>,
    },
    { title: t('orgs.district'), dataIndex: 'districtName', key: 'districtName' },
    { title: t('fields.industryCode'), dataIndex: 'industryCode', key: 'industryCode', render: (v: string | null) => industry(v) },
    { title: t('fields.clusterCode'), dataIndex: 'clusterCode', key: 'clusterCode', render: (v: string | null) => cluster(v) },
    { title: t('fields.sizeClass'), dataIndex: 'sizeClass', key: 'sizeClass', render: (v: string | null) => size(v) },
    {
      title: t('fields.aboveScale'),
      dataIndex: 'aboveScale',
      key: 'aboveScale',
      render: (v: boolean) => (v ? <Tag color="blue">{t('enterprises.aboveScaleYes')}</Tag> : <Tag>{t('enterprises.aboveScaleNo')}</Tag>),
    },
    {
      title: t('fields.honourType'),
      key: 'honours',
      render: (_v, e) => (
        <Space size={[0, 4]} wrap>
          {latestHonours(e).map(([type, year]) => (
            <Tag key={type} color="purple">{`${honour(type)} ${year}`}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('fields.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      sorter: true,
      sortOrder: table.sortOrder('updatedAt'),
      render: formatDateTime,
    },
  ];

  return (
    <ListPage
      title={t('enterprises.title')}
      extra={
        <Space>
          <ExcelToolbar
            endpoints={{ template: API.downloadEnterpriseTemplate, import: API.importEnterprises, export: API.exportEnterprises }}
            name={t('orgKinds.enterprise')}
            filters={{ ...filters, sort: table.sort }}
            canImport={mayCreate}
            onImported={() => void client.invalidateQueries({ queryKey: ['enterprises'] })}
          />
          {mayCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="enterprise-create">
              {t('enterprises.create')}
            </Button>
          )}
        </Space>
      }
      error={error}
      overlays={
        <EnterpriseFormDrawer
          mode={creating ? { type: 'create' } : null}
          onClose={() => setCreating(false)}
          onSaved={(e) => {
            setCreating(false);
            navigate(`/programme/enterprises/${e.id}`);
          }}
        />
      }
    >
      <EnterpriseFilterBar
        value={filters}
        onChange={(next) => {
          setFilters(next);
          table.resetPage();
        }}
      />
      <ServerTable<Enterprise>
        rowKey="id"
        columns={columns}
        table={table}
        page={data}
        fetching={isFetching}
        onOpen={(e) => navigate(`/programme/enterprises/${e.id}`)}
        emptyText={filtered ? t('enterprises.emptyFiltered') : t('enterprises.empty')}
        testId="enterprises-table"
      />
    </ListPage>
  );
}
