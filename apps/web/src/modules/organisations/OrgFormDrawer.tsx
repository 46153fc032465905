import {
  type CreateOrganisation,
  ORG_KINDS_WRITABLE_BY_SCOPE,
  type Organisation,
  type OrgKind,
  PROVIDER_TYPES,
  type ProviderType,
  ROLE_DEFINITIONS,
} from '@suilian/contracts';
import { Alert, App, Form, Input, Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { useAuth, useMe } from '../../session/auth';
import { ApiErrorAlert, applyFormErrors } from '../../shared/errors';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
import { nullIfBlank, undefinedIfBlank, useRules } from '../../shared/rules';
import { useCreateOrg, useDistricts, useUpdateOrg } from './hooks';

type CreatableKind = CreateOrganisation['kind'];

interface Values {
  kind: CreatableKind;
  name: string;
  nameEn?: string | null;
  districtId?: string;
  divisionCode?: string;
  creditCode?: string | null;
  providerType?: ProviderType | null;
  address?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
}

export type OrgFormMode = { type: 'create'; parent?: Organisation } | { type: 'edit'; org: Organisation };

/** Kinds the current user may create or edit (by role scope), empty without org:write. */
export function useWritableKinds(): readonly OrgKind[] {
  const me = useMe();
  const { can } = useAuth();
  return can('org:write') ? ORG_KINDS_WRITABLE_BY_SCOPE[ROLE_DEFINITIONS[me.role].scope] : [];
}

function valuesOf(org: Organisation): Partial<Values> {
  return {
    name: org.name,
    nameEn: org.nameEn,
    creditCode: org.creditCode,
    providerType: org.providerType,
    address: org.address,
    contactName: org.contactName,
    contactPhone: org.contactPhone,
  };
}

/** The district a new organisation under `parent` most likely belongs to. */
function districtOf(parent: Organisation | undefined, fallback: string | null): string | undefined {
  if (parent?.kind === 'district') return parent.id;
  return parent?.districtId ?? fallback ?? undefined;
}

interface Props {
  mode: OrgFormMode | null;
  onClose(): void;
  onSaved(org: Organisation): void;
}

/** Create or edit an organisation; edits send the version and survive a STALE_VERSION by reloading. */
export function OrgFormDrawer({ mode, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const rules = useRules();
  const [form] = Form.useForm<Values>();
  const writable = useWritableKinds().filter((k): k is CreatableKind => k !== 'city');
  const districts = useDistricts();
  const create = useCreateOrg();
  const update = useUpdateOrg();
  /** The version a save was rejected for (STALE_VERSION); null when not stale. */
  const [staleFrom, setStaleFrom] = useState<number | null>(null);
  const stale = staleFrom !== null;
  const editing = mode?.type === 'edit' ? mode.org : undefined;
  const latest = useRef(editing);
  latest.current = editing;
  const version = editing?.version;
  const watchedKind = Form.useWatch('kind', form);
  const kind: OrgKind | undefined = editing ? editing.kind : watchedKind;
  const districtScoped = ROLE_DEFINITIONS[me.role].scope === 'district';

  // The reload after STALE_VERSION brings a newer version: show its values once.
  useEffect(() => {
    const org = latest.current;
    if (org && staleFrom !== null && version !== staleFrom) form.setFieldsValue(valuesOf(org));
  }, [version, staleFrom, form]);

  const close = () => {
    setStaleFrom(null);
    create.reset();
    update.reset();
    onClose();
  };

  const initialValues = (): Partial<Values> => {
    if (editing) return valuesOf(editing);
    const parent = mode?.type === 'create' ? mode.parent : undefined;
    const underDistrict = parent && parent.kind !== 'city' && parent.kind !== 'expert_pool' && parent.kind !== 'bank';
    const preferred: CreatableKind | undefined = underDistrict && writable.includes('enterprise') ? 'enterprise' : writable[0];
    return { kind: preferred, districtId: districtOf(parent, me.districtId), providerType: 'service_provider' };
  };

  const submit = (v: Values) => {
    setStaleFrom(null);
    const common = {
      name: v.name.trim(),
      nameEn: nullIfBlank(v.nameEn),
      address: nullIfBlank(v.address),
      contactName: nullIfBlank(v.contactName),
      contactPhone: nullIfBlank(v.contactPhone),
    };
    const hasCredit = kind === 'enterprise' || kind === 'provider';
    const onError = (error: Error) => {
      if (error instanceof ApiError && error.code === 'STALE_VERSION') setStaleFrom(editing?.version ?? -1);
      else applyFormErrors(form, error, t);
    };
    if (editing) {
      const body = {
        ...common,
        version: editing.version,
        creditCode: hasCredit ? undefinedIfBlank(v.creditCode) : undefined,
        providerType: kind === 'provider' ? (v.providerType ?? undefined) : undefined,
      };
      update.mutate(
        { id: editing.id, body },
        {
          onSuccess: (org) => {
            void message.success(t('common.saved'));
            setStaleFrom(null);
            onSaved(org);
          },
          onError,
        },
      );
      return;
    }
    const body: CreateOrganisation = {
      ...common,
      kind: v.kind,
      districtId: hasCredit ? v.districtId : undefined,
      divisionCode: v.kind === 'district' ? v.divisionCode : undefined,
      creditCode: hasCredit ? undefinedIfBlank(v.creditCode) : undefined,
      providerType: v.kind === 'provider' ? (v.providerType ?? undefined) : undefined,
    };
    create.mutate(body, {
      onSuccess: (org) => {
        void message.success(t('orgs.created', { name: org.name }));
        onSaved(org);
      },
      onError,
    });
  };

  const pending = create.isPending || update.isPending;
  const error = editing ? update.error : create.error;
  return (
    <RecordDrawer
      open={mode !== null}
      onClose={close}
      title={editing ? `${t('orgs.editTitle')} · ${editing.name}` : t('orgs.createTitle')}
      size={520}
      testId="org-form-drawer"
      onSubmit={() => form.submit()}
      submitting={pending}
      submitTestId="org-form-submit"
    >
      {stale ? (
        <Alert type="warning" showIcon title={t('orgs.staleReloaded')} style={{ marginBottom: 16 }} data-testid="org-stale" />
      ) : (
        error && <ApiErrorAlert error={error} style={{ marginBottom: 16 }} />
      )}
      {mode && (
        <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={initialValues()}>
          {!editing && (
            <Form.Item name="kind" label={t('fields.kind')} rules={[rules.requiredSelect('kind')]}>
              <Select options={writable.map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))} data-testid="org-kind" />
            </Form.Item>
          )}
          <Form.Item name="name" label={t('fields.name')} rules={[rules.required('name'), rules.max('name', 128)]}>
            <Input data-testid="org-name" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('fields.nameEn')} rules={[rules.max('nameEn', 128)]}>
            <Input />
          </Form.Item>
          {!editing && kind === 'district' && (
            <Form.Item name="divisionCode" label={t('fields.divisionCode')} rules={[rules.required('divisionCode'), rules.divisionCode]}>
              <Input placeholder="4401xx" maxLength={6} data-testid="org-divisionCode" />
            </Form.Item>
          )}
          {!editing && (kind === 'enterprise' || kind === 'provider') && (
            <Form.Item name="districtId" label={t('fields.districtId')} rules={[rules.requiredSelect('districtId')]}>
              <Select
                options={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
                loading={districts.isPending}
                disabled={districtScoped}
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="org-district"
              />
            </Form.Item>
          )}
          {(kind === 'enterprise' || kind === 'provider') && (
            <Form.Item
              name="creditCode"
              label={t('fields.creditCode')}
              normalize={(value: string | undefined) => value?.toUpperCase()}
              rules={editing ? [rules.creditCode] : [rules.required('creditCode'), rules.creditCode]}
            >
              <Input maxLength={18} style={{ fontFamily: 'monospace' }} data-testid="org-creditCode" />
            </Form.Item>
          )}
          {kind === 'provider' && (
            <Form.Item name="providerType" label={t('fields.providerType')} rules={[rules.requiredSelect('providerType')]}>
              <Select options={PROVIDER_TYPES.map((p) => ({ value: p, label: t(`providerTypes.${p}`) }))} />
            </Form.Item>
          )}
          <Form.Item name="address" label={t('fields.address')} rules={[rules.max('address', 256)]}>
            <Input />
          </Form.Item>
          <Form.Item name="contactName" label={t('fields.contactName')} rules={[rules.max('contactName', 64)]}>
            <Input />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('fields.contactPhone')} rules={[rules.phone]}>
            <Input />
          </Form.Item>
        </Form>
      )}
    </RecordDrawer>
  );
}
