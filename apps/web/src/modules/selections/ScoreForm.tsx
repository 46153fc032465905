import { type Application, type Round, type Score, weightedTotal, weightShare } from '@suilian/contracts';
import { Alert, App, Button, Card, Col, Empty, Flex, Form, Input, InputNumber, Row, Statistic, Table, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../session/auth';
import { useLocale } from '../../session/locale';
import { ApiErrorAlert, applyFormErrors } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { criterionName } from './display';
import { useScores, useSubmitScore } from './hooks';
import { SelectionErrorAlert } from './SelectionErrorAlert';

interface Values {
  scores?: Record<string, number | null | undefined>;
  comment?: string;
}

/** The expert's own submitted score, if any (after the review closes the list holds everyone's). */
function useOwnScore(round: Round, application: Application) {
  const me = useMe();
  const own = useScores(round.id, application.id, true);
  return { mine: own.data?.find((s) => s.expertId === me.id), refetch: own.refetch };
}

/**
 * 评分: one input per rubric criterion (0 to its maximum), the weighted total previewed as the
 * server computes it, a comment. An expert may revise the score until the review closes.
 */
export function ScoreForm({ round, application }: { round: Round; application: Application }) {
  const { t } = useTranslation();
  const { mine } = useOwnScore(round, application);
  if (round.stage === 'expert_review') return <ScoreSheet round={round} application={application} />;
  return (
    <Card title={t('selections.scoreTitle')} size="small" data-testid="score-card">
      <Flex vertical gap={12}>
        <Alert type="info" showIcon title={mine ? t('selections.scoreClosed') : t('selections.scoreNotOpen')} />
        {mine && (
          <Alert
            type="success"
            showIcon
            title={t('selections.scoreSubmittedAt', { time: formatDateTime(mine.submittedAt), total: mine.total.toFixed(2) })}
            data-testid="score-submitted"
          />
        )}
      </Flex>
    </Card>
  );
}

function ScoreSheet({ round, application }: { round: Round; application: Application }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { mine, refetch } = useOwnScore(round, application);
  const submit = useSubmitScore();
  const scores = (Form.useWatch('scores', form) ?? {}) as Record<string, number | null | undefined>;
  const total = weightedTotal(round.rubric, scores);

  useEffect(() => {
    if (mine) form.setFieldsValue({ scores: mine.scores, comment: mine.comment ?? undefined });
  }, [mine, form]);

  const onFinish = (v: Values) => {
    const sheet = Object.fromEntries(round.rubric.map((c) => [c.key, Number(v.scores?.[c.key] ?? 0)]));
    submit.mutate(
      { roundId: round.id, applicationId: application.id, body: { scores: sheet, comment: v.comment?.trim() || undefined } },
      {
        onSuccess: () => {
          void message.success(t('selections.scoreDone'));
          void refetch();
        },
        onError: (error) => applyFormErrors(form, error, t),
      },
    );
  };

  return (
    <Card title={t('selections.scoreTitle')} size="small" data-testid="score-card">
      {mine && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('selections.scoreSubmittedAt', { time: formatDateTime(mine.submittedAt), total: mine.total.toFixed(2) })}
          data-testid="score-submitted"
        />
      )}
      {mine?.locked && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('selectionRules.review.lockedHint')} data-testid="score-locked" />
      )}
      {mine?.reopened && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('selectionRules.review.reopenedHint', { reason: mine.reopened.reason })}
          data-testid="score-reopened"
        />
      )}
      {submit.error && <SelectionErrorAlert error={submit.error} round={round} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} disabled={mine?.locked === true} data-testid="score-form">
        <Row gutter={24}>
          <Col xs={24} lg={15}>
            {round.rubric.map((c) => (
              <Form.Item
                key={c.key}
                name={['scores', c.key]}
                label={criterionName(c, locale)}
                extra={t('selections.criterionHint', { max: c.maxScore, weight: c.weight, share: weightShare(round.rubric, c.weight) })}
                rules={[
                  { required: true, message: t('selections.scoreRequired', { name: criterionName(c, locale) }) },
                  {
                    type: 'number',
                    min: 0,
                    max: c.maxScore,
                    message: t('selections.scoreRange', { name: criterionName(c, locale), max: c.maxScore }),
                  },
                ]}
              >
                <InputNumber step={1} style={{ width: 160 }} suffix={`/ ${c.maxScore}`} data-testid={`score-${c.key}`} />
              </Form.Item>
            ))}
            <Form.Item
              name="comment"
              label={t('selections.scoreComment')}
              rules={[{ max: 4000, message: t('rules.maxLength', { field: t('selections.scoreComment'), max: 4000 }) }]}
            >
              <Input.TextArea rows={3} data-testid="score-comment" />
            </Form.Item>
          </Col>
          <Col xs={24} lg={9}>
            <Flex vertical gap={12}>
              <Card size="small">
                <Statistic title={t('selections.scoreTotal')} value={total} precision={2} suffix="/ 100" data-testid="score-total" />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('selections.scoreFormula')}
                </Typography.Text>
              </Card>
              <Button type="primary" htmlType="submit" loading={submit.isPending} block data-testid="score-submit">
                {mine ? t('selections.scoreUpdate') : t('selections.scoreSubmit')}
              </Button>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('selections.scoresHidden')}
              </Typography.Text>
            </Flex>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}

/** Every submitted score of an application: organisers always, experts once the round has closed. */
export function ScoresTable({ round, application }: { round: Round; application: Application }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { data, isFetching, error } = useScores(round.id, application.id, true);
  return (
    <Card
      title={t('selections.allScores')}
      size="small"
      extra={t('selections.scoreProgressLong', { submitted: application.submittedScores, assigned: application.assignedExperts })}
      data-testid="scores-card"
    >
      {error && <ApiErrorAlert error={error} />}
      <Table<Score>
        rowKey="expertId"
        size="small"
        loading={isFetching}
        pagination={false}
        dataSource={data}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('selections.scoresEmpty')} /> }}
        columns={[
          { title: t('selections.expert'), dataIndex: 'expertName', key: 'expertName' },
          ...round.rubric.map((c) => ({
            title: criterionName(c, locale),
            key: c.key,
            align: 'right' as const,
            render: (_v: unknown, s: Score) => s.scores[c.key] ?? '—',
          })),
          {
            title: t('selections.total'),
            dataIndex: 'total',
            key: 'total',
            align: 'right',
            render: (v: number) => <Typography.Text strong>{v.toFixed(2)}</Typography.Text>,
          },
          { title: t('selections.scoreComment'), dataIndex: 'comment', key: 'comment', render: (c: string | null) => c || '—' },
          { title: t('selections.submittedAt'), dataIndex: 'submittedAt', key: 'submittedAt', render: formatDateTime },
        ]}
      />
    </Card>
  );
}
