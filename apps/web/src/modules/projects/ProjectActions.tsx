import { type Project, type ProjectAction, projectTransitionNeeds } from '@suilian/contracts';
import type { ButtonProps } from 'antd';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import type { Messages } from '../../i18n/zh-CN';
import { ApiErrorAlert, errorText } from '../../shared/errors';
import { DATE_FORMAT } from '../../shared/format';
import { useTransitionProject } from './hooks';

type Refusal = keyof Messages['projects']['refused'];
const REFUSALS: readonly Refusal[] = ['illegal', 'role', 'comment', 'scenarios', 'date', 'acceptanceReport'];

/** The localised rule a refused transition broke (`details.rule`), else the message for the error code. */
export function refusalTitle(t: TFunction, error: unknown): string {
  const rule = error instanceof ApiError ? (error.details as { rule?: unknown } | undefined)?.rule : undefined;
  return REFUSALS.includes(rule as Refusal) ? t(`projects.refused.${rule as Refusal}`) : errorText(t, error);
}

const BUTTON_PROPS: Record<ProjectAction, ButtonProps> = {
  submit: { type: 'primary' },
  forward: { type: 'primary' },
  approve: { type: 'primary' },
  start_construction: { type: 'primary' },
  complete: { type: 'primary' },
  accept: { type: 'primary' },
  return: {},
  reject: { danger: true },
  cancel: { danger: true },
};

/** Display order: the forward path first, then the way back, cancelling last. */
const ORDER: ProjectAction[] = ['submit', 'forward', 'approve', 'start_construction', 'complete', 'accept', 'return', 'reject', 'cancel'];

interface Values {
  comment?: string;
  date?: Dayjs | null;
}

/** The buttons the project's `allowedActions` allows, each confirming in a dialog (comment and date where needed). */
export function ProjectActions({ project }: { project: Project }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [action, setAction] = useState<ProjectAction | null>(null);
  const transition = useTransitionProject();
  const actions = ORDER.filter((a) => project.allowedActions.includes(a));
  const needs = action ? projectTransitionNeeds(action, project.state) : null;
  const hasReport = project.attachments.some((a) => a.kind === 'acceptance_report');
  const label = action ? t(`projectActions.${action}`) : '';

  const close = () => {
    transition.reset();
    setAction(null);
  };

  const submit = (v: Values) => {
    if (!action) return;
    transition.mutate(
      {
        id: project.id,
        body: {
          version: project.version,
          action,
          comment: v.comment?.trim() || undefined,
          date: v.date ? v.date.format(DATE_FORMAT) : undefined,
        },
      },
      {
        onSuccess: () => {
          void message.success(t('projects.actionDone', { action: label }));
          close();
        },
      },
    );
  };

  return (
    <>
      {actions.length > 0 && (
        <Space wrap data-testid="project-actions">
          {actions.map((a) => (
            <Button key={a} {...BUTTON_PROPS[a]} onClick={() => setAction(a)} data-testid={`project-action-${a}`}>
              {t(`projectActions.${a}`)}
            </Button>
          ))}
        </Space>
      )}
      <Modal
        open={action !== null}
        title={t('projects.confirmAction', { action: label })}
        onCancel={close}
        onOk={() => form.submit()}
        okText={label}
        okButtonProps={
          {
            loading: transition.isPending,
            danger: action === 'reject' || action === 'cancel',
            'data-testid': 'project-action-confirm',
          } as ButtonProps
        }
        destroyOnHidden
        data-testid="project-action-modal"
      >
        {transition.error !== null && (
          <ApiErrorAlert error={transition.error} title={refusalTitle(t, transition.error)} showReason style={{ marginBottom: 16 }} />
        )}
        {action === 'accept' && (
          <Alert
            type={hasReport ? 'info' : 'warning'}
            showIcon
            title={hasReport ? t('projects.acceptReady') : t('projects.acceptMissing')}
            style={{ marginBottom: 16 }}
          />
        )}
        {needs && (
          <Form<Values>
            form={form}
            layout="vertical"
            onFinish={submit}
            preserve={false}
            initialValues={{ date: needs.date ? dayjs() : null }}
          >
            {needs.date && (
              <Form.Item
                name="date"
                label={action === 'complete' ? t('projects.completeDate') : t('projects.startDate')}
                rules={[{ required: true, message: t('projects.dateRequired') }]}
              >
                <DatePicker style={{ width: '100%' }} data-testid="project-action-date" />
              </Form.Item>
            )}
            <Form.Item
              name="comment"
              label={t('fields.comment')}
              rules={[
                ...(needs.comment === 'required'
                  ? [{ required: true, whitespace: true, message: t('projects.commentRequired', { action: label }) }]
                  : []),
                { max: 2000, message: t('rules.maxLength', { field: t('fields.comment'), max: 2000 }) },
              ]}
            >
              <Input.TextArea rows={4} placeholder={t('projects.commentPlaceholder')} data-testid="project-action-comment" />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </>
  );
}
