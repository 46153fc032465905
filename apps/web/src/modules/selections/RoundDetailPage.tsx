import { ArrowLeftOutlined, EditOutlined, FormOutlined } from '@ant-design/icons';
import { type Application, type Criterion, ROUND_STAGES, type Round, weightShare } from '@suilian/contracts';
import {
  Button,
  Card,
  Col,
  Descriptions,
  type DescriptionsProps,
  Empty,
  Flex,
  Result,
  Row,
  Space,
  Spin,
  Steps,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/http';
import { useAuth, useMe } from '../../session/auth';
import { useLocale } from '../../session/locale';
import { ApiErrorAlert } from '../../shared/errors';
import { formatDate, formatDateTime } from '../../shared/format';
import { StatusTag } from '../../shared/StatusTag';
import { ApplyDrawer } from './ApplyDrawer';
import { criterionName, deadlinePassed, KIND_COLOURS, stageIndex } from './display';
import { useApplications, useOwnTotals, useRound } from './hooks';
import { ObjectionsCard } from './ObjectionsCard';
import { ReviewRecordAlerts } from './ReviewRecord';
import { RoundNextAction } from './RoundActions';
import { RoundFormDrawer } from './RoundFormDrawer';
import { ApplicationStatusTag, RoundStageTag, SelectedTag } from './SelectionTags';

const SCORED_STAGES: readonly Round['stage'][] = ['closed', 'publicity', 'published'];

export function RubricTable({ rubric }: { rubric: Criterion[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <Table<Criterion>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rubric}
      data-testid="rubric-table"
      columns={[
        {
          title: t('selections.criterion'),
          key: 'name',
          // The criterion by name; its key (network, benefit …) is for the score sheets' data, not the reader (#12 item 3).
          render: (_v, c) => criterionName(c, locale),
        },
        {
          title: t('selections.weight'),
          dataIndex: 'weight',
          key: 'weight',
          align: 'right',
          render: (w: number) => t('selections.weightWithShare', { weight: w, share: weightShare(rubric, w) }),
        },
        { title: t('selections.maxScore'), dataIndex: 'maxScore', key: 'maxScore', align: 'right' },
      ]}
    />
  );
}

function ApplicationsTable({ round, applications, loading }: { round: Round; applications: Application[]; loading: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const { can } = useAuth();
  const scored = SCORED_STAGES.includes(round.stage);
  const showProgress = can('selection:manage') || me.orgKind === 'city';
  // An expert sees whether each assigned application still waits for their score.
  const isExpert = can('selection:review') && !can('selection:manage');
  const ownTotals = useOwnTotals(
    round.id,
    applications.map((a) => a.id),
    me.id,
    isExpert,
  );
  const rows = scored ? [...applications].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9)) : applications;
  const columns: TableColumnsType<Application> = [
    ...(scored ? [{ title: t('selections.rank'), dataIndex: 'rank', key: 'rank', width: 64, render: (r: number | null) => r ?? '—' }] : []),
    {
      title: t('selections.subject'),
      key: 'subject',
      render: (_v, a) => (
        <Flex vertical>
          <Typography.Text strong>{a.subjectName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.blind ? t('selectionRules.review.hidden') : a.enterpriseName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('selections.district'),
      dataIndex: 'districtName',
      key: 'districtName',
      width: 90,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('fields.status'),
      key: 'status',
      width: 150,
      render: (_v, a) => (
        <Space size={4} wrap>
          <ApplicationStatusTag status={a.status} />
          {a.selected && <SelectedTag />}
        </Space>
      ),
    },
    {
      title: t('selections.districtComment'),
      dataIndex: 'districtComment',
      key: 'districtComment',
      ellipsis: true,
      render: (c: string | null) => c || '—',
    },
    ...(showProgress
      ? [
          {
            title: t('selections.scoreProgress'),
            key: 'progress',
            width: 100,
            align: 'center' as const,
            render: (_v: unknown, a: Application) => (
              <span data-testid="score-progress">
                {t('selections.scoreProgressValue', { submitted: a.submittedScores, assigned: a.assignedExperts })}
              </span>
            ),
          },
        ]
      : []),
    // Organisers see at a glance which recommended applications still lack experts (expertsPerApplication).
    ...(can('selection:manage') && (round.stage === 'district_review' || round.stage === 'expert_review')
      ? [
          {
            title: t('selectionRules.assigned.count'),
            key: 'assigned',
            width: 130,
            align: 'center' as const,
            render: (_v: unknown, a: Application) =>
              a.status === 'recommended' ? (
                <Tag color={a.assignedExperts >= round.expertsPerApplication ? 'green' : 'orange'} data-testid="assigned-of-required">
                  {t('selectionRules.assigned.countValue', { assigned: a.assignedExperts, required: round.expertsPerApplication })}
                </Tag>
              ) : (
                '—'
              ),
          },
        ]
      : []),
    ...(isExpert
      ? [
          {
            title: t('selections.myScore'),
            key: 'myScore',
            width: 100,
            align: 'right' as const,
            render: (_v: unknown, a: Application) => {
              const total = ownTotals.get(a.id);
              if (total === undefined) return '…';
              return total === null ? (
                <StatusTag tone="attention" data-testid="my-score-pending">
                  {t('selections.scorePending')}
                </StatusTag>
              ) : (
                <span data-testid="my-score">{total.toFixed(2)}</span>
              );
            },
          },
        ]
      : []),
    ...(scored
      ? [
          {
            title: t('selections.finalScore'),
            dataIndex: 'finalScore',
            key: 'finalScore',
            width: 90,
            align: 'right' as const,
            render: (s: number | null) => (s === null ? '—' : s.toFixed(2)),
          },
        ]
      : []),
    { title: t('selections.appliedAt'), dataIndex: 'createdAt', key: 'createdAt', width: 110, render: formatDate },
  ];
  return (
    <Table<Application>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={rows.length > 20 ? { pageSize: 20, showTotal: (total) => t('common.total', { total }) } : false}
      onRow={(a) => ({
        onClick: () => navigate(`/programme/selections/${round.id}/applications/${a.id}`),
        style: { cursor: 'pointer' },
      })}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('selections.applicationsEmpty')} /> }}
      data-testid="applications-table"
    />
  );
}

/** One round: its stage stepper, the organiser's next step, the rules and rubric, the applications. */
export default function RoundDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const { can } = useAuth();
  const { data: round, isPending, error } = useRound(id);
  const applications = useApplications(round ? round.id : undefined);
  const [editing, setEditing] = useState(false);
  const [applying, setApplying] = useState(false);

  if (error instanceof ApiError && error.status === 404)
    return (
      <Result
        status="404"
        title={t('selections.roundNotFound')}
        extra={
          <Link to="/programme/selections">
            <Button type="primary">{t('selections.back')}</Button>
          </Link>
        }
      />
    );
  if (error) return <ApiErrorAlert error={error} />;
  if (isPending || !round) return <Spin />;

  const manages = can('selection:manage');
  const current = stageIndex(round.stage);
  const mine = (applications.data ?? []).filter((a) => a.enterpriseId === me.orgId);
  const canApply = can('selection:apply') && round.stage === 'open';
  const closedForApplying = canApply && deadlinePassed(round.deadline);

  const items: DescriptionsProps['items'] = [
    {
      key: 'kind',
      label: t('selections.kind'),
      children: <Tag color={KIND_COLOURS[round.kind]}>{t(`selectionKinds.${round.kind}`)}</Tag>,
    },
    { key: 'subject', label: t('selections.subjectType'), children: t(`selectionSubjects.${round.subjectType}`) },
    { key: 'year', label: t('fields.year'), children: round.year },
    { key: 'deadline', label: t('selections.deadline'), children: formatDateTime(round.deadline) },
    { key: 'quota', label: t('selections.quota'), children: round.quota },
    { key: 'experts', label: t('selections.expertsPerApplication'), children: round.expertsPerApplication },
    { key: 'aggregation', label: t('selections.aggregation'), children: t(`aggregations.${round.aggregation}`) },
    {
      key: 'conflict',
      label: t('selections.conflictRules'),
      children: (
        <Space size={4} wrap>
          {round.conflictRules.ownEnterprise && <Tag>{t('selections.ownEnterprise')}</Tag>}
          {round.conflictRules.ownDistrict && <Tag>{t('selections.ownDistrict')}</Tag>}
          {!round.conflictRules.ownEnterprise && !round.conflictRules.ownDistrict && t('common.none')}
        </Space>
      ),
    },
    ...(round.publicityEnd ? [{ key: 'publicityEnd', label: t('selections.publicityEnd'), children: formatDate(round.publicityEnd) }] : []),
    {
      key: 'description',
      label: t('selections.description'),
      span: 2,
      children: <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{round.description || '—'}</Typography.Paragraph>,
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="round-detail">
      <Card
        title={
          <Space wrap>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate('/programme/selections')}
              aria-label={t('selections.back')}
            />
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="round-title">
              {round.title}
            </Typography.Title>
            <RoundStageTag stage={round.stage} />
          </Space>
        }
        extra={
          <Space wrap>
            {manages && <RoundNextAction round={round} />}
            {manages && round.stage !== 'published' && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="round-edit">
                {t('common.edit')}
              </Button>
            )}
            {canApply && (
              <Button
                type="primary"
                icon={<FormOutlined />}
                disabled={closedForApplying}
                onClick={() => setApplying(true)}
                data-testid="round-apply"
              >
                {closedForApplying ? t('selections.deadlinePassed') : t('selections.apply')}
              </Button>
            )}
          </Space>
        }
      >
        <Flex vertical gap={24}>
          <Steps
            current={current}
            status={round.stage === 'published' ? 'finish' : 'process'}
            size="small"
            items={ROUND_STAGES.map((s) => ({ key: s, title: t(`roundStages.${s}`) }))}
            data-testid="round-steps"
          />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={15}>
              <Flex vertical gap={8}>
                <Descriptions column={2} items={items} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }} />
                <ReviewRecordAlerts round={round} manages={manages} />
              </Flex>
            </Col>
            <Col xs={24} xl={9}>
              <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
                {t('selections.rubric')}
              </Typography.Text>
              <RubricTable rubric={round.rubric} />
            </Col>
          </Row>
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Card
            title={
              <Space>
                {manages || me.orgKind === 'city'
                  ? t('selections.applications')
                  : me.role === 'enterprise_user'
                    ? t('selections.ownApplications')
                    : t('selections.visibleApplications')}
                <Tag>{applications.data?.length ?? round.applicationCount}</Tag>
              </Space>
            }
            size="small"
          >
            {applications.error ? (
              <ApiErrorAlert error={applications.error} />
            ) : (
              <ApplicationsTable round={round} applications={applications.data ?? []} loading={applications.isFetching} />
            )}
            {canApply && mine.length > 0 && (
              <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
                {t('selections.appliedCount', { n: mine.length })}
              </Typography.Text>
            )}
          </Card>
        </Col>
        {(round.stage === 'publicity' || round.stage === 'published') && (
          <Col span={24}>
            <ObjectionsCard round={round} applications={applications.data ?? []} />
          </Col>
        )}
      </Row>
      <RoundFormDrawer
        mode={editing ? { type: 'edit', round } : null}
        onClose={() => setEditing(false)}
        onSaved={() => setEditing(false)}
      />
      <ApplyDrawer
        round={applying ? round : null}
        applied={mine.map((a) => a.subjectId)}
        onClose={() => setApplying(false)}
        onApplied={(a) => {
          setApplying(false);
          navigate(`/programme/selections/${round.id}/applications/${a.id}`);
        }}
      />
    </Flex>
  );
}
