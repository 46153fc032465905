import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import type { Factory, Project } from '@suilian/contracts';
import { Button, Card, Col, Descriptions, type DescriptionsProps, Empty, Flex, Rate, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useAuth } from '../../session/auth';
import { useLocale } from '../../session/locale';
import { itemName, useCodeList } from '../../shared/codeLists';
import { ApiErrorAlert } from '../../shared/errors';
import { DATE_FORMAT, formatDate, formatDateTime } from '../../shared/format';
import { ProjectStateTag, StatusTag } from '../../shared/StatusTag';
import { ConfirmationActions, ConfirmationStateTag } from '../confirmations';
import { useProjects } from '../projects/hooks';
import { FactoryFormDrawer } from './FactoryFormDrawer';
import { FactoryTargetTag } from './FactoryTargetTag';
import { useFactory } from './hooks';

type FactoryScenario = Factory['scenarios'][number];

function LinkedProjects({ factory }: { factory: Factory }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const readable = can('project:read');
  const { data, isFetching } = useProjects(
    { page: 1, pageSize: 200, sort: '-updatedAt' },
    { enterpriseId: factory.enterpriseId },
    readable,
  );
  const linked = (data?.items ?? []).filter((p) => factory.projectIds.includes(p.id));
  return (
    <Table<Project>
      rowKey="id"
      size="small"
      pagination={false}
      loading={isFetching}
      dataSource={linked}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('factories.noProjects')} /> }}
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
  );
}

/** One 5G factory: level, scenarios with go-live dates (live ones counted), the T-APP-1 tag, linked projects. */
export default function FactoryDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const { can } = useAuth();
  const { locale } = useLocale();
  const scenarioList = useCodeList('scenario').data;
  const { data: factory, isPending, error } = useFactory(id);
  const [editing, setEditing] = useState(false);
  if (error) return <ApiErrorAlert error={error} />;
  if (isPending || !factory) return <Spin />;

  const today = dayjs().format(DATE_FORMAT);
  const scenarioName = (s: FactoryScenario) => {
    const item = s.code ? scenarioList?.items.find((i) => i.code === s.code) : undefined;
    return item ? itemName(item, locale) : s.name;
  };
  const items: DescriptionsProps['items'] = [
    {
      key: 'enterprise',
      label: t('factories.enterprise'),
      children: <Link to={`/programme/enterprises/${factory.enterpriseId}`}>{factory.enterpriseName}</Link>,
    },
    { key: 'district', label: t('orgs.district'), children: factory.districtName },
    { key: 'level', label: t('fields.level'), children: t(`factoryLevels.${factory.level}`) },
    {
      key: 'live',
      label: t('factories.liveScenarios'),
      children: (
        <Space>
          {t('factories.liveCount', { live: factory.liveScenarioCount, total: factory.scenarios.length })}
          <FactoryTargetTag factory={factory} />
        </Space>
      ),
    },
    { key: 'nationalListYear', label: t('fields.nationalListYear'), children: factory.nationalListYear ?? '—' },
    {
      key: 'starRating',
      label: t('fields.starRating'),
      children: factory.starRating ? <Rate disabled value={factory.starRating} style={{ fontSize: 14 }} /> : '—',
    },
    { key: 'address', label: t('fields.address'), children: factory.address ?? '—', span: 2 },
    { key: 'updatedAt', label: t('fields.updatedAt'), children: formatDateTime(factory.updatedAt) },
    {
      key: 'confirmation',
      label: t('confirmations.column'),
      span: 2,
      children: (
        <Space wrap data-testid="factory-confirmation">
          <ConfirmationStateTag state={factory.confirmation.state} />
          {factory.confirmation.by && (
            <Typography.Text type="secondary">
              {factory.confirmation.by} · {formatDateTime(factory.confirmation.at)}
              {factory.confirmation.comment ? ` · ${factory.confirmation.comment}` : ''}
            </Typography.Text>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="factory-detail">
      <Card
        title={
          <Space>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate('/programme/factories')}
              aria-label={t('factories.back')}
            />
            <Typography.Title level={4} style={{ margin: 0 }}>
              {factory.name}
            </Typography.Title>
            <FactoryTargetTag factory={factory} />
          </Space>
        }
        extra={
          <Space>
            <ConfirmationActions
              target={{ kind: 'factory', id: factory.id }}
              state={factory.confirmation.state}
              version={factory.version}
            />
            {can('enterprise:write') && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="factory-edit">
                {t('common.edit')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions column={2} items={items} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('fields.scenarios')} size="small">
            <Table<FactoryScenario>
              rowKey={(s) => s.code ?? s.customName ?? s.name}
              size="small"
              pagination={false}
              dataSource={factory.scenarios}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('factories.noScenarios')} /> }}
              columns={[
                {
                  title: t('projects.scenarioName'),
                  key: 'name',
                  render: (_v, s) => (
                    <Space size={4}>
                      {scenarioName(s)}
                      {s.code ? <Typography.Text type="secondary">{s.code}</Typography.Text> : <Tag>{t('projects.customScenario')}</Tag>}
                    </Space>
                  ),
                },
                {
                  title: t('fields.category'),
                  dataIndex: 'category',
                  key: 'category',
                  render: (c: FactoryScenario['category']) => (
                    <Tag color={c === 'main_production' ? 'geekblue' : 'default'}>{t(`scenarioCategories.${c}`)}</Tag>
                  ),
                },
                { title: t('fields.goLiveDate'), dataIndex: 'goLiveDate', key: 'goLiveDate', render: formatDate },
                {
                  title: t('fields.status'),
                  key: 'live',
                  render: (_v, s) =>
                    s.goLiveDate && s.goLiveDate <= today ? (
                      <StatusTag tone="done">{t('factories.live')}</StatusTag>
                    ) : (
                      <StatusTag tone="closed">{t('factories.notLive')}</StatusTag>
                    ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('fields.projectIds')} size="small">
            <LinkedProjects factory={factory} />
          </Card>
        </Col>
      </Row>
      <FactoryFormDrawer
        mode={editing ? { type: 'edit', factory } : null}
        onClose={() => setEditing(false)}
        onSaved={() => setEditing(false)}
      />
    </Flex>
  );
}
