import { ASSET_CRITICALITIES, type Asset, type AssetInput, NETWORK_ZONES } from '@suilian/contracts';
import { App, Form, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../session/auth';
import { ApiErrorAlert, applyFormErrors } from '../../shared/errors';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
import { OrgSelect } from '../../shared/OrgSelect';
import { useSaveAsset } from './hooks';

export type AssetFormMode = { type: 'create' } | { type: 'edit'; asset: Asset };

const TEXT_FIELDS = [
  ['name', 200],
  ['vendor', 200],
  ['product', 300],
  ['model', 100],
  ['firmwareVersion', 100],
  ['serial', 100],
  ['host', 255],
  ['site', 200],
  ['owner', 100],
] as const;
const REQUIRED = new Set(['vendor', 'product']);

/** Creates or edits an asset; the server re-matches it against the database on save. */
export function AssetFormDrawer({ mode, onClose }: { mode: AssetFormMode | null; onClose(): void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<AssetInput>();
  const save = useSaveAsset();
  const [error, setError] = useState<unknown>(null);
  const editing = mode?.type === 'edit' ? mode.asset : undefined;
  const a = (key: string) => t(`vulnerabilities.assets.${key}` as 'vulnerabilities.assets.title');

  useEffect(() => {
    if (!mode) return;
    setError(null);
    form.resetFields();
    if (editing) form.setFieldsValue(editing as unknown as AssetInput);
    else form.setFieldsValue({ zone: 'OT', criticality: 'medium' });
  }, [mode, editing, form]);

  const submit = (v: AssetInput) => {
    // Blank optional fields are sent as null so an edit can clear them.
    const body = Object.fromEntries(
      Object.entries(v).map(([k, x]) => [k, typeof x === 'string' && x.trim() === '' ? null : x]),
    ) as AssetInput;
    save.mutate(editing ? { id: editing.id, body: { ...body, enterpriseId: undefined, version: editing.version } as never } : { body }, {
      onSuccess: () => {
        void message.success(a('saved'));
        onClose();
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
      title={editing ? `${a('editTitle')} · ${editing.product}` : a('createTitle')}
      size={560}
      testId="asset-drawer"
      onSubmit={() => form.submit()}
      submitting={save.isPending}
      submitTestId="asset-submit"
      submitLabel={t('vulnerabilities.common.save')}
    >
      {error !== null && <ApiErrorAlert error={error} showReason style={{ marginBottom: 12 }} />}
      <Form<AssetInput> form={form} layout="vertical" onFinish={submit}>
        {!editing && me.orgKind !== 'enterprise' && (
          <Form.Item name="enterpriseId" label={t('vulnerabilities.common.enterprise')} rules={[{ required: true }]}>
            <OrgSelect kinds={['enterprise']} data-testid="asset-enterprise" />
          </Form.Item>
        )}
        {TEXT_FIELDS.map(([name, max]) => (
          <Form.Item key={name} name={name} label={a(name)} rules={[{ required: REQUIRED.has(name), whitespace: true, max }]}>
            <Input data-testid={`asset-${name}`} />
          </Form.Item>
        ))}
        <Space.Compact block>
          <Form.Item name="zone" label={a('zone')} style={{ width: '50%' }} rules={[{ required: true }]}>
            <Select options={NETWORK_ZONES.map((z) => ({ value: z, label: t(`vulnerabilities.zones.${z}`) }))} data-testid="asset-zone" />
          </Form.Item>
          <Form.Item name="criticality" label={a('criticality')} style={{ width: '50%' }} rules={[{ required: true }]}>
            <Select
              options={ASSET_CRITICALITIES.map((c) => ({ value: c, label: t(`vulnerabilities.criticality.${c}`) }))}
              data-testid="asset-criticality"
            />
          </Form.Item>
        </Space.Compact>
      </Form>
    </RecordDrawer>
  );
}
