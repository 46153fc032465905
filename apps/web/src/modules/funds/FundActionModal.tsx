import type { FundApplication } from '@suilian/contracts';
import { App, DatePicker, Form, Input, Modal, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../shared/errors';
import { useDecide, useObject, useResolveObjection, useTranche, useTransition } from './hooks';

/** A step taken from the detail page; `resolve` names the objection. */
export type FundModalStep =
  | { step: 'submit' | 'approve' | 'return' | 'reject' | 'object' | 'award' | 'revise' | 'disburse' }
  | { step: 'resolve'; objectionId: string };

interface Values {
  comment?: string;
  objector?: string;
  content?: string;
  amount?: string;
  reason?: string;
  paidOn?: Dayjs;
  reference?: string;
  upheld?: boolean;
  resolution?: string;
}

const YUAN = /^\d{1,13}(\.\d{1,2})?$/;

/** Asks what a step needs (comment, objection, amount and reason, tranche) and sends it; the server's refusal shows worded. */
export function FundActionModal({
  application,
  action,
  onClose,
}: {
  application: FundApplication;
  action: FundModalStep | null;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const transition = useTransition(application.id);
  const object = useObject(application.id);
  const resolve = useResolveObjection(application.id);
  const decide = useDecide(application.id);
  const tranche = useTranche(application.id);
  const mutations = [transition, object, resolve, decide, tranche];
  const pending = mutations.some((m) => m.isPending);
  const error = mutations.find((m) => m.error)?.error;
  const close = () => {
    for (const m of mutations) m.reset();
    onClose();
  };
  const done = {
    onSuccess: () => {
      void message.success(t('funds.done'));
      close();
    },
  };
  const step = action?.step;
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('funds.required', { field: t(`funds.fields.${field}` as never) }),
  });

  const send = (v: Values) => {
    if (!action) return;
    const s = action.step;
    if (s === 'submit' || s === 'approve' || s === 'return' || s === 'reject')
      transition.mutate({ version: application.version, action: s, ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}) }, done);
    else if (s === 'object') object.mutate({ objector: v.objector ?? '', content: v.content ?? '' }, done);
    else if (s === 'resolve')
      resolve.mutate({ objectionId: action.objectionId, body: { upheld: v.upheld ?? false, resolution: v.resolution ?? '' } }, done);
    else if (s === 'award' || s === 'revise')
      decide.mutate(
        { version: application.version, reason: v.reason ?? '', ...(v.amount?.trim() ? { amount: v.amount.trim() } : {}) },
        done,
      );
    else if (s === 'disburse')
      tranche.mutate({ amount: v.amount?.trim() ?? '', paidOn: v.paidOn?.format('YYYY-MM-DD') ?? '', reference: v.reference ?? '' }, done);
  };

  return (
    <Modal
      open={action !== null}
      title={step ? t(`funds.action.${step}`) : ''}
      onCancel={close}
      onOk={() => form.submit()}
      okButtonProps={{ loading: pending, ...{ 'data-testid': 'fund-action-confirm' } }}
      destroyOnHidden
    >
      <ApiErrorAlert error={error} showReason style={{ marginBottom: 16 }} />
      <Form<Values> form={form} layout="vertical" preserve={false} onFinish={send} initialValues={{ upheld: false, paidOn: dayjs() }}>
        {(step === 'submit' || step === 'approve' || step === 'return' || step === 'reject') && (
          <Form.Item
            name="comment"
            label={t('funds.fields.comment')}
            rules={step === 'return' || step === 'reject' ? [required('comment')] : []}
          >
            <Input.TextArea rows={3} data-testid="fund-action-comment" />
          </Form.Item>
        )}
        {step === 'object' && (
          <>
            <Form.Item name="objector" label={t('funds.fields.objector')} rules={[required('objector')]}>
              <Input />
            </Form.Item>
            <Form.Item name="content" label={t('funds.fields.content')} rules={[required('content')]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        )}
        {step === 'resolve' && (
          <>
            <Form.Item name="upheld" label={t('funds.fields.upheld')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="resolution" label={t('funds.fields.resolution')} rules={[required('resolution')]}>
              <Input.TextArea rows={3} data-testid="fund-action-resolution" />
            </Form.Item>
          </>
        )}
        {(step === 'award' || step === 'revise' || step === 'disburse') && (
          <Form.Item
            name="amount"
            label={t('funds.fields.amount')}
            extra={step === 'award' ? `${t('funds.fields.ceiling')}：${application.ceiling ?? '—'}` : undefined}
            rules={[...(step === 'award' ? [] : [required('amount')]), { pattern: YUAN, message: t('funds.fields.amount') }]}
          >
            <Input inputMode="decimal" data-testid="fund-action-amount" />
          </Form.Item>
        )}
        {(step === 'award' || step === 'revise') && (
          <Form.Item name="reason" label={t('funds.fields.reason')} rules={[required('reason')]}>
            <Input.TextArea rows={3} data-testid="fund-action-reason" />
          </Form.Item>
        )}
        {step === 'disburse' && (
          <>
            {/* A payment is recorded after it happened: today by default, never a future day. */}
            <Form.Item
              name="paidOn"
              label={t('funds.fields.paidOn')}
              rules={[{ required: true, message: t('funds.required', { field: t('funds.fields.paidOn') }) }]}
            >
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="fund-action-paid-on" />
            </Form.Item>
            <Form.Item name="reference" label={t('funds.fields.reference')} rules={[required('reference')]}>
              <Input data-testid="fund-action-reference" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
