import { Card, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../session/auth';
import { ApiErrorAlert } from '../../shared/errors';
import CockpitSummary from './CockpitSummary';
import { useWorkbench } from './hooks';
import RecentNotifications from './RecentNotifications';
import TodoCards from './TodoCards';

/** 工作台 (issue #12 item 1): where every role lands — its to-dos, latest notifications and, for city and district users, the cockpit. */
export default function WorkbenchPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { data, error, isPending } = useWorkbench();
  return (
    <Flex vertical gap={16} data-testid="workbench-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('workbench.greeting', { name: me.displayName })}
      </Typography.Title>
      {error && <ApiErrorAlert error={error} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card size="small" title={t('workbench.todos')} data-testid="workbench-todos">
            {isPending ? <Skeleton active /> : <TodoCards items={data?.items ?? []} />}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <RecentNotifications items={data?.recentNotifications ?? []} />
        </Col>
      </Row>
      {data?.cockpit && <CockpitSummary cockpit={data.cockpit} />}
    </Flex>
  );
}
