import { BellOutlined } from '@ant-design/icons';
import type { Notification } from '@suilian/contracts';
import { Badge, Button, Empty, Flex, Popover, Spin, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLocale } from '../../session/locale';
import { formatDateTime } from '../../shared/format';
import { localised, useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from './hooks';

/** Opens a notification: marks it read and goes to its link (or the message centre). */
export function useOpenNotification() {
  const navigate = useNavigate();
  const markRead = useMarkRead();
  return (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    navigate(n.link ?? '/notifications');
  };
}

/** The header bell: unread badge, the latest unread in a popover, mark all read, the way to the message centre. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const latest = useNotifications({ page: 1, pageSize: 6, unread: true });
  const markAll = useMarkAllRead();
  const openNotification = useOpenNotification();
  const count = unread.data?.unread ?? 0;

  const content = (
    <div style={{ width: 360 }} data-testid="notification-popover">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('notifications.unreadCount', { n: count })}</Typography.Text>
        <Button size="small" type="link" disabled={count === 0} loading={markAll.isPending} onClick={() => markAll.mutate()}>
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      {latest.isPending ? (
        <Spin />
      ) : (latest.data?.items.length ?? 0) === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.emptyUnread')} />
      ) : (
        <Flex vertical gap={4}>
          {latest.data?.items.map((n) => {
            const text = localised(n, locale);
            return (
              <button
                type="button"
                key={n.id}
                onClick={() => {
                  setOpen(false);
                  openNotification(n);
                }}
                style={{
                  textAlign: 'left',
                  border: 'none',
                  background: 'transparent',
                  cursor: 'pointer',
                  padding: '6px 8px',
                  borderRadius: token.borderRadius,
                  borderLeft: `3px solid ${n.kind.endsWith('overdue') ? token.colorError : token.colorPrimary}`,
                }}
                data-testid="notification-item"
              >
                <Typography.Text strong ellipsis style={{ display: 'block' }}>
                  {text.title}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(n.createdAt)}
                </Typography.Text>
              </button>
            );
          })}
        </Flex>
      )}
      <Button
        block
        type="link"
        style={{ marginTop: 8 }}
        onClick={() => {
          setOpen(false);
          navigate('/notifications');
        }}
        data-testid="notification-view-all"
      >
        {t('notifications.viewAll')}
      </Button>
    </div>
  );

  return (
    <Popover content={content} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen}>
      <Badge count={count} size="small" overflowCount={99}>
        <Button type="text" icon={<BellOutlined />} aria-label={t('notifications.bell')} data-testid="notification-bell" />
      </Badge>
    </Popover>
  );
}
