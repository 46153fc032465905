import type { Notification } from '@suilian/contracts';
import { Badge, Button, Card, Empty, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLocale } from '../../session/locale';
import { formatDateTime } from '../../shared/format';
import { localised, useMarkRead } from '../notifications/hooks';

/** The caller's five latest notifications; one opens its record (and is marked read). */
export default function RecentNotifications({ items }: { items: readonly Notification[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    navigate(n.link ?? '/notifications');
  };
  return (
    <Card
      size="small"
      title={t('workbench.notifications.title')}
      extra={
        <Button type="link" size="small" onClick={() => navigate('/notifications')}>
          {t('workbench.notifications.all')}
        </Button>
      }
      data-testid="workbench-notifications"
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.notifications.empty')} />
      ) : (
        <List
          size="small"
          dataSource={[...items]}
          renderItem={(n) => (
            <List.Item key={n.id} style={{ cursor: 'pointer' }} onClick={() => open(n)} data-testid="workbench-notification">
              <List.Item.Meta
                title={
                  <Badge dot={!n.readAt} offset={[6, 0]}>
                    <Typography.Text strong={!n.readAt}>{localised(n, locale).title}</Typography.Text>
                  </Badge>
                }
                description={formatDateTime(n.createdAt)}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
