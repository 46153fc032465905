import { nextAction, type Round } from '@suilian/contracts';
import { Alert, App, Button, type ButtonProps, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { DATE_FORMAT } from '../../shared/format';
import { useTransitionRound } from './hooks';
import { SelectionErrorAlert } from './SelectionErrorAlert';

/** The organiser's next step for the round (发布征集 → … → 正式发布), confirmed in a dialog. */
export function RoundNextAction({ round }: { round: Round }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ publicityEnd?: Dayjs | null; overrideReason?: string }>();
  const [open, setOpen] = useState(false);
  const transition = useTransitionRound();
  const action = nextAction(round.stage);
  if (!action) return null;
  const label = t(`roundActions.${action}`);
  // Closing the review with assigned scores missing: the server refused; the organiser may override with a reason.
  const details = transition.error instanceof ApiError ? (transition.error.details as Record<string, unknown> | undefined) : undefined;
  const missing = details?.rule === 'scores_missing' ? details : null;

  const close = () => {
    transition.reset();
    setOpen(false);
  };

  const submit = (v: { publicityEnd?: Dayjs | null; overrideReason?: string }) =>
    transition.mutate(
      {
        id: round.id,
        body: {
          version: round.version,
          action,
          publicityEnd: v.publicityEnd ? v.publicityEnd.format(DATE_FORMAT) : undefined,
          overrideReason: v.overrideReason?.trim() || undefined,
        },
      },
      {
        onSuccess: () => {
          void message.success(t('selections.actionDone', { action: label }));
          close();
        },
      },
    );

  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid={`round-action-${action}`}>
        {label}
      </Button>
      <Modal
        open={open}
        title={t('selections.confirmAction', { action: label })}
        onCancel={close}
        onOk={() => form.submit()}
        okText={missing ? t('selectionRules.review.overrideConfirm') : label}
        okButtonProps={{ loading: transition.isPending, 'data-testid': 'round-action-confirm' } as ButtonProps}
        destroyOnHidden
        data-testid="round-action-modal"
      >
        {transition.error !== null && !missing && (
          <SelectionErrorAlert error={transition.error} round={round} style={{ marginBottom: 16 }} />
        )}
        {missing && (
          <Alert
            type="warning"
            showIcon
            title={t('selectionRules.review.overrideTitle')}
            description={t('selectionRules.review.overrideHint', { missing: missing.missing, applications: missing.applications })}
            style={{ marginBottom: 16 }}
            data-testid="close-override"
          />
        )}
        {action === 'publish' && round.publicityEnd && round.publicityEnd >= dayjs().format(DATE_FORMAT) && (
          <Alert
            type="warning"
            showIcon
            title={t('selections.publicityRunning', { date: round.publicityEnd })}
            style={{ marginBottom: 16 }}
            data-testid="publicity-running"
          />
        )}
        <Alert
          type="info"
          showIcon
          title={t(`selections.actionHints.${action}`, { aggregation: t(`aggregations.${round.aggregation}`), quota: round.quota })}
          style={{ marginBottom: 16 }}
        />
        <Form form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={{ publicityEnd: dayjs().add(7, 'day') }}>
          {missing && (
            <Form.Item
              name="overrideReason"
              label={t('selectionRules.review.reason')}
              rules={[
                { required: true, whitespace: true, message: t('selectionRules.review.reasonRequired') },
                { max: 2000, message: t('rules.maxLength', { field: t('selectionRules.review.reason'), max: 2000 }) },
              ]}
            >
              <Input.TextArea rows={3} data-testid="close-override-reason" />
            </Form.Item>
          )}
          {action === 'start_publicity' && (
            <Form.Item
              name="publicityEnd"
              label={t('selections.publicityEnd')}
              rules={[{ required: true, message: t('rules.requiredSelect', { field: t('selections.publicityEnd') }) }]}
            >
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => !d.isAfter(dayjs(), 'day')} data-testid="round-publicity-end" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
