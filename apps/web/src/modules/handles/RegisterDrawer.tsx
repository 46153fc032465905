import type { CreateHandleRecord, HandleRecordDetail } from '@suilian/contracts';
import { Alert, Divider, Form, Input, Select, Switch } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
import { applyHandleIssues } from './formIssues';
import { useCreateRecord, useTemplates } from './hooks';
import { attributesForSubmit } from './logic';
import { PrefixSelect } from './PrefixSelect';
import { TemplateFields } from './TemplateFields';

interface FormValues {
  prefix?: string;
  mintNewSuffix: boolean;
  suffix?: string;
  industryCode?: string;
  url?: string;
  attributes?: Record<string, unknown>;
}

/** 注册标识: a prefix, a suffix (or one minted by the server), and the fields of the chosen template. */
export function RegisterDrawer({
  open,
  initialPrefix,
  onClose,
  onCreated,
}: {
  open: boolean;
  initialPrefix?: string;
  onClose(): void;
  onCreated(record: HandleRecordDetail): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateRecord();
  const prefix = Form.useWatch('prefix', form);
  const mint = Form.useWatch('mintNewSuffix', form);
  const industryCode = Form.useWatch('industryCode', form);
  const templates = useTemplates(prefix);
  const suffix = Form.useWatch('suffix', form);
  const current = useMemo(() => (templates.data ?? []).filter((tpl) => tpl.current), [templates.data]);
  const template = current.find((tpl) => tpl.industryCode === industryCode);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ prefix: initialPrefix, mintNewSuffix: false });
    create.reset();
  }, [open, initialPrefix, form, create.reset]);

  // One template for the prefix: take it, as most enterprises keep one per product line.
  useEffect(() => {
    const only = current.length === 1 ? current[0] : undefined;
    if (only && !form.getFieldValue('industryCode')) form.setFieldValue('industryCode', only.industryCode);
  }, [current, form]);

  const submit = (values: FormValues) => {
    const body: CreateHandleRecord = {
      ...(values.mintNewSuffix ? { mintNewSuffix: true, prefix: values.prefix } : { handle: `${values.prefix}/${values.suffix?.trim()}` }),
      industryCode: values.industryCode,
      url: values.url?.trim() || undefined,
      attributes: template ? attributesForSubmit(template.items, values.attributes) : undefined,
    };
    create.mutate(body, {
      onSuccess: (record) => onCreated(record),
      onError: (error) => applyHandleIssues(form, error, t),
    });
  };

  return (
    <RecordDrawer
      open={open}
      onClose={onClose}
      title={t('handles.record.register')}
      size={640}
      testId="register-drawer"
      onSubmit={() => form.submit()}
      submitting={create.isPending}
      submitTestId="register-submit"
      submitLabel={t('handles.record.registerSubmit')}
      error={create.error}
      showReason
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} data-testid="register-form">
        <Form.Item name="prefix" label={t('handles.prefix.prefix')} rules={[{ required: true, message: t('handles.prefix.pick') }]}>
          <PrefixSelect delegatedOnly={false} data-testid="register-prefix" />
        </Form.Item>
        <Form.Item
          name="mintNewSuffix"
          label={t('handles.record.mintNewSuffix')}
          valuePropName="checked"
          extra={t('handles.record.mintHint')}
        >
          <Switch data-testid="register-mint" />
        </Form.Item>
        {!mint && (
          <Form.Item
            name="suffix"
            label={t('handles.record.suffix')}
            rules={[
              { required: true, whitespace: true, message: t('handles.record.suffixRequired') },
              { max: 255, message: t('handles.template.rule.maxLength', { n: 255 }) },
            ]}
            extra={prefix ? t('handles.record.handlePreview', { handle: `${prefix}/${suffix ?? ''}` }) : undefined}
          >
            <Input placeholder="JXDY2106023" data-testid="register-suffix" />
          </Form.Item>
        )}
        <Form.Item name="industryCode" label={t('handles.template.template')}>
          <Select
            allowClear
            disabled={!prefix}
            loading={templates.isFetching}
            placeholder={t('handles.record.noTemplate')}
            options={current.map((tpl) => ({ value: tpl.industryCode, label: `${tpl.industryCode} · ${tpl.name} (v${tpl.version})` }))}
            data-testid="register-template"
          />
        </Form.Item>
        {prefix && !templates.isPending && current.length === 0 && (
          <Alert type="info" showIcon title={t('handles.record.noTemplates')} style={{ marginBottom: 16 }} />
        )}
        <Form.Item
          name="url"
          label={t('handles.record.url')}
          rules={[{ type: 'url', message: t('handles.template.rule.url') }]}
          extra={t('handles.record.urlHint')}
        >
          <Input placeholder="https://" data-testid="register-url" />
        </Form.Item>
        {template && (
          <>
            <Divider titlePlacement="start">{t('handles.record.attributes', { name: template.name, version: template.version })}</Divider>
            <TemplateFields items={template.items} />
          </>
        )}
      </Form>
    </RecordDrawer>
  );
}
