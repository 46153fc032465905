import type { Application, Round, ScoreVersion } from '@suilian/contracts';
import { Alert, App, Button, type ButtonProps, Card, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format';
import { useConflictDeclarations, useDeclareConflict, useReopenScore, useScoreHistory, useScores } from './hooks';
import { SelectionErrorAlert } from './SelectionErrorAlert';

/** Asks for a reason in a dialog and sends it; the server's refusal shows in the dialog. */
function ReasonDialog(props: {
  open: boolean;
  title: string;
  hint: string;
  okText: string;
  pending: boolean;
  error: Error | null;
  round: Round;
  testId: string;
  onCancel: () => void;
  onSubmit: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onCancel}
      onOk={() => form.submit()}
      okText={props.okText}
      okButtonProps={{ loading: props.pending, 'data-testid': `${props.testId}-submit` } as ButtonProps}
      destroyOnHidden
      data-testid={props.testId}
    >
      {props.error && <SelectionErrorAlert error={props.error} round={props.round} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">{props.hint}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => props.onSubmit((v.reason ?? '').trim())}>
        <Form.Item
          name="reason"
          label={t('selectionRules.review.reason')}
          rules={[
            { required: true, whitespace: true, message: t('selectionRules.review.reasonRequired') },
            { max: 2000, message: t('rules.maxLength', { field: t('selectionRules.review.reason'), max: 2000 }) },
          ]}
        >
          <Input.TextArea rows={3} data-testid={`${props.testId}-reason`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 评分记录: every submission, reopening and new submission of the application's scores (organisers
 * see all and may reopen a locked score with a reason; an expert sees their own).
 */
export function ScoreHistoryCard({ round, application, manages }: { round: Round; application: Application; manages: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ref = { roundId: round.id, applicationId: application.id };
  const history = useScoreHistory(ref, true);
  const scores = useScores(round.id, application.id, manages);
  const reopen = useReopenScore();
  const [target, setTarget] = useState<{ expertId: string; name: string } | null>(null);
  const close = () => {
    reopen.reset();
    setTarget(null);
  };
  const reopenable = manages && round.stage === 'expert_review' ? (scores.data ?? []).filter((s) => s.locked) : [];
  return (
    <Card title={t('selectionRules.review.history')} size="small" data-testid="score-history">
      {reopenable.length > 0 && (
        <Typography.Paragraph>
          {reopenable.map((s) => (
            <Button
              key={s.expertId}
              size="small"
              style={{ marginRight: 8 }}
              onClick={() => setTarget({ expertId: s.expertId, name: s.expertName })}
              data-testid={`score-reopen-${s.expertId}`}
            >
              {t('selectionRules.review.reopen')}：{s.expertName}
            </Button>
          ))}
        </Typography.Paragraph>
      )}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        loading={history.isPending}
        dataSource={history.data ?? []}
        locale={{ emptyText: t('selectionRules.review.historyEmpty') }}
        columns={[
          { title: t('selectionRules.review.at'), dataIndex: 'at', key: 'at', width: 150, render: (v: string) => formatDateTime(v) },
          { title: t('selectionRules.review.expert'), dataIndex: 'expertName', key: 'expertName', width: 140 },
          {
            title: t('selectionRules.review.event'),
            dataIndex: 'event',
            key: 'event',
            width: 100,
            render: (v: ScoreVersion['event']) => (
              <Tag color={v === 'reopened' ? 'orange' : 'blue'}>{t(`selectionRules.review.events.${v}`)}</Tag>
            ),
          },
          {
            title: t('selectionRules.review.oldTotal'),
            dataIndex: 'oldTotal',
            key: 'oldTotal',
            width: 90,
            render: (v: number | null) => v ?? '—',
          },
          {
            title: t('selectionRules.review.newTotal'),
            dataIndex: 'newTotal',
            key: 'newTotal',
            width: 90,
            render: (v: number | null) => v ?? '—',
          },
          { title: t('selectionRules.review.by'), dataIndex: 'by', key: 'by', width: 140 },
          { title: t('selectionRules.review.reason'), dataIndex: 'reason', key: 'reason', render: (v: string | null) => v ?? '—' },
        ]}
      />
      <ReasonDialog
        open={target !== null}
        title={t('selectionRules.review.reopenTitle', { name: target?.name ?? '' })}
        hint={t('selectionRules.review.reopenHint')}
        okText={t('selectionRules.review.reopen')}
        pending={reopen.isPending}
        error={reopen.error}
        round={round}
        testId="score-reopen-modal"
        onCancel={close}
        onSubmit={(reason) =>
          target &&
          reopen.mutate(
            { ...ref, expertId: target.expertId, reason },
            {
              onSuccess: () => {
                void message.success(t('selectionRules.review.reopenDone'));
                close();
              },
            },
          )
        }
      />
    </Card>
  );
}

/** 回避申明: the assigned expert declares a conflict of interest with a reason (recorded; takes them off). */
export function DeclareConflictButton({
  round,
  application,
  onDeclared,
}: {
  round: Round;
  application: Application;
  onDeclared: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const declare = useDeclareConflict();
  const [open, setOpen] = useState(false);
  const close = () => {
    declare.reset();
    setOpen(false);
  };
  return (
    <>
      <Button danger onClick={() => setOpen(true)} data-testid="declare-conflict">
        {t('selectionRules.review.declare')}
      </Button>
      <ReasonDialog
        open={open}
        title={t('selectionRules.review.declare')}
        hint={t('selectionRules.review.declareHint')}
        okText={t('selectionRules.review.declare')}
        pending={declare.isPending}
        error={declare.error}
        round={round}
        testId="declare-conflict-modal"
        onCancel={close}
        onSubmit={(reason) =>
          declare.mutate(
            { roundId: round.id, applicationId: application.id, reason },
            {
              onSuccess: () => {
                void message.success(t('selectionRules.review.declareDone'));
                close();
                onDeclared();
              },
            },
          )
        }
      />
    </>
  );
}

/** What a final score used: method, counted and missing scores, totals kept and trimmed. */
export function ScoreBasisText({ application }: { application: Application }) {
  const { t } = useTranslation();
  const b = application.scoreBasis;
  if (!b) return null;
  return (
    <Typography.Text type="secondary" data-testid="score-basis">
      {t('selectionRules.review.basisText', { ...b, method: t(`selectionRules.review.methods.${b.method}`) })}
      {b.kept.length > 0 && `；${t('selectionRules.review.basisKept', { kept: b.kept.join('、') })}`}
      {b.trimmed.length > 0 && `；${t('selectionRules.review.basisTrimmed', { trimmed: b.trimmed.join('、') })}`}
    </Typography.Text>
  );
}

/** The round's recorded close override and, for organisers, the experts' conflict declarations. */
export function ReviewRecordAlerts({ round, manages }: { round: Round; manages: boolean }) {
  const { t } = useTranslation();
  const declarations = useConflictDeclarations(round.id, manages);
  const o = round.closeOverride;
  return (
    <>
      {round.blind && <Alert type="info" showIcon title={t('selectionRules.review.blindHint')} data-testid="round-blind" />}
      {o && (
        <Alert
          type="warning"
          showIcon
          title={t('selectionRules.review.closeOverride', { ...o, at: formatDateTime(o.at) })}
          data-testid="round-close-override"
        />
      )}
      {manages && (declarations.data ?? []).length > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('selectionRules.review.declarations')}
          description={(declarations.data ?? []).map((d) => (
            <div key={`${d.applicationId}-${d.expertId}`}>
              {formatDateTime(d.declaredAt)} {d.expertName}：{d.reason}
            </div>
          ))}
          data-testid="round-declarations"
        />
      )}
    </>
  );
}
