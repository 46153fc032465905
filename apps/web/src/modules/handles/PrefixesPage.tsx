import { PlusOutlined } from '@ant-design/icons';
import type { HandlePrefix } from '@suilian/contracts';
import { Button, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../session/auth';
import { FilterBar } from '../../shared/FilterBar';
import { formatDate, formatNumber } from '../../shared/format';
import { ListPage, ServerTable } from '../../shared/frame/ListPage';
import { useTableState } from '../../shared/useTableState';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { usePrefixes } from './hooks';
import { DelegatePrefixDrawer, EditPrefixDrawer } from './PrefixDrawers';

const FILTER_KEYS = ['q'] as const;

/** 前缀管理: the prefixes served here and those delegated to enterprises, with their admin groups. */
export default function PrefixesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const table = useTableState();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const [delegating, setDelegating] = useState(false);
  const [editing, setEditing] = useState<HandlePrefix | null>(null);
  const { data, isFetching, error } = usePrefixes({ ...filters, page: table.page, pageSize: table.pageSize });
  const canDelegate = can('handle:delegate');

  const columns: TableColumnsType<HandlePrefix> = [
    {
      title: t('handles.prefix.prefix'),
      dataIndex: 'prefix',
      render: (prefix: string, p) => (
        <Space>
          <Typography.Text strong>{prefix}</Typography.Text>
          {p.served && <Tag color="purple">{t('handles.prefix.served')}</Tag>}
        </Space>
      ),
    },
    { title: t('handles.prefix.parent'), dataIndex: 'parent', render: (v: string | null) => v ?? '—' },
    { title: t('handles.prefix.owner'), dataIndex: 'ownerOrgName' },
    {
      title: t('handles.prefix.adminGroup'),
      dataIndex: 'adminOrgNames',
      render: (names: string[]) => (names.length ? names.map((n) => <Tag key={n}>{n}</Tag>) : '—'),
    },
    {
      title: t('handles.prefix.status'),
      dataIndex: 'status',
      render: (s: HandlePrefix['status']) => <Tag color={s === 'active' ? 'green' : 'default'}>{t(`handles.prefix.statuses.${s}`)}</Tag>,
    },
    { title: t('handles.prefix.handleCount'), dataIndex: 'handleCount', align: 'right', render: formatNumber },
    { title: t('handles.prefix.createdAt'), dataIndex: 'createdAt', render: formatDate },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, p) => (
        <Space size="small">
          <Link to={`/identifiers/templates?prefix=${encodeURIComponent(p.prefix)}`}>{t('menu.handleTemplates')}</Link>
          <Link to={`/identifiers/handles?prefix=${encodeURIComponent(p.prefix)}`}>{t('menu.handleRecords')}</Link>
          {canDelegate && (
            <Typography.Link onClick={() => setEditing(p)} data-testid={`prefix-edit-${p.prefix}`}>
              {t('common.edit')}
            </Typography.Link>
          )}
        </Space>
      ),
    },
  ];

  return (
    <ListPage
      title={t('menu.handlePrefixes')}
      extra={
        canDelegate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDelegating(true)} data-testid="prefix-delegate">
            {t('handles.prefix.delegate')}
          </Button>
        )
      }
      testId="prefixes-page"
      error={error}
      overlays={
        <>
          <DelegatePrefixDrawer open={delegating} onClose={() => setDelegating(false)} />
          <EditPrefixDrawer prefix={editing} onClose={() => setEditing(null)} />
        </>
      }
    >
      <FilterBar
        value={filters}
        onChange={(next) => {
          setFilters(next);
          table.resetPage();
        }}
        placeholder={t('handles.prefix.searchPlaceholder')}
        testId="prefix-filters"
      >
        {null}
      </FilterBar>
      <ServerTable<HandlePrefix>
        rowKey="prefix"
        columns={columns}
        table={table}
        page={data}
        fetching={isFetching}
        emptyText={t('handles.prefix.empty')}
        testId="prefixes-table"
      />
    </ListPage>
  );
}
