import { type Application, conflictOf, type Expert, type Round } from '@suilian/contracts';
import { Alert, App, Button, type ButtonProps, Card, Flex, Form, Input, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../shared/errors';
import { AssignedExperts } from './AssignedExperts';
import { CONFLICT_REASON_KEYS } from './display';
import { useAssign, useAssignments, useExperts, useObject, useRecommend } from './hooks';
import { conflictRefusals } from './refusals';
import { SelectionErrorAlert } from './SelectionErrorAlert';

interface RecommendValues {
  recommended?: boolean;
  comment?: string;
}

/** 区级推荐: the applicant's district officer recommends the application (or not) with a comment. */
export function RecommendCard({ round, application }: { round: Round; application: Application }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecommendValues>();
  const recommend = useRecommend();
  const open = round.stage === 'district_review';
  const decided = application.status === 'recommended' || application.status === 'not_recommended';
  return (
    <Card title={t('selections.recommendTitle')} size="small" data-testid="recommend-card">
      {!open && <Alert type="info" showIcon title={t('selections.recommendNotOpen')} style={{ marginBottom: 16 }} />}
      {recommend.error && <SelectionErrorAlert error={recommend.error} round={round} style={{ marginBottom: 16 }} />}
      <Form<RecommendValues>
        form={form}
        layout="vertical"
        disabled={!open}
        initialValues={{
          recommended: decided ? application.status === 'recommended' : undefined,
          comment: application.districtComment ?? undefined,
        }}
        onFinish={(v) =>
          recommend.mutate(
            {
              roundId: round.id,
              applicationId: application.id,
              body: { recommended: v.recommended ?? false, comment: v.comment?.trim() || undefined },
            },
            { onSuccess: () => void message.success(t('selections.recommendDone')) },
          )
        }
      >
        <Form.Item
          name="recommended"
          label={t('selections.decision')}
          rules={[{ required: true, message: t('rules.requiredSelect', { field: t('selections.decision') }) }]}
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: true, label: t('selections.recommend') },
              { value: false, label: t('selections.notRecommend') },
            ]}
            data-testid="recommend-decision"
          />
        </Form.Item>
        <Form.Item
          name="comment"
          label={t('selections.districtComment')}
          rules={[{ max: 2000, message: t('rules.maxLength', { field: t('selections.districtComment'), max: 2000 }) }]}
        >
          <Input.TextArea rows={3} placeholder={t('selections.recommendPlaceholder')} data-testid="recommend-comment" />
        </Form.Item>
        {open && (
          <Button type="primary" htmlType="submit" loading={recommend.isPending} data-testid="recommend-submit">
            {decided ? t('selections.recommendUpdate') : t('selections.recommendSubmit')}
          </Button>
        )}
      </Form>
    </Card>
  );
}

/** The refusal of an assignment: which experts must stay away and why (回避本企业 / 回避本区). */
function AssignError({ error, expertIds, experts }: { error: unknown; expertIds: string[]; experts: Expert[] }) {
  const { t } = useTranslation();
  const refusals = conflictRefusals(error, expertIds);
  if (refusals.length === 0) return <SelectionErrorAlert error={error} style={{ marginBottom: 16 }} />;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="assign-conflict"
      style={{ marginBottom: 16 }}
      title={t('selections.conflictTitle')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {refusals.map((r) => {
            const name = experts.find((e) => e.userId === r.expertId)?.displayName ?? r.name;
            return (
              <li key={r.message}>
                {r.reason
                  ? t('selections.conflictLine', { name, reason: t(`selections.conflictReasons.${CONFLICT_REASON_KEYS[r.reason]}`) })
                  : t('selections.conflictLine', { name, reason: r.message })}
              </li>
            );
          })}
        </ul>
      }
    />
  );
}

/** 分配专家: organisers pick experts from the pool; those the round's rules exclude are marked, and the server refuses them. */
export function AssignCard({ round, application }: { round: Round; application: Application }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const experts = useExperts();
  const assign = useAssign();
  const [chosen, setChosen] = useState<string[]>([]);
  const [sent, setSent] = useState<string[]>([]);
  const assignments = useAssignments({ roundId: round.id, applicationId: application.id }, true);
  const assigned = useMemo(() => new Set((assignments.data ?? []).map((a) => a.expertId)), [assignments.data]);
  const stageOpen = round.stage === 'district_review' || round.stage === 'expert_review';
  const eligible = stageOpen && application.status === 'recommended';
  // The round's expertsPerApplication bounds the picker; the server enforces it too.
  const remaining = Math.max(0, round.expertsPerApplication - application.assignedExperts);
  const full = remaining === 0;
  const options = useMemo(
    () =>
      (experts.data ?? []).map((e) => {
        // Organisers always see the applicant (only experts of a blind round get it redacted).
        const conflict = conflictOf(round.conflictRules, e, {
          enterpriseId: application.enterpriseId ?? '',
          districtId: application.districtId ?? '',
        });
        return {
          value: e.userId,
          disabled: assigned.has(e.userId),
          name: e.displayName,
          label: (
            <Space size={4} wrap>
              <span>{e.displayName}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {e.username}
              </Typography.Text>
              {e.affiliationName && <Tag variant="filled">{e.affiliationName}</Tag>}
              {conflict && (
                <Tag color="orange" data-testid="expert-conflict-hint">
                  {t(`selections.conflictShort.${CONFLICT_REASON_KEYS[conflict]}`)}
                </Tag>
              )}
            </Space>
          ),
        };
      }),
    [experts.data, round.conflictRules, application, assigned, t],
  );

  const submit = () => {
    setSent(chosen);
    assign.mutate(
      { roundId: round.id, applicationId: application.id, expertIds: chosen },
      {
        onSuccess: () => {
          void message.success(t('selections.assignDone', { n: chosen.length }));
          setChosen([]);
        },
      },
    );
  };

  return (
    <Card
      title={t('selections.assignTitle')}
      size="small"
      extra={
        <Tag color={full ? 'green' : 'orange'} data-testid="assigned-count">
          {t('selections.assignedCount', { assigned: application.assignedExperts, target: round.expertsPerApplication })}
        </Tag>
      }
      data-testid="assign-card"
    >
      {!eligible && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={stageOpen ? t('selections.assignNeedsRecommendation') : t('selections.assignNotOpen')}
        />
      )}
      {assign.error && <AssignError error={assign.error} expertIds={sent} experts={experts.data ?? []} />}
      {experts.error && <ApiErrorAlert error={experts.error} style={{ marginBottom: 16 }} />}
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">
          {t('selections.assignHint', { n: round.expertsPerApplication })}
          {eligible && !full && ` ${t('selectionRules.assigned.remaining', { n: remaining })}`}
        </Typography.Text>
        {eligible && full && (
          <Alert
            type="success"
            showIcon
            title={t('selectionRules.assigned.full', { n: round.expertsPerApplication })}
            data-testid="assign-full"
          />
        )}
        <Flex gap={8} wrap>
          <Select
            mode="multiple"
            value={chosen}
            onChange={(next: string[]) => {
              setChosen(next);
              assign.reset();
            }}
            options={options}
            optionLabelProp="name"
            showSearch={{ optionFilterProp: 'name' }}
            loading={experts.isPending}
            disabled={!eligible || full}
            maxCount={remaining}
            placeholder={t('selections.expertsPlaceholder')}
            style={{ flex: 1, minWidth: 280 }}
            data-testid="assign-experts"
          />
          <Button
            type="primary"
            disabled={!eligible || full || chosen.length === 0}
            loading={assign.isPending}
            onClick={submit}
            data-testid="assign-submit"
          >
            {t('selections.assign')}
          </Button>
        </Flex>
        <AssignedExperts round={round} application={application} editable={stageOpen} />
      </Flex>
    </Card>
  );
}

/** 提出异议: anyone who sees a selected application may object to it while the list is on public notice. */
export function ObjectionButton({ round, application }: { round: Round; application: Application }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ content?: string }>();
  const [open, setOpen] = useState(false);
  const object = useObject();
  const close = () => {
    object.reset();
    setOpen(false);
  };
  return (
    <>
      <Button danger onClick={() => setOpen(true)} data-testid="objection-open">
        {t('selections.object')}
      </Button>
      <Modal
        open={open}
        title={t('selections.objectTitle', { name: application.subjectName })}
        onCancel={close}
        onOk={() => form.submit()}
        okText={t('selections.objectSubmit')}
        okButtonProps={{ loading: object.isPending, danger: true, 'data-testid': 'objection-submit' } as ButtonProps}
        destroyOnHidden
        data-testid="objection-modal"
      >
        {object.error !== null && <SelectionErrorAlert error={object.error} round={round} style={{ marginBottom: 16 }} />}
        <Typography.Paragraph type="secondary">{t('selections.objectHint')}</Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(v) =>
            object.mutate(
              { roundId: round.id, applicationId: application.id, content: (v.content ?? '').trim() },
              {
                onSuccess: () => {
                  void message.success(t('selections.objectDone'));
                  close();
                },
              },
            )
          }
        >
          <Form.Item
            name="content"
            label={t('selections.objectContent')}
            rules={[
              { required: true, whitespace: true, message: t('rules.required', { field: t('selections.objectContent') }) },
              { max: 4000, message: t('rules.maxLength', { field: t('selections.objectContent'), max: 4000 }) },
            ]}
          >
            <Input.TextArea rows={5} data-testid="objection-content" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
