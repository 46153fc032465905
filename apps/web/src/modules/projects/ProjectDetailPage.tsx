import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { type Project, projectEditMode } from '@suilian/contracts';
import { Button, Card, Col, Descriptions, type DescriptionsProps, Empty, Flex, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useAuth, useMe } from '../../session/auth';
import { useLocale } from '../../session/locale';
import { itemName, useCodeList } from '../../shared/codeLists';
import { ApiErrorAlert } from '../../shared/errors';
import { formatDate, formatDateTime, formatMoney } from '../../shared/format';
import { ProjectStateTag } from '../../shared/StatusTag';
import { SanctionBanner } from '../sanctions';
import { useProject } from './hooks';
import { ProjectActions } from './ProjectActions';
import { ProjectAttachments } from './ProjectAttachments';
import { ProjectDecisionAlert } from './ProjectDecisionAlert';
import { ProjectFormDrawer, type ProjectFormMode } from './ProjectFormDrawer';
import { ProjectTimeline } from './ProjectTimeline';

function period(start: string | null, end: string | null): string {
  return start || end ? `${formatDate(start)} ~ ${formatDate(end)}` : '—';
}

/** One project: its fields, scenarios, attachments, lifecycle buttons and timeline. */
export default function ProjectDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const { can } = useAuth();
  const { locale } = useLocale();
  const scenarioList = useCodeList('scenario').data;
  const { data: project, isPending, error } = useProject(id);
  const [formMode, setFormMode] = useState<ProjectFormMode | null>(null);

  if (error) return <ApiErrorAlert error={error} />;
  if (isPending || !project) return <Spin />;

  const mode = can('project:write') ? projectEditMode(project.state, me.role) : null;
  const scenarioName = (s: Project['scenarios'][number]) => {
    const item = s.code ? scenarioList?.items.find((i) => i.code === s.code) : undefined;
    return item ? itemName(item, locale) : s.name;
  };
  const items: DescriptionsProps['items'] = [
    { key: 'code', label: t('projects.code'), children: <Typography.Text copyable>{project.code}</Typography.Text> },
    { key: 'filingId', label: t('fields.filingId'), children: project.filingId ?? '—' },
    {
      key: 'enterprise',
      label: t('projects.enterprise'),
      children: can('enterprise:read') ? (
        <Link to={`/programme/enterprises/${project.enterpriseId}`}>{project.enterpriseName}</Link>
      ) : (
        project.enterpriseName
      ),
    },
    { key: 'district', label: t('projects.district'), children: project.districtName },
    { key: 'operator', label: t('fields.operatorId'), children: project.operatorName ?? '—' },
    { key: 'networkMode', label: t('fields.networkMode'), children: project.networkMode ? t(`networkModes.${project.networkMode}`) : '—' },
    { key: 'investmentTotal', label: t('fields.investmentTotal'), children: formatMoney(project.investmentTotal) },
    { key: 'investment5g', label: t('fields.investment5g'), children: formatMoney(project.investment5g) },
    { key: 'planned', label: t('projects.planned'), children: period(project.plannedStart, project.plannedEnd) },
    { key: 'actual', label: t('projects.actual'), children: period(project.actualStart, project.actualEnd) },
    { key: 'createdAt', label: t('fields.createdAt'), children: formatDateTime(project.createdAt) },
    { key: 'updatedAt', label: t('fields.updatedAt'), children: formatDateTime(project.updatedAt) },
    {
      key: 'description',
      label: t('fields.description'),
      span: 2,
      children: <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{project.description ?? '—'}</Typography.Paragraph>,
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="project-detail">
      <ProjectDecisionAlert project={project} />
      <SanctionBanner organisationId={project.enterpriseId} />
      <Card
        title={
          <Space wrap>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate('/programme/projects')}
              aria-label={t('projects.back')}
            />
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="project-title">
              {project.title}
            </Typography.Title>
            <ProjectStateTag state={project.state} />
          </Space>
        }
        extra={
          <Space wrap>
            <ProjectActions project={project} />
            {mode && (
              <Button
                icon={<EditOutlined />}
                onClick={() => setFormMode(mode === 'full' ? { type: 'edit', project } : { type: 'progress', project })}
                data-testid="project-edit"
              >
                {mode === 'full' ? t('common.edit') : t('projects.progressTitle')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions column={2} items={items} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <Card title={t('fields.scenarios')} size="small">
              <Table
                rowKey={(s) => s.code ?? s.customName ?? s.name}
                size="small"
                pagination={false}
                dataSource={project.scenarios}
                data-testid="project-scenarios-table"
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('projects.noScenarios')} /> }}
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
                    width: 120,
                    render: (c: Project['scenarios'][number]['category']) => (
                      <Tag color={c === 'main_production' ? 'geekblue' : 'default'}>{t(`scenarioCategories.${c}`)}</Tag>
                    ),
                  },
                ]}
              />
            </Card>
            <Card title={t('projects.attachments')} size="small">
              <ProjectAttachments project={project} editable={mode !== null} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('projects.timeline')} size="small">
            <ProjectTimeline projectId={project.id} />
          </Card>
        </Col>
      </Row>
      <ProjectFormDrawer mode={formMode} onClose={() => setFormMode(null)} onSaved={() => setFormMode(null)} />
    </Flex>
  );
}
