import type { Network, NetworkAction } from '@suilian/contracts';
import { App, Button, DatePicker, Form, Input, Modal, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../shared/errors';
import { DATE_FORMAT } from '../../shared/format';
import { useConfirmNetwork, useTransitionNetwork } from './hooks';

type Pending = { kind: 'step'; action: NetworkAction } | { kind: 'confirmation'; action: 'confirm' | 'return' } | null;

/** The buttons the server allows (allowedActions): lifecycle steps for the operator, confirm / return for the district. */
export function NetworkActions({ network, onEdit }: { network: Network; onEdit(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [pending, setPending] = useState<Pending>(null);
  const [form] = Form.useForm<{ date?: Dayjs; comment?: string }>();
  const transition = useTransitionNetwork();
  const confirmation = useConfirmNetwork();
  const busy = transition.isPending || confirmation.isPending;
  const close = () => {
    setPending(null);
    transition.reset();
    confirmation.reset();
  };
  const submit = (v: { date?: Dayjs; comment?: string }) => {
    if (!pending) return;
    if (pending.kind === 'step') {
      transition.mutate(
        {
          id: network.id,
          body: { action: pending.action, version: network.version, date: v.date ? v.date.format(DATE_FORMAT) : undefined },
        },
        {
          onSuccess: () => {
            void message.success(t('networks.actionDone', { action: t(`networks.actions.${pending.action}`) }));
            close();
          },
        },
      );
      return;
    }
    confirmation.mutate(
      { id: network.id, action: pending.action, body: { comment: (v.comment ?? '').trim(), version: network.version } },
      {
        onSuccess: () => {
          void message.success(t(pending.action === 'confirm' ? 'networks.confirmed' : 'networks.returned'));
          close();
        },
      },
    );
  };
  const steps = network.allowedActions.filter((a): a is NetworkAction => a === 'start_building' || a === 'go_live' || a === 'retire');
  return (
    <Space wrap>
      {steps.map((action) => (
        <Button
          key={action}
          onClick={() => setPending({ kind: 'step', action })}
          danger={action === 'retire'}
          data-testid={`network-action-${action}`}
        >
          {t(`networks.actions.${action}`)}
        </Button>
      ))}
      {network.allowedActions.includes('edit') && (
        <Button onClick={onEdit} data-testid="network-edit">
          {t('networks.actions.edit')}
        </Button>
      )}
      {network.allowedActions.includes('return') && (
        <Button danger onClick={() => setPending({ kind: 'confirmation', action: 'return' })} data-testid="network-return">
          {t('networks.actions.return')}
        </Button>
      )}
      {network.allowedActions.includes('confirm') && (
        <Button type="primary" onClick={() => setPending({ kind: 'confirmation', action: 'confirm' })} data-testid="network-confirm">
          {t('networks.actions.confirm')}
        </Button>
      )}
      <Modal
        open={pending !== null}
        title={
          pending?.kind === 'confirmation'
            ? t(pending.action === 'confirm' ? 'networks.confirmTitle' : 'networks.returnTitle')
            : pending
              ? t('networks.actionConfirm', { name: network.name, action: t(`networks.actions.${pending.action}`) })
              : ''
        }
        onCancel={close}
        onOk={() => form.submit()}
        confirmLoading={busy}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'network-action-ok' } as Record<`data-${string}`, string>}
      >
        {(transition.error || confirmation.error) && (
          <ApiErrorAlert error={transition.error ?? confirmation.error} showReason style={{ marginBottom: 12 }} />
        )}
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          {pending?.kind === 'step' && pending.action !== 'start_building' && (
            <Form.Item name="date" label={t('networks.actionDate')} initialValue={dayjs()}>
              <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          )}
          {pending?.kind === 'confirmation' && (
            <Form.Item
              name="comment"
              label={t(pending.action === 'confirm' ? 'networks.confirmComment' : 'networks.returnComment')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('rules.required', {
                    field: t(pending.action === 'confirm' ? 'networks.confirmComment' : 'networks.returnComment'),
                  }),
                },
                { max: 1000 },
              ]}
            >
              <Input.TextArea rows={3} data-testid="network-confirm-comment" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
