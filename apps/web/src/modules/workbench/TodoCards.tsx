import { ClockCircleOutlined, RightOutlined } from '@ant-design/icons';
import type { WorkbenchItem } from '@suilian/contracts';
import { Card, Col, Empty, Flex, Row, Statistic, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Past this many days the oldest waiting item is highlighted (a week without action). */
export const WAITING_ALERT_DAYS = 7;

/** One card per kind of to-do: the count, how long the oldest has waited, and the way to the filtered list. */
export default function TodoCards({ items }: { items: readonly WorkbenchItem[] }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  if (items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.noTodos')} data-testid="workbench-no-todos" />;
  }
  return (
    <Row gutter={[16, 16]}>
      {items.map((item) => {
        const late = item.oldestWaitingDays > WAITING_ALERT_DAYS;
        return (
          <Col key={item.kind} xs={24} sm={12} lg={8} xl={6}>
            <Link to={item.link} data-testid={`workbench-todo-${item.kind}`} data-count={item.count}>
              <Card hoverable size="small" style={late ? { borderColor: token.colorError } : undefined}>
                <Flex vertical gap={4}>
                  <Typography.Text type="secondary">{t(`workbench.kinds.${item.kind}` as 'workbench.title')}</Typography.Text>
                  <Statistic value={item.count} styles={{ content: { color: late ? token.colorError : token.colorPrimary } }} />
                  <Flex justify="space-between" align="center">
                    <Typography.Text
                      type={late ? 'danger' : 'secondary'}
                      style={{ fontSize: 12 }}
                      title={late ? t('workbench.overdueHint', { days: WAITING_ALERT_DAYS }) : undefined}
                      data-testid={`workbench-waiting-${item.kind}`}
                      data-late={late}
                    >
                      <ClockCircleOutlined />{' '}
                      {item.oldestWaitingDays === 0
                        ? t('workbench.waitingToday')
                        : t('workbench.waiting', { days: item.oldestWaitingDays })}
                    </Typography.Text>
                    <Typography.Link style={{ fontSize: 12 }}>
                      {t('workbench.open')} <RightOutlined />
                    </Typography.Link>
                  </Flex>
                </Flex>
              </Card>
            </Link>
          </Col>
        );
      })}
    </Row>
  );
}
