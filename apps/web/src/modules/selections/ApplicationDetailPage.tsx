import { ArrowLeftOutlined, EditOutlined, EyeOutlined, PaperClipOutlined } from '@ant-design/icons';
import { AFTER_REVIEW_STAGES, type Application, type Round } from '@suilian/contracts';
import { Button, Card, Col, Descriptions, type DescriptionsProps, Empty, Flex, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/http';
import { useAuth, useMe } from '../../session/auth';
import { ApiErrorAlert } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { CaseEditorDrawer } from './CaseEditorDrawer';
import { KIND_COLOURS } from './display';
import { storedFileUrl, useApplication, useCase, useRound } from './hooks';
import { AssignCard, ObjectionButton, RecommendCard } from './ReviewCards';
import { DeclareConflictButton, ScoreBasisText, ScoreHistoryCard } from './ReviewRecord';
import { ScoreForm, ScoresTable } from './ScoreForm';
import { ApplicationStatusTag, RoundStageTag, SelectedTag } from './SelectionTags';

/** Not there, or not for this user: an unassigned or conflicted expert lands here too. */
function ApplicationNotFound({ roundId }: { roundId: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('selections.applicationNotFound')}
      subTitle={t('selections.applicationNotFoundHint')}
      data-testid="application-not-found"
      extra={
        <Link to={roundId ? `/programme/selections/${roundId}` : '/programme/selections'}>
          <Button type="primary">{t('selections.backToRound')}</Button>
        </Link>
      }
    />
  );
}

/** The typical case page of a selected application: open it, or write it (organisers and the applicant). */
function CaseCard({ round, application, editable }: { round: Round; application: Application; editable: boolean }) {
  const { t } = useTranslation();
  const existing = useCase(application.id);
  const [editing, setEditing] = useState(false);
  return (
    <Card
      title={t('cases.casePage')}
      size="small"
      data-testid="case-card"
      extra={
        <Space>
          {existing.data && (
            <Link to={`/programme/cases/${application.id}`}>
              <Button size="small" icon={<EyeOutlined />}>
                {t('cases.view')}
              </Button>
            </Link>
          )}
          {editable && (
            <Button size="small" type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="case-edit">
              {existing.data ? t('cases.edit') : t('cases.write')}
            </Button>
          )}
        </Space>
      }
    >
      {existing.error && <ApiErrorAlert error={existing.error} />}
      {existing.data === null && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.noCase')} />}
      {existing.data && (
        <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ margin: 0 }}>
          {existing.data.background}
        </Typography.Paragraph>
      )}
      <CaseEditorDrawer
        open={editing}
        round={round}
        application={application}
        current={existing.data ?? null}
        onClose={() => setEditing(false)}
      />
    </Card>
  );
}

/** One application: what was applied with, and the step the user's role takes on it (推荐, 分配专家, 评分, 异议, 案例). */
export default function ApplicationDetailPage() {
  const { t } = useTranslation();
  const { id, applicationId } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const { can } = useAuth();
  const round = useRound(id);
  const app = useApplication(id, applicationId);

  const notFound = [round.error, app.error].some((e) => e instanceof ApiError && (e.status === 404 || e.status === 403));
  if (notFound) return <ApplicationNotFound roundId={round.data ? id : undefined} />;
  if (round.error || app.error) return <ApiErrorAlert error={round.error ?? app.error} />;
  if (!round.data || !app.data) return <Spin />;
  const r = round.data;
  const a = app.data;

  const manages = can('selection:manage');
  const isExpert = can('selection:review') && !manages;
  const recommends = can('selection:recommend') && !manages;
  // The applicant writes its case page (the server's application policy: selection:apply, own enterprise).
  const ownsIt = can('selection:apply') && a.enterpriseId === me.orgId;
  const subjectPath = r.subjectType === 'factory' ? `/programme/factories/${a.subjectId}` : `/programme/projects/${a.subjectId}`;
  const canOpenSubject = r.subjectType === 'factory' ? can('enterprise:read') : can('project:read');
  const showScore = a.finalScore !== null || a.rank !== null;

  const items: DescriptionsProps['items'] = [
    {
      key: 'subject',
      label: t(`selectionSubjects.${r.subjectType}`),
      children: canOpenSubject ? <Link to={subjectPath}>{a.subjectName}</Link> : a.subjectName,
    },
    {
      key: 'enterprise',
      label: t('selections.enterprise'),
      // A blind round's experts get the applicant redacted by the server (匿名评审).
      children: a.blind ? (
        <Typography.Text type="secondary" data-testid="application-hidden">
          {t('selectionRules.review.hidden')}
        </Typography.Text>
      ) : can('enterprise:read') ? (
        <Link to={`/programme/enterprises/${a.enterpriseId}`}>{a.enterpriseName}</Link>
      ) : (
        a.enterpriseName
      ),
    },
    { key: 'district', label: t('selections.district'), children: a.blind ? t('selectionRules.review.hidden') : a.districtName },
    { key: 'appliedAt', label: t('selections.appliedAt'), children: formatDateTime(a.createdAt) },
    {
      key: 'districtComment',
      label: t('selections.districtComment'),
      children: a.blind ? t('selectionRules.review.hidden') : a.districtComment || '—',
      span: 2,
    },
    ...(showScore
      ? [
          {
            key: 'finalScore',
            label: t('selections.finalScore'),
            children: (
              <Space direction="vertical" size={0}>
                {a.finalScore === null ? '—' : a.finalScore.toFixed(2)}
                <ScoreBasisText application={a} />
              </Space>
            ),
          },
          { key: 'rank', label: t('selections.rank'), children: a.rank ?? '—' },
        ]
      : []),
    {
      key: 'narrative',
      label: t('selections.narrative'),
      span: 2,
      children: (
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="application-narrative">
          {a.narrative}
        </Typography.Paragraph>
      ),
    },
    {
      key: 'attachments',
      label: t('fields.attachments'),
      span: 2,
      children:
        a.attachments.length === 0 ? (
          '—'
        ) : (
          <Flex vertical gap={4}>
            {a.attachments.map((f) => (
              <a key={f.fileId} href={storedFileUrl(f.fileId)} download={f.name}>
                <PaperClipOutlined /> {f.name}
              </a>
            ))}
          </Flex>
        ),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="application-detail">
      <Card
        title={
          <Space wrap>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate(`/programme/selections/${r.id}`)}
              aria-label={t('selections.backToRound')}
            />
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="application-title">
              {a.subjectName}
            </Typography.Title>
            <ApplicationStatusTag status={a.status} />
            {a.blind && <Tag color="purple">{t('selectionRules.review.blind')}</Tag>}
            {a.selected && <SelectedTag />}
          </Space>
        }
        extra={
          <Space>
            {isExpert && (r.stage === 'district_review' || r.stage === 'expert_review') && (
              <DeclareConflictButton round={r} application={a} onDeclared={() => navigate(`/programme/selections/${r.id}`)} />
            )}
            {r.stage === 'publicity' && a.selected && <ObjectionButton round={r} application={a} />}
          </Space>
        }
      >
        <Flex vertical gap={12}>
          <Space size={8} wrap>
            <Link to={`/programme/selections/${r.id}`}>{r.title}</Link>
            <Tag color={KIND_COLOURS[r.kind]}>{t(`selectionKinds.${r.kind}`)}</Tag>
            <RoundStageTag stage={r.stage} />
          </Space>
          <Descriptions column={2} items={items} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }} />
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        {recommends && r.stage === 'district_review' && (
          <Col xs={24} xl={12}>
            <RecommendCard round={r} application={a} />
          </Col>
        )}
        {manages && (r.stage === 'district_review' || r.stage === 'expert_review') && (
          <Col xs={24} xl={12}>
            <AssignCard round={r} application={a} />
          </Col>
        )}
        {isExpert && (
          <Col span={24}>
            <ScoreForm round={r} application={a} />
          </Col>
        )}
        {(manages || (isExpert && AFTER_REVIEW_STAGES.includes(r.stage))) && (
          <Col span={24}>
            <ScoresTable round={r} application={a} />
          </Col>
        )}
        {(manages || isExpert) && (
          <Col span={24}>
            <ScoreHistoryCard round={r} application={a} manages={manages} />
          </Col>
        )}
        {r.kind === 'typical_case' && a.selected && (
          <Col span={24}>
            <CaseCard round={r} application={a} editable={manages || ownsIt} />
          </Col>
        )}
      </Row>
    </Flex>
  );
}
