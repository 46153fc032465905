import {
  FINDING_TRANSITIONS,
  type FindingAction,
  type FindingDetail,
  type FindingTransition,
  findingActionsFor,
  fourEyesProblem,
  VEX_JUSTIFICATIONS,
} from '@suilian/contracts';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../session/auth';
import { ApiErrorAlert, applyFormErrors } from '../../shared/errors';
import { useTransition } from './hooks';

interface Values {
  note?: string;
  vexJustification?: FindingTransition['vexJustification'];
  plan?: string;
  remediationOwner?: string;
  remediationDue?: Dayjs;
  riskAcceptedUntil?: Dayjs;
}

const DANGER: readonly FindingAction[] = ['mark_false_positive', 'reject_fix'];

/** The lifecycle buttons of one finding for this user, each opening a small form with what the action needs. */
export function FindingActions({ finding }: { finding: FindingDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const transition = useTransition();
  const [form] = Form.useForm<Values>();
  const [action, setAction] = useState<FindingAction | null>(null);
  const [error, setError] = useState<unknown>(null);
  const f = (key: string) => t(`vulnerabilities.findings.${key}` as 'vulnerabilities.findings.title');
  // The one lifecycle rule (contracts) decides the buttons; the server applies the same rule.
  const actions = findingActionsFor(finding.state, me.permissions);
  // Four eyes: whoever declared the fix cannot confirm it; say so instead of offering a button that fails.
  const fixedByMe = fourEyesProblem(finding, me.id) !== null;

  const open = (a: FindingAction) => {
    setError(null);
    form.resetFields();
    if (a === 'start_remediation')
      form.setFieldsValue({ plan: finding.plan ?? undefined, remediationOwner: finding.remediationOwner ?? undefined });
    setAction(a);
  };
  const submit = (v: Values) => {
    if (!action) return;
    const body: FindingTransition = {
      version: finding.version,
      action,
      note: v.note?.trim() || undefined,
      vexJustification: v.vexJustification,
      plan: v.plan?.trim() || undefined,
      remediationOwner: v.remediationOwner?.trim() || undefined,
      remediationDue: v.remediationDue?.format('YYYY-MM-DD'),
      riskAcceptedUntil: v.riskAcceptedUntil?.format('YYYY-MM-DD'),
    };
    transition.mutate(
      { id: finding.id, body },
      {
        onSuccess: () => {
          void message.success(t('vulnerabilities.findings.done', { action: t(`vulnerabilities.actions.${action}`) }));
          setAction(null);
        },
        onError: (e) => {
          if (!applyFormErrors(form, e, t)) setError(e);
        },
      },
    );
  };

  if (actions.length === 0) return <Typography.Text type="secondary">{f('noActions')}</Typography.Text>;
  return (
    <>
      <Space wrap data-testid="finding-actions">
        {actions.map((a) => {
          const blocked = a === 'verify' && fixedByMe;
          const button = (
            <Button
              key={a}
              type={a === 'verify' || a === 'mark_fixed' || a === 'start_remediation' || a === 'confirm' ? 'primary' : 'default'}
              danger={DANGER.includes(a)}
              disabled={blocked}
              onClick={() => open(a)}
              data-testid={`finding-action-${a}`}
            >
              {t(`vulnerabilities.actions.${a}`)}
            </Button>
          );
          return blocked ? (
            <Tooltip key={a} title={f('fixerCannotVerify')}>
              <span data-testid="verify-blocked">{button}</span>
            </Tooltip>
          ) : (
            button
          );
        })}
      </Space>
      {fixedByMe && actions.includes('verify') && (
        <Typography.Paragraph type="warning" style={{ marginTop: 8 }} data-testid="verify-blocked-reason">
          {f('fixerCannotVerify')}
        </Typography.Paragraph>
      )}
      <Modal
        open={action !== null}
        title={action ? t(`vulnerabilities.actions.${action}`) : ''}
        onCancel={() => setAction(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: transition.isPending, 'data-testid': 'transition-submit' } as never}
        destroyOnHidden
        data-testid="transition-modal"
      >
        {error !== null && <ApiErrorAlert error={error} showReason style={{ marginBottom: 12 }} />}
        <Form<Values> form={form} layout="vertical" onFinish={submit}>
          {action === 'mark_not_affected' && (
            <Form.Item name="vexJustification" label={f('vexJustification')} rules={[{ required: true }]}>
              <Select
                options={VEX_JUSTIFICATIONS.map((j) => ({ value: j, label: t(`vulnerabilities.vex.${j}`) }))}
                data-testid="transition-vex"
              />
            </Form.Item>
          )}
          {action === 'start_remediation' && (
            <>
              <Form.Item name="plan" label={f('plan')} rules={[{ required: true, whitespace: true, max: 4000 }]}>
                <Input.TextArea rows={3} data-testid="transition-plan" />
              </Form.Item>
              <Form.Item name="remediationOwner" label={f('remediationOwner')} rules={[{ required: true, whitespace: true, max: 100 }]}>
                <Input data-testid="transition-owner" />
              </Form.Item>
              <Form.Item name="remediationDue" label={f('remediationDue')} rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} data-testid="transition-due" />
              </Form.Item>
            </>
          )}
          {action === 'accept_risk' && (
            <Form.Item name="riskAcceptedUntil" label={f('riskAcceptedUntil')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} data-testid="transition-until" />
            </Form.Item>
          )}
          <Form.Item
            name="note"
            label={f('note')}
            rules={[
              { required: action !== null && FINDING_TRANSITIONS[action].noteRequired, whitespace: true, message: f('noteRequired') },
              { max: 4000 },
            ]}
          >
            <Input.TextArea rows={2} data-testid="transition-note" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
