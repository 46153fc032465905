import { type Notification, type OutboxMail, ROLE_DEFINITIONS } from '@suilian/contracts';
import { Alert, App, Button, Card, Segmented, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../session/auth';
import { useLocale } from '../../session/locale';
import { ApiErrorAlert, useNotifyError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { StatusTag, type StatusTone } from '../../shared/StatusTag';
import { localised, useDispatchMail, useMarkAllRead, useMarkRead, useNotifications, useOutbox } from './hooks';
import { useOpenNotification } from './NotificationBell';

const MAIL_TONES: Record<OutboxMail['status'], StatusTone> = { queued: 'progress', sent: 'done', failed: 'failed' };

function MyNotifications() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useNotifications({ ...page, unread: unreadOnly });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const openNotification = useOpenNotification();

  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <Segmented
          value={unreadOnly ? 'unread' : 'all'}
          options={[
            { value: 'all', label: t('notifications.filterAll') },
            { value: 'unread', label: t('notifications.filterUnread') },
          ]}
          onChange={(v) => {
            setUnreadOnly(v === 'unread');
            setPage((p) => ({ ...p, page: 1 }));
          }}
          data-testid="notification-filter"
        />
        <Button
          disabled={(list.data?.unread ?? 0) === 0}
          loading={markAll.isPending}
          onClick={() =>
            markAll.mutate(undefined, {
              onSuccess: (r) => void message.success(t('notifications.markedAll', { n: r.marked })),
              onError: notifyError,
            })
          }
          data-testid="notification-mark-all"
        >
          {t('notifications.markAllRead')}
        </Button>
        <Typography.Text type="secondary">{t('notifications.unreadCount', { n: list.data?.unread ?? 0 })}</Typography.Text>
      </Space>
      {list.error ? <ApiErrorAlert error={list.error} /> : null}
      <Table<Notification>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty') }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          onChange: (p, size) => setPage({ page: p, pageSize: size }),
        }}
        data-testid="notification-table"
        columns={[
          {
            title: t('notifications.columns.title'),
            key: 'title',
            render: (_, n) => {
              const text = localised(n, locale);
              return (
                <div>
                  <Typography.Text strong={!n.readAt}>{text.title}</Typography.Text>
                  <div>
                    <Typography.Text type="secondary">{text.body}</Typography.Text>
                  </div>
                </div>
              );
            },
          },
          {
            title: t('notifications.columns.kind'),
            dataIndex: 'kind',
            width: 120,
            // Kinds are dotted (reporting.due); message keys cannot be.
            render: (kind: string) => t(`notifications.kinds.${kind.replaceAll('.', '_')}`, { defaultValue: kind }),
          },
          { title: t('notifications.columns.createdAt'), dataIndex: 'createdAt', width: 160, render: formatDateTime },
          {
            title: t('notifications.columns.status'),
            key: 'status',
            width: 90,
            render: (_, n) =>
              n.readAt ? (
                <StatusTag tone="closed">{t('notifications.read')}</StatusTag>
              ) : (
                <StatusTag tone="progress">{t('notifications.unread')}</StatusTag>
              ),
          },
          {
            key: 'actions',
            width: 170,
            render: (_, n) => (
              <Space>
                <Button size="small" type="link" onClick={() => openNotification(n)}>
                  {t('notifications.open')}
                </Button>
                {n.readAt ? null : (
                  <Button size="small" type="link" onClick={() => markRead.mutate(n.id, { onError: notifyError })}>
                    {t('notifications.markRead')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

function Outbox() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [query, setQuery] = useState<{ page: number; pageSize: number; status?: string }>({ page: 1, pageSize: 20 });
  const outbox = useOutbox(query, true);
  const dispatch = useDispatchMail();
  // Auditors read the outbox; sending it now is the administrators' (mail:dispatch).
  const mayDispatch = useAuth().can('mail:dispatch');
  const configured = outbox.data?.smtpConfigured ?? false;
  return (
    <>
      <Alert
        type={configured ? 'info' : 'warning'}
        showIcon
        title={configured ? t('notifications.outbox.smtpOn') : t('notifications.outbox.smtpOff')}
        style={{ marginBottom: 16 }}
      />
      <Space style={{ marginBottom: 16 }}>
        <Segmented
          value={query.status ?? 'all'}
          options={[
            { value: 'all', label: t('notifications.filterAll') },
            ...(['queued', 'sent', 'failed'] as const).map((s) => ({ value: s, label: t(`notifications.outbox.statuses.${s}`) })),
          ]}
          onChange={(v) => setQuery({ page: 1, pageSize: query.pageSize, ...(v === 'all' ? {} : { status: String(v) }) })}
        />
        {mayDispatch && (
          <Button
            disabled={!configured}
            loading={dispatch.isPending}
            onClick={() =>
              dispatch.mutate(undefined, {
                onSuccess: (r) => void message.success(t('notifications.outbox.sent', r)),
                onError: notifyError,
              })
            }
          >
            {t('notifications.outbox.sendNow')}
          </Button>
        )}
      </Space>
      <Table<OutboxMail>
        rowKey="id"
        loading={outbox.isFetching}
        dataSource={outbox.data?.items ?? []}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: outbox.data?.total ?? 0,
          onChange: (p, size) => setQuery({ ...query, page: p, pageSize: size }),
        }}
        columns={[
          { title: t('notifications.outbox.to'), dataIndex: 'toAddress', width: 200 },
          { title: t('notifications.outbox.subject'), dataIndex: 'subject' },
          {
            title: t('notifications.outbox.status'),
            dataIndex: 'status',
            width: 100,
            render: (s: OutboxMail['status']) => <StatusTag tone={MAIL_TONES[s]}>{t(`notifications.outbox.statuses.${s}`)}</StatusTag>,
          },
          { title: t('notifications.outbox.attempts'), dataIndex: 'attempts', width: 90 },
          { title: t('notifications.outbox.nextAttempt'), dataIndex: 'nextAttemptAt', width: 150, render: formatDateTime },
          { title: t('notifications.outbox.sentAt'), dataIndex: 'sentAt', width: 150, render: formatDateTime },
          { title: t('notifications.outbox.lastError'), dataIndex: 'lastError', ellipsis: true, render: (e: string | null) => e ?? '—' },
        ]}
      />
    </>
  );
}

/** 消息中心: the caller's notifications; city administrators and auditors also see the mail outbox. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const { can, me } = useAuth();
  const seesOutbox = can('audit:read') && me !== null && me !== undefined && ROLE_DEFINITIONS[me.role].scope === 'city';
  return (
    <Card title={t('notifications.title')}>
      {seesOutbox ? (
        <Tabs
          items={[
            { key: 'mine', label: t('notifications.title'), children: <MyNotifications /> },
            { key: 'outbox', label: t('notifications.outbox.tab'), children: <Outbox /> },
          ]}
        />
      ) : (
        <MyNotifications />
      )}
    </Card>
  );
}
