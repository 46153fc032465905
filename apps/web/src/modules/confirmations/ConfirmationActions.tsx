import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import type { ConfirmationState } from '@suilian/contracts';
import { App, Button, type ButtonProps, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../session/auth';
import { ApiErrorAlert } from '../../shared/errors';
import { StatusTag } from '../../shared/StatusTag';
import { type ConfirmTarget, confirmationChoices, useMoveConfirmation } from './hooks';

/** The confirmation state as a colour tag: green confirmed, orange waiting, red returned (issue #12 item 5). */
export function ConfirmationStateTag({ state }: { state: ConfirmationState | null | undefined }) {
  const { t } = useTranslation();
  if (!state) return null;
  const tone = state === 'confirmed' ? 'done' : state === 'declared' ? 'attention' : 'failed';
  return (
    <StatusTag tone={tone} data-testid={`confirmation-${state}`}>
      {t(`confirmations.states.${state}`)}
    </StatusTag>
  );
}

/**
 * 确认 / 退回 for district and city users on a record an enterprise declared: a dialog asks for
 * what was checked (confirm) or the reason the enterprise reads (return; required), then the
 * server moves the record and tells the enterprise.
 */
export function ConfirmationActions({
  target,
  state,
  version,
  size,
  onDone,
}: {
  target: ConfirmTarget;
  state: ConfirmationState;
  version: number;
  size?: ButtonProps['size'];
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const move = useMoveConfirmation();
  const [action, setAction] = useState<'confirm' | 'return' | null>(null);
  const [form] = Form.useForm<{ comment?: string }>();
  if (!can('record:confirm')) return null;
  const choices = confirmationChoices(state);
  const close = () => {
    setAction(null);
    move.reset();
  };
  return (
    <>
      <Space size={4} onClick={(e) => e.stopPropagation()}>
        {choices.includes('confirm') && (
          <Button
            size={size}
            type="primary"
            icon={<CheckOutlined />}
            onClick={() => setAction('confirm')}
            data-testid="confirmation-confirm"
          >
            {t('confirmations.confirm')}
          </Button>
        )}
        {choices.includes('return') && (
          <Button size={size} danger icon={<RollbackOutlined />} onClick={() => setAction('return')} data-testid="confirmation-return">
            {t('confirmations.return')}
          </Button>
        )}
      </Space>
      <Modal
        open={action !== null}
        title={action === 'return' ? t('confirmations.returnTitle') : t('confirmations.confirmTitle')}
        onCancel={close}
        onOk={() => form.submit()}
        okText={action === 'return' ? t('confirmations.return') : t('confirmations.confirm')}
        okButtonProps={{ loading: move.isPending, danger: action === 'return', 'data-testid': 'confirmation-submit' } as ButtonProps}
        destroyOnHidden
        data-testid="confirmation-dialog"
      >
        {move.error && <ApiErrorAlert error={move.error} />}
        <Typography.Paragraph type="secondary">
          {action === 'return' ? t('confirmations.returnHint') : t('confirmations.confirmHint')}
        </Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(v) => {
            if (!action) return;
            move.mutate(
              { target, action, comment: (v.comment ?? '').trim(), version },
              {
                onSuccess: () => {
                  void message.success(action === 'return' ? t('confirmations.returned') : t('confirmations.confirmed'));
                  close();
                  onDone?.();
                },
              },
            );
          }}
        >
          <Form.Item
            name="comment"
            label={action === 'return' ? t('confirmations.reason') : t('confirmations.comment')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: action === 'return' ? t('confirmations.reasonRequired') : t('confirmations.commentRequired'),
              },
              { max: 1000, message: t('rules.maxLength', { field: t('confirmations.comment'), max: 1000 }) },
            ]}
          >
            <Input.TextArea rows={3} data-testid="confirmation-comment" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
