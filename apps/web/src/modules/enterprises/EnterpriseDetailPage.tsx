import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Factory, Project } from '@suilian/contracts';
import { Button, Card, Col, Descriptions, type DescriptionsProps, Empty, Flex, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useAuth } from '../../session/auth';
import { useCodeNames } from '../../shared/codeLists';
import { ApiErrorAlert } from '../../shared/errors';
import { formatDate, formatDateTime } from '../../shared/format';
import { ProjectStateTag } from '../../shared/StatusTag';
import { FactoryTargetTag } from '../factories';
import { useFactories } from '../factories/hooks';
import { useProjects } from '../projects/hooks';
import { SanctionBanner } from '../sanctions';
import { EnterpriseFormDrawer } from './EnterpriseFormDrawer';
import { HonourDrawer, type HonourDrawerMode } from './HonourDrawer';
import { HonoursTimeline } from './HonoursTimeline';
import { useEnterprise } from './hooks';

const FIRST_FIVE = { page: 1, pageSize: 5, sort: '-updatedAt' };

function EnterpriseProjects({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const { data, isFetching } = useProjects(FIRST_FIVE, { enterpriseId });
  return (
    <Card
      title={t('enterprises.projects')}
      size="small"
      extra={
        <Link to={`/programme/projects?enterpriseId=${enterpriseId}`} data-testid="enterprise-projects-link">
          {t('enterprises.viewProjects', { total: data?.total ?? 0 })}
        </Link>
      }
    >
      <Table<Project>
        rowKey="id"
        size="small"
        pagination={false}
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enterprises.noProjects')} /> }}
        columns={[
          { title: t('projects.code'), dataIndex: 'code', key: 'code', width: 140 },
          {
            title: t('projects.name'),
            dataIndex: 'title',
            key: 'title',
            render: (title: string, p) => <Link to={`/programme/projects/${p.id}`}>{title}</Link>,
          },
          {
            title: t('fields.status'),
            dataIndex: 'state',
            key: 'state',
            width: 110,
            render: (s: Project['state']) => <ProjectStateTag state={s} />,
          },
        ]}
      />
    </Card>
  );
}

function EnterpriseFactories({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const { data, isFetching } = useFactories({ page: 1, pageSize: 5, sort: 'name' }, { enterpriseId });
  return (
    <Card
      title={t('enterprises.factories')}
      size="small"
      extra={
        <Link to={`/programme/factories?enterpriseId=${enterpriseId}`} data-testid="enterprise-factories-link">
          {t('enterprises.viewFactories', { total: data?.total ?? 0 })}
        </Link>
      }
    >
      <Table<Factory>
        rowKey="id"
        size="small"
        pagination={false}
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enterprises.noFactories')} /> }}
        columns={[
          {
            title: t('fields.name'),
            dataIndex: 'name',
            key: 'name',
            render: (name: string, f) => <Link to={`/programme/factories/${f.id}`}>{name}</Link>,
          },
          { title: t('fields.level'), dataIndex: 'level', key: 'level', render: (l: Factory['level']) => t(`factoryLevels.${l}`) },
          {
            title: t('factories.liveScenarios'),
            key: 'live',
            render: (_v, f) => (
              <Space size={4}>
                {t('factories.liveCount', { live: f.liveScenarioCount, total: f.scenarios.length })}
                <FactoryTargetTag factory={f} />
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** One enterprise: profile, contacts, honours timeline, its projects and factories. */
export default function EnterpriseDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const { can } = useAuth();
  const { data: enterprise, isPending, error } = useEnterprise(id);
  const [editing, setEditing] = useState(false);
  const [honourMode, setHonourMode] = useState<HonourDrawerMode | null>(null);
  const industry = useCodeNames('industry');
  const cluster = useCodeNames('cluster');
  const size = useCodeNames('size_class');
  const writable = can('enterprise:write');

  if (error) return <ApiErrorAlert error={error} />;
  if (isPending || !enterprise || !id) return <Spin />;

  const text = (value: string | null | undefined) => value || t('common.none');
  const items: DescriptionsProps['items'] = [
    {
      key: 'creditCode',
      label: t('fields.creditCode'),
      children: <span style={{ fontFamily: 'monospace' }}>{text(enterprise.creditCode)}</span>,
    },
    { key: 'district', label: t('orgs.district'), children: enterprise.districtName },
    { key: 'industry', label: t('fields.industryCode'), children: industry(enterprise.industryCode) },
    { key: 'cluster', label: t('fields.clusterCode'), children: cluster(enterprise.clusterCode) },
    { key: 'size', label: t('fields.sizeClass'), children: size(enterprise.sizeClass) },
    {
      key: 'aboveScale',
      label: t('fields.aboveScale'),
      children: enterprise.aboveScale ? (
        <Tag color="blue">{t('enterprises.aboveScaleYes')}</Tag>
      ) : (
        <Tag>{t('enterprises.aboveScaleNo')}</Tag>
      ),
    },
    { key: 'nameEn', label: t('fields.nameEn'), children: text(enterprise.nameEn) },
    { key: 'updatedAt', label: t('fields.updatedAt'), children: formatDateTime(enterprise.updatedAt) },
    { key: 'address', label: t('fields.address'), children: text(enterprise.address), span: 2 },
    { key: 'mainProducts', label: t('fields.mainProducts'), children: text(enterprise.mainProducts), span: 2 },
    { key: 'description', label: t('fields.description'), children: text(enterprise.description), span: 2 },
  ];
  const honourCount = enterprise.honours.length;

  return (
    <Flex vertical gap={16} data-testid="enterprise-detail">
      <SanctionBanner organisationId={enterprise.id} />
      <Card
        title={
          <Space>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate('/programme/enterprises')}
              aria-label={t('enterprises.back')}
            />
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="enterprise-name">
              {enterprise.name}
            </Typography.Title>
            {enterprise.isDemo && <Tag color="gold">{t('app.demoData')}</Tag>}
          </Space>
        }
        extra={
          writable && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="enterprise-edit">
              {t('common.edit')}
            </Button>
          )
        }
      >
        <Descriptions column={2} items={items} size="small" bordered data-testid="enterprise-profile" />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card
            title={
              <Space>
                {t('enterprises.honours')}
                {honourCount > 0 && <Tag>{honourCount}</Tag>}
              </Space>
            }
            size="small"
            extra={
              writable && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setHonourMode({ type: 'create' })} data-testid="honour-add">
                  {t('enterprises.addHonour')}
                </Button>
              )
            }
          >
            <HonoursTimeline
              enterpriseId={id}
              honours={enterprise.honours}
              writable={writable}
              onEdit={(honour) => setHonourMode({ type: 'edit', honour })}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('enterprises.contacts')} size="small">
            <Table
              rowKey={(c) => `${c.name}-${c.phone ?? ''}`}
              size="small"
              pagination={false}
              dataSource={enterprise.contacts}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enterprises.noContacts')} /> }}
              columns={[
                { title: t('fields.displayName'), dataIndex: 'name', key: 'name' },
                { title: t('enterprises.contactTitle'), dataIndex: 'title', key: 'title', render: (v?: string | null) => v || '—' },
                { title: t('fields.phone'), dataIndex: 'phone', key: 'phone', render: (v?: string | null) => v || '—' },
                { title: t('fields.email'), dataIndex: 'email', key: 'email', render: (v?: string | null) => v || '—' },
              ]}
            />
          </Card>
        </Col>
        {can('project:read') && (
          <Col xs={24} lg={14}>
            <EnterpriseProjects enterpriseId={id} />
          </Col>
        )}
        <Col xs={24} lg={10}>
          <EnterpriseFactories enterpriseId={id} />
        </Col>
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('fields.createdAt')} {formatDate(enterprise.createdAt)}
      </Typography.Text>
      <EnterpriseFormDrawer
        mode={editing ? { type: 'edit', enterprise } : null}
        onClose={() => setEditing(false)}
        onSaved={() => setEditing(false)}
      />
      <HonourDrawer enterpriseId={id} mode={honourMode} onClose={() => setHonourMode(null)} />
    </Flex>
  );
}
