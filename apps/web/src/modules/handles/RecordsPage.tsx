import { PlusOutlined } from '@ant-design/icons';
import { API, type HandleRecordDetail, type HandleRecordSummary } from '@suilian/contracts';
import { App, Button, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../session/auth';
import { ExportButton } from '../../shared/ExportButton';
import { ApiErrorAlert } from '../../shared/errors';
import { FilterBar } from '../../shared/FilterBar';
import { formatDateTime } from '../../shared/format';
import { ListPage, ServerTable } from '../../shared/frame/ListPage';
import { useTableState } from '../../shared/useTableState';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { EditRecordDrawer } from './EditRecordDrawer';
import { useRecords } from './hooks';
import { PrefixSelect } from './PrefixSelect';
import { RecordDetailDrawer } from './RecordDetailDrawer';
import { RegisterDrawer } from './RegisterDrawer';

const FILTER_KEYS = ['prefix', 'q'] as const;

/** 标识管理: handles by prefix with paging and a search, register / view / edit / delete. */
export default function RecordsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const table = useTableState();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const [registering, setRegistering] = useState(false);
  const [open, setOpen] = useState<string | undefined>();
  const [editing, setEditing] = useState<HandleRecordDetail | null>(null);
  const { data, isFetching, error } = useRecords({ ...filters, page: table.page, pageSize: table.pageSize });

  const columns: TableColumnsType<HandleRecordSummary> = [
    {
      title: t('handles.record.handle'),
      dataIndex: 'handle',
      render: (handle: string) => (
        <Typography.Text strong copyable={{ text: handle }}>
          {handle}
        </Typography.Text>
      ),
    },
    { title: t('handles.prefix.prefix'), dataIndex: 'prefix', width: 140 },
    {
      title: t('handles.template.template'),
      key: 'template',
      width: 140,
      render: (_, r) => (r.industryCode ? <Tag color="blue">{`${r.industryCode} v${r.templateVersion ?? '?'}`}</Tag> : '—'),
    },
    { title: 'URL', dataIndex: 'url', ellipsis: true, render: (url: string | null) => url ?? '—' },
    { title: t('handles.resolve.valueCount'), dataIndex: 'valueCount', width: 90, align: 'right' },
    { title: t('handles.record.updatedAt'), dataIndex: 'updatedAt', width: 160, render: formatDateTime },
  ];

  return (
    <ListPage
      title={t('menu.handleRecords')}
      extra={
        <Space>
          <ExportButton endpoint={API.exportIdentifierRecords} filters={filters} testId="record-export" />
          {can('handle:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="record-register">
              {t('handles.record.register')}
            </Button>
          )}
        </Space>
      }
      testId="records-page"
    >
      <FilterBar
        value={filters}
        onChange={(next) => {
          setFilters(next);
          table.resetPage();
        }}
        placeholder={t('handles.record.searchPlaceholder')}
        testId="record-filters"
        searchTestId="record-filter-q"
      >
        <PrefixSelect
          value={filters.prefix}
          onChange={(prefix) => {
            setFilters({ ...filters, prefix });
            table.resetPage();
          }}
          allowClear
          data-testid="record-filter-prefix"
        />
      </FilterBar>
      {error && <ApiErrorAlert error={error} />}
      <ServerTable<HandleRecordSummary>
        rowKey="handle"
        columns={columns}
        table={table}
        page={data}
        fetching={isFetching}
        onOpen={(r) => setOpen(r.handle)}
        emptyText={t('handles.record.empty')}
        testId="records-table"
      />
      <RegisterDrawer
        open={registering}
        initialPrefix={filters.prefix}
        onClose={() => setRegistering(false)}
        onCreated={(record) => {
          void message.success(t('handles.record.created', { handle: record.handle }));
          setRegistering(false);
          setOpen(record.handle);
        }}
      />
      <RecordDetailDrawer handle={open} onClose={() => setOpen(undefined)} onEdit={setEditing} />
      <EditRecordDrawer record={editing} onClose={() => setEditing(null)} />
    </ListPage>
  );
}
