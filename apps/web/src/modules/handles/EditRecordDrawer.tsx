import type { HandleRecordDetail } from '@suilian/contracts';
import { App, Divider, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
import { applyHandleIssues } from './formIssues';
import { useTemplates, useUpdateRecord } from './hooks';
import { attributesForForm, attributesForSubmit, isRawValue } from './logic';
import { TemplateFields } from './TemplateFields';
import { ValuesEditor } from './ValuesEditor';
import { inputOf, rowOf, type ValueRow } from './valueRows';

interface FormValues {
  url?: string;
  attributes?: Record<string, unknown>;
  values: ValueRow[];
}

/** Edit a record: its template attributes, URL, and the raw values with index, type, data, TTL and permissions. */
export function EditRecordDrawer({ record, onClose }: { record: HandleRecordDetail | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const update = useUpdateRecord();
  const templates = useTemplates(record?.prefix);
  const template = (templates.data ?? []).find(
    (tpl) => tpl.industryCode === record?.industryCode && tpl.version === record?.templateVersion,
  );

  useEffect(() => {
    if (!record) return;
    update.reset();
    form.setFieldsValue({
      url: record.url ?? undefined,
      values: record.values.filter((v) => isRawValue(v.index) && v.index !== 1).map(rowOf),
    });
  }, [record, form, update.reset]);

  useEffect(() => {
    if (record && template) form.setFieldsValue({ attributes: attributesForForm(template.items, record.attributes, (iso) => dayjs(iso)) });
  }, [record, template, form]);

  const submit = (values: FormValues) => {
    if (!record) return;
    let raw: ReturnType<typeof inputOf>[];
    try {
      raw = (values.values ?? []).map(inputOf);
    } catch {
      void message.error(t('handles.value.badAdmin'));
      return;
    }
    update.mutate(
      {
        handle: record.handle,
        body: {
          version: record.version,
          industryCode: record.industryCode ?? undefined,
          templateVersion: record.templateVersion ?? undefined,
          url: values.url?.trim() || undefined,
          attributes: template ? attributesForSubmit(template.items, values.attributes) : undefined,
          values: raw,
        },
      },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (error) => applyHandleIssues(form, error, t),
      },
    );
  };

  return (
    <RecordDrawer
      open={record !== null}
      onClose={onClose}
      title={t('handles.record.editTitle', { handle: record?.handle ?? '' })}
      size={1100}
      testId="edit-record-drawer"
      onSubmit={() => form.submit()}
      submitting={update.isPending}
      submitTestId="edit-record-submit"
      error={update.error}
      showReason
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="url" label={t('handles.record.url')} rules={[{ type: 'url', message: t('handles.template.rule.url') }]}>
          <Input placeholder="https://" />
        </Form.Item>
        {template && (
          <>
            <Divider titlePlacement="start">{t('handles.record.attributes', { name: template.name, version: template.version })}</Divider>
            <TemplateFields items={template.items} />
          </>
        )}
        <Divider titlePlacement="start">{t('handles.record.rawValues')}</Divider>
        <ValuesEditor />
      </Form>
    </RecordDrawer>
  );
}
