import { PlusOutlined } from '@ant-design/icons';
import { API, type Notice } from '@suilian/contracts';
import { Button, Segmented, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../session/auth';
import { ExportButton } from '../../shared/ExportButton';
import { formatDate, formatDateTime } from '../../shared/format';
import { ListPage, ServerTable } from '../../shared/frame/ListPage';
import { useTableState } from '../../shared/useTableState';
import { useNotices } from './hooks';
import { GradeTag } from './labels';
import { NoticeDrawer } from './NoticeDrawer';
import { NoticeFormDrawer, type NoticeFormMode } from './NoticeFormDrawer';

/** 预警通报: analysts draft and publish; enterprises see theirs, acknowledge and respond. */
export default function NoticesPage() {
  const { t } = useTranslation();
  const { can, me } = useAuth();
  const table = useTableState();
  const [status, setStatus] = useState<'all' | 'draft' | 'published'>('all');
  const { data, isFetching, error } = useNotices(table, { status: status === 'all' ? undefined : status });
  // A notification links here with ?notice=<id> (issue #12 item 2): the drawer opens on it.
  const [params] = useSearchParams();
  const [open, setOpen] = useState<string | undefined>(params.get('notice') ?? undefined);
  const [mode, setMode] = useState<NoticeFormMode | null>(null);
  const n = (key: string) => t(`vulnerabilities.notices.${key}` as 'vulnerabilities.notices.title');
  const manage = can('vuln:manage');

  const columns: TableColumnsType<Notice> = [
    { title: n('number'), dataIndex: 'number', key: 'number', width: 150, render: (v: string | null) => v ?? '—' },
    { title: n('noticeTitle'), dataIndex: 'title', key: 'title', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: n('grade'), dataIndex: 'grade', key: 'grade', width: 80, render: (g: Notice['grade']) => <GradeTag grade={g} /> },
    {
      title: n('status'),
      dataIndex: 'status',
      key: 'status',
      width: 90,
      render: (s: Notice['status']) => <Tag color={s === 'draft' ? 'default' : 'blue'}>{n(`statuses.${s}`)}</Tag>,
    },
    { title: n('publishedAt'), dataIndex: 'publishedAt', key: 'publishedAt', width: 140, render: formatDateTime },
    { title: n('responseDeadline'), dataIndex: 'responseDeadline', key: 'responseDeadline', width: 110, render: formatDate },
    {
      title: manage ? n('recipients') : n('acknowledgedAt'),
      key: 'recipients',
      render: (_v, r) => {
        if (!manage) {
          const mine = r.recipients.find((x) => x.enterpriseId === me?.orgId);
          return mine?.acknowledgedAt ? <Tag color="green">{n('acknowledged')}</Tag> : <Tag color="orange">—</Tag>;
        }
        const ack = r.recipients.filter((x) => x.acknowledgedAt).length;
        const resp = r.recipients.filter((x) => x.respondedAt).length;
        return r.status === 'draft'
          ? r.recipients.length
          : t('vulnerabilities.notices.progress', { ack, total: r.recipients.length, resp });
      },
    },
  ];

  return (
    <ListPage
      title={n('title')}
      testId="notices-page"
      extra={
        <Space>
          <ExportButton
            endpoint={API.exportNotices}
            filters={{ sort: table.sort, status: status === 'all' ? undefined : status }}
            testId="notice-export"
          />
          {manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setMode({ type: 'create' })} data-testid="notice-create">
              {n('create')}
            </Button>
          )}
        </Space>
      }
      error={error}
      overlays={
        <>
          <NoticeDrawer id={open} onClose={() => setOpen(undefined)} onEdit={(notice) => setMode({ type: 'edit', notice })} />
          <NoticeFormDrawer
            mode={mode}
            onClose={() => setMode(null)}
            onSaved={(saved) => {
              setMode(null);
              setOpen(saved.id);
            }}
          />
        </>
      }
    >
      {manage && (
        <Segmented
          value={status}
          onChange={(v) => {
            setStatus(v as typeof status);
            table.resetPage();
          }}
          options={[
            { value: 'all', label: t('common.all') },
            { value: 'draft', label: n('statuses.draft') },
            { value: 'published', label: n('statuses.published') },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
      )}
      <ServerTable<Notice>
        rowKey="id"
        columns={columns}
        table={table}
        page={data}
        fetching={isFetching}
        totalText={(total) => t('vulnerabilities.common.total', { total })}
        onOpen={(r) => setOpen(r.id)}
        emptyText={n('empty')}
        testId="notice-table"
      />
    </ListPage>
  );
}
