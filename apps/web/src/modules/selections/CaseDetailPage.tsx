import { ArrowLeftOutlined, EditOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Image, Result, Row, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { allows, SELECTION_PERMISSIONS } from '../../app/menu';
import { useAuth, useMe } from '../../session/auth';
import { ApiErrorAlert } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { CaseEditorDrawer } from './CaseEditorDrawer';
import { storedFileUrl, useApplication, useCase, useRound } from './hooks';

function Section({ title, text, testId }: { title: string; text: string; testId: string }) {
  return (
    <Card title={title} size="small" data-testid={testId}>
      <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{text}</Typography.Paragraph>
    </Card>
  );
}

/** A typical case (典型案例): background, solution, network, benefits with numbers, images; organisers and the applicant edit it. */
export default function CaseDetailPage() {
  const { t } = useTranslation();
  const { applicationId } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const { can } = useAuth();
  const { data: item, isPending, error } = useCase(applicationId);
  // The case names its enterprise: only that enterprise's users (and organisers) load the editor's data.
  const mayEdit = can('selection:manage') || (me.role === 'enterprise_user' && item?.enterpriseId === me.orgId);
  const round = useRound(mayEdit && item ? item.roundId : undefined);
  const app = useApplication(mayEdit && item ? item.roundId : undefined, mayEdit && item ? item.applicationId : undefined);
  const [editing, setEditing] = useState(false);

  if (error) return <ApiErrorAlert error={error} />;
  if (isPending) return <Spin />;
  if (!item)
    return (
      <Result
        status="404"
        title={t('cases.notFound')}
        extra={
          <Link to="/programme/cases">
            <Button type="primary">{t('cases.back')}</Button>
          </Link>
        }
      />
    );

  const editable =
    round.data !== undefined &&
    app.data !== undefined &&
    (can('selection:manage') || (me.role === 'enterprise_user' && app.data.enterpriseId === me.orgId));

  return (
    <Flex vertical gap={16} data-testid="case-detail">
      <Card
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/programme/cases')} aria-label={t('cases.back')} />
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="case-title">
              {item.subjectName}
            </Typography.Title>
            <Tag color="purple">{t('selectionKinds.typical_case')}</Tag>
          </Space>
        }
        extra={
          editable && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="case-edit">
              {t('cases.edit')}
            </Button>
          )
        }
      >
        <Flex vertical gap={12}>
          <Space size={12} wrap>
            {can('enterprise:read') ? (
              <Link to={`/programme/enterprises/${item.enterpriseId}`} data-testid="case-enterprise">
                <Typography.Text strong>{item.enterpriseName}</Typography.Text>
              </Link>
            ) : (
              <Typography.Text strong>{item.enterpriseName}</Typography.Text>
            )}
            <Tag icon={<EnvironmentOutlined />} variant="filled">
              {item.districtName}
            </Tag>
            {allows(me.permissions, SELECTION_PERMISSIONS) ? (
              <Link to={`/programme/selections/${item.roundId}`}>{item.roundTitle}</Link>
            ) : (
              <Typography.Text type="secondary">{item.roundTitle}</Typography.Text>
            )}
            <Typography.Text type="secondary">{t('cases.updatedAt', { time: formatDateTime(item.updatedAt) })}</Typography.Text>
          </Space>
          {!item.published && <Alert type="warning" showIcon title={t('cases.notPublished')} />}
          <Row gutter={[16, 16]} data-testid="case-benefits">
            {item.benefits.map((b) => (
              <Col key={b.label} xs={12} md={8} xl={6}>
                <Card size="small">
                  <Statistic title={b.label} value={b.value} suffix={b.unit} styles={{ content: { color: '#1456c8' } }} />
                </Card>
              </Col>
            ))}
          </Row>
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Section title={t('cases.background')} text={item.background} testId="case-background" />
        </Col>
        <Col xs={24} xl={12}>
          <Section title={t('cases.solution')} text={item.solution} testId="case-solution" />
        </Col>
        <Col xs={24} xl={12}>
          <Section title={t('cases.network')} text={item.network} testId="case-network" />
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('cases.images')} size="small">
            {item.imageIds.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.noImages')} />
            ) : (
              <Image.PreviewGroup>
                <Flex gap={8} wrap>
                  {item.imageIds.map((id) => (
                    <Image key={id} src={storedFileUrl(id)} width={180} height={120} style={{ objectFit: 'cover' }} />
                  ))}
                </Flex>
              </Image.PreviewGroup>
            )}
          </Card>
        </Col>
      </Row>
      {round.data && app.data && (
        <CaseEditorDrawer open={editing} round={round.data} application={app.data} current={item} onClose={() => setEditing(false)} />
      )}
    </Flex>
  );
}
