import { EnvironmentOutlined } from '@ant-design/icons';
import type { Case } from '@suilian/contracts';
import { Card, Col, Empty, Flex, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiErrorAlert } from '../../shared/errors';
import { storedFileUrl, usePublishedCases } from './hooks';

function CaseCard({ item }: { item: Case }) {
  const navigate = useNavigate();
  const cover = item.imageIds[0];
  return (
    <Card
      hoverable
      onClick={() => navigate(`/programme/cases/${item.applicationId}`)}
      cover={cover ? <img alt={item.subjectName} src={storedFileUrl(cover)} style={{ height: 140, objectFit: 'cover' }} /> : undefined}
      style={{ height: '100%' }}
      data-testid="case-card-item"
    >
      <Flex vertical gap={8}>
        <Typography.Text strong ellipsis={{ tooltip: item.subjectName }}>
          {item.subjectName}
        </Typography.Text>
        <Space size={4} wrap>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.enterpriseName}
          </Typography.Text>
          <Tag icon={<EnvironmentOutlined />} variant="filled">
            {item.districtName}
          </Tag>
        </Space>
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 13 }}>
          {item.solution}
        </Typography.Paragraph>
        <Row gutter={8}>
          {item.benefits.slice(0, 3).map((b) => (
            <Col span={8} key={b.label}>
              <Statistic
                title={<span style={{ fontSize: 12 }}>{b.label}</span>}
                value={b.value}
                suffix={b.unit}
                styles={{ content: { fontSize: 18 } }}
              />
            </Col>
          ))}
        </Row>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
          {item.roundTitle}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

/** 典型案例: the published typical cases, readable by everyone signed in. */
export default function CasesPage() {
  const { t } = useTranslation();
  const { data, isPending, error } = usePublishedCases();
  return (
    <Card title={t('cases.title')} extra={<Typography.Text type="secondary">{t('cases.count', { n: data?.length ?? 0 })}</Typography.Text>}>
      {error && <ApiErrorAlert error={error} />}
      {isPending ? (
        <Skeleton active />
      ) : !data || data.length === 0 ? (
        <Empty description={t('cases.empty')} />
      ) : (
        <Row gutter={[16, 16]} data-testid="cases-grid">
          {data.map((c) => (
            <Col key={c.applicationId} xs={24} md={12} xl={8} xxl={6}>
              <CaseCard item={c} />
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}
