import { type DelegatePrefix, type HandlePrefix, PREFIX_STATUSES, type UpdatePrefix } from '@suilian/contracts';
import { App, Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../shared/errors';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
import { OrgSelect } from '../../shared/OrgSelect';
import { useDelegatePrefix, useUpdatePrefix } from './hooks';
import { OrgMultiSelect } from './OrgMultiSelect';
import { PrefixSelect } from './PrefixSelect';

/** RFC 3650: a derived prefix adds `.` and characters other than `/` and `.`. */
const SEGMENT = /^[^/.]+$/u;

/** 分配前缀: a derived prefix (parent + '.' + segment) for an enterprise, with its administrator group. */
export function DelegatePrefixDrawer({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DelegatePrefix>();
  const delegate = useDelegatePrefix();
  const parent = Form.useWatch('parent', form);
  const segment = Form.useWatch('segment', form);
  useEffect(() => {
    if (open) {
      form.resetFields();
      delegate.reset();
    }
  }, [open, form, delegate.reset]);
  const submit = (values: DelegatePrefix) =>
    delegate.mutate(
      { ...values, segment: values.segment.trim(), adminOrgIds: values.adminOrgIds ?? [], description: values.description || null },
      {
        onSuccess: (p) => {
          void message.success(t('handles.prefix.delegated', { prefix: p.prefix }));
          onClose();
        },
        onError: (error) => applyFormErrors(form, error, t),
      },
    );
  return (
    <RecordDrawer
      open={open}
      onClose={onClose}
      title={t('handles.prefix.delegate')}
      size={560}
      testId="delegate-drawer"
      onSubmit={() => form.submit()}
      submitting={delegate.isPending}
      submitTestId="delegate-submit"
      error={delegate.error}
      showReason
    >
      <Form<DelegatePrefix> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="parent" label={t('handles.prefix.parent')} rules={[{ required: true, message: t('handles.prefix.pick') }]}>
          <PrefixSelect data-testid="delegate-parent" />
        </Form.Item>
        <Form.Item
          name="segment"
          label={t('handles.prefix.segment')}
          rules={[
            { required: true, whitespace: true, message: t('handles.prefix.segmentRequired') },
            { pattern: SEGMENT, message: t('handles.prefix.segmentRule') },
          ]}
          extra={
            parent && segment ? t('handles.prefix.preview', { prefix: `${parent}.${segment.trim()}` }) : t('handles.prefix.segmentHint')
          }
        >
          <Input placeholder="8" data-testid="delegate-segment" />
        </Form.Item>
        <Form.Item
          name="ownerOrgId"
          label={t('handles.prefix.owner')}
          rules={[{ required: true, message: t('handles.prefix.ownerRequired') }]}
        >
          <OrgSelect kinds={['enterprise', 'provider']} data-testid="delegate-owner" />
        </Form.Item>
        <Form.Item name="adminOrgIds" label={t('handles.prefix.adminGroup')} extra={t('handles.prefix.adminGroupHint')}>
          <OrgMultiSelect kinds={['enterprise', 'provider']} data-testid="delegate-admins" />
        </Form.Item>
        <Form.Item name="description" label={t('handles.prefix.description')}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </RecordDrawer>
  );
}

/** A prefix's administrator group, status and description. */
export function EditPrefixDrawer({ prefix, onClose }: { prefix: HandlePrefix | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UpdatePrefix>();
  const update = useUpdatePrefix();
  useEffect(() => {
    if (!prefix) return;
    update.reset();
    form.setFieldsValue({
      adminOrgIds: prefix.adminOrgIds,
      status: prefix.status,
      description: prefix.description,
      version: prefix.version,
    });
  }, [prefix, form, update.reset]);
  const submit = (values: UpdatePrefix) =>
    prefix &&
    update.mutate(
      { prefix: prefix.prefix, body: { ...values, description: values.description || null, version: prefix.version } },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (error) => applyFormErrors(form, error, t),
      },
    );
  const knownNames = Object.fromEntries((prefix?.adminOrgIds ?? []).map((id, i) => [id, prefix?.adminOrgNames[i] ?? id]));
  return (
    <RecordDrawer
      open={prefix !== null}
      onClose={onClose}
      title={prefix?.prefix}
      size={560}
      onSubmit={() => form.submit()}
      submitting={update.isPending}
      submitTestId="prefix-edit-submit"
      error={update.error}
      showReason
    >
      <Form<UpdatePrefix> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="adminOrgIds" label={t('handles.prefix.adminGroup')} extra={t('handles.prefix.adminGroupHint')}>
          <OrgMultiSelect kinds={['enterprise', 'provider', 'city']} knownNames={knownNames} />
        </Form.Item>
        <Form.Item name="status" label={t('handles.prefix.status')}>
          <Select options={PREFIX_STATUSES.map((s) => ({ value: s, label: t(`handles.prefix.statuses.${s}`) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('handles.prefix.description')}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </RecordDrawer>
  );
}
