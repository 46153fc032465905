import type { Application, Round } from '@suilian/contracts';
import { Alert, App, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../session/auth';
import { type AttachedFile, AttachmentsInput } from '../../shared/AttachmentsInput';
import { applyFormErrors } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
import { useApply, useOwnSubjects } from './hooks';
import { SelectionErrorAlert } from './SelectionErrorAlert';

interface Values {
  subjectId?: string;
  narrative?: string;
  attachments?: AttachedFile[];
}

interface Props {
  round: Round | null;
  /** Subjects this enterprise already applied with in the round. */
  applied: string[];
  onClose(): void;
  onApplied(application: Application): void;
}

/** 申报: an enterprise applies with one of its own factories or projects, a narrative and attachments. */
export function ApplyDrawer({ round, applied, onClose, onApplied }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const apply = useApply();
  const subjects = useOwnSubjects(round?.subjectType ?? 'factory', me.orgId, round !== null);
  const subjectLabel = round ? t(`selectionSubjects.${round.subjectType}`) : '';
  const options = (subjects.data ?? []).map((s) => ({
    value: s.id,
    label: applied.includes(s.id) ? `${s.name}（${t('selections.alreadyApplied')}）` : s.name,
    disabled: applied.includes(s.id),
  }));

  const close = () => {
    apply.reset();
    onClose();
  };

  const submit = (v: Values) => {
    if (!round || !v.subjectId) return;
    apply.mutate(
      {
        roundId: round.id,
        body: {
          subjectId: v.subjectId,
          narrative: (v.narrative ?? '').trim(),
          attachments: (v.attachments ?? []).map((f) => f.fileId),
        },
      },
      {
        onSuccess: (created) => {
          void message.success(t('selections.applied'));
          apply.reset();
          onApplied(created);
        },
        onError: (error) => applyFormErrors(form, error, t),
      },
    );
  };

  return (
    <RecordDrawer
      open={round !== null}
      onClose={close}
      title={round ? t('selections.applyTitle', { title: round.title }) : ''}
      size={640}
      testId="apply-drawer"
      onSubmit={() => form.submit()}
      submitting={apply.isPending}
      submitTestId="apply-submit"
      submitLabel={t('selections.applySubmit')}
    >
      {apply.error && <SelectionErrorAlert error={apply.error} round={round ?? undefined} style={{ marginBottom: 16 }} />}
      {round && (
        <Alert
          type="info"
          showIcon
          title={t('selections.applyHint', { deadline: formatDateTime(round.deadline), enterprise: me.orgName })}
          style={{ marginBottom: 16 }}
        />
      )}
      {round && subjects.isSuccess && subjects.data.length === 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <span>
              {t('selections.noSubjects', { subject: subjectLabel })}{' '}
              <Link to={round.subjectType === 'factory' ? '/programme/factories' : '/programme/projects'}>
                {round.subjectType === 'factory' ? t('menu.factories') : t('menu.projects')}
              </Link>
            </span>
          }
        />
      )}
      {round && (
        <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={{ attachments: [] }}>
          <Form.Item
            name="subjectId"
            label={t('selections.subjectPick', { subject: subjectLabel })}
            rules={[{ required: true, message: t('rules.requiredSelect', { field: subjectLabel }) }]}
          >
            <Select
              options={options}
              loading={subjects.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('selections.subjectPlaceholder', { subject: subjectLabel })}
              data-testid="apply-subject"
            />
          </Form.Item>
          <Form.Item
            name="narrative"
            label={t('selections.narrative')}
            rules={[
              { required: true, whitespace: true, message: t('rules.required', { field: t('selections.narrative') }) },
              { max: 20000, message: t('rules.maxLength', { field: t('selections.narrative'), max: 20000 }) },
            ]}
          >
            <Input.TextArea rows={8} placeholder={t('selections.narrativePlaceholder')} showCount data-testid="apply-narrative" />
          </Form.Item>
          <Form.Item name="attachments" label={t('fields.attachments')}>
            <AttachmentsInput uploadTestId="apply-upload" />
          </Form.Item>
        </Form>
      )}
    </RecordDrawer>
  );
}
