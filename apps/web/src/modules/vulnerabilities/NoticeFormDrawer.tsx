import { type Notice, type NoticeInput, VULN_GRADES } from '@suilian/contracts';
import { App, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert, applyFormErrors } from '../../shared/errors';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
import { useSaveNotice, useVulnerabilityOptions } from './hooks';
import { vulnLabel } from './labels';

interface Values extends Omit<NoticeInput, 'responseDeadline'> {
  responseDeadline: Dayjs;
}

export type NoticeFormMode = { type: 'create' } | { type: 'edit'; notice: Notice };

/** Searchable multi-select of vulnerabilities (keeps the names of those already chosen). */
function VulnPicker({ value, onChange, known }: { value?: string[]; onChange?(v: string[]): void; known: Notice['vulnerabilities'] }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const { data, isFetching } = useVulnerabilityOptions(q);
  const options = useMemo(() => {
    const all = new Map(known.map((v) => [v.id, vulnLabel(v)]));
    for (const v of data ?? []) all.set(v.id, vulnLabel(v));
    return [...all].map(([id, label]) => ({ value: id, label }));
  }, [data, known]);
  return (
    <Select
      mode="multiple"
      value={value}
      onChange={onChange}
      options={options}
      loading={isFetching}
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={t('vulnerabilities.notices.vulnPicker')}
      data-testid="notice-vulns"
    />
  );
}

/** Drafts or edits an early-warning notice; the affected enterprises follow from the matches once saved. */
export function NoticeFormDrawer({ mode, onClose, onSaved }: { mode: NoticeFormMode | null; onClose(): void; onSaved(n: Notice): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveNotice();
  const [error, setError] = useState<unknown>(null);
  const editing = mode?.type === 'edit' ? mode.notice : undefined;
  const n = (key: string) => t(`vulnerabilities.notices.${key}` as 'vulnerabilities.notices.title');

  useEffect(() => {
    if (!mode) return;
    setError(null);
    form.resetFields();
    if (editing)
      form.setFieldsValue({
        ...editing,
        vulnerabilityIds: editing.vulnerabilities.map((v) => v.id),
        responseDeadline: dayjs(editing.responseDeadline),
      });
    else form.setFieldsValue({ grade: 'high', responseDeadline: dayjs().add(7, 'day') });
  }, [mode, editing, form]);

  const submit = (v: Values) => {
    const body = { ...v, responseDeadline: v.responseDeadline.format('YYYY-MM-DD') };
    save.mutate(editing ? { id: editing.id, body: { ...body, version: editing.version } } : { body }, {
      onSuccess: (saved) => {
        void message.success(t('vulnerabilities.common.saved'));
        onSaved(saved);
      },
      onError: (e) => {
        if (!applyFormErrors(form, e, t)) setError(e);
      },
    });
  };

  return (
    <RecordDrawer
      open={mode !== null}
      onClose={onClose}
      title={editing ? n('editTitle') : n('createTitle')}
      size={720}
      testId="notice-form"
      onSubmit={() => form.submit()}
      submitting={save.isPending}
      submitTestId="notice-save"
      submitLabel={t('vulnerabilities.common.save')}
    >
      {error !== null && <ApiErrorAlert error={error} showReason style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="title" label={n('noticeTitle')} rules={[{ required: true, whitespace: true, max: 300 }]}>
          <Input data-testid="notice-title" />
        </Form.Item>
        <Form.Item name="vulnerabilityIds" label={n('vulnerabilities')} rules={[{ required: true, type: 'array', min: 1, max: 100 }]}>
          <VulnPicker known={editing?.vulnerabilities ?? []} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="grade" label={n('grade')} style={{ width: '50%' }} rules={[{ required: true }]}>
            <Select options={VULN_GRADES.map((g) => ({ value: g, label: t(`vulnerabilities.grades.${g}`) }))} data-testid="notice-grade" />
          </Form.Item>
          <Form.Item name="responseDeadline" label={n('responseDeadline')} style={{ width: '50%' }} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} data-testid="notice-deadline" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="summary" label={n('summary')} rules={[{ required: true, whitespace: true, max: 8000 }]}>
          <Input.TextArea rows={3} data-testid="notice-summary" />
        </Form.Item>
        <Form.Item name="affectedScope" label={n('affectedScope')} rules={[{ required: true, whitespace: true, max: 4000 }]}>
          <Input.TextArea rows={2} data-testid="notice-scope" />
        </Form.Item>
        <Form.Item name="mitigations" label={n('mitigations')} rules={[{ required: true, whitespace: true, max: 8000 }]}>
          <Input.TextArea rows={3} data-testid="notice-mitigations" />
        </Form.Item>
      </Form>
    </RecordDrawer>
  );
}
