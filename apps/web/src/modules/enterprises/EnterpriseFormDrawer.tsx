import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type Contact,
  type CreateEnterprise,
  type Enterprise,
  ORG_KINDS_WRITABLE_BY_SCOPE,
  ROLE_DEFINITIONS,
  type UpdateEnterprise,
} from '@suilian/contracts';
import { App, Button, Col, Flex, Form, Input, Row, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { useAuth, useMe } from '../../session/auth';
import { CodeSelect } from '../../shared/codeLists';
import { DistrictSelect } from '../../shared/districts';
import { applyFormErrors, errorText } from '../../shared/errors';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
import { nullIfBlank, useRules } from '../../shared/rules';
import { useCreateEnterprise, useUpdateEnterprise } from './hooks';

interface ContactValues {
  name?: string;
  title?: string | null;
  phone?: string | null;
  email?: string | null;
}

interface Values {
  name: string;
  nameEn?: string | null;
  creditCode?: string;
  districtId?: string;
  address?: string | null;
  industryCode?: string | null;
  clusterCode?: string | null;
  sizeClass?: string | null;
  aboveScale?: boolean;
  mainProducts?: string | null;
  description?: string | null;
  contacts?: ContactValues[];
}

export type EnterpriseFormMode = { type: 'create' } | { type: 'edit'; enterprise: Enterprise };

/** Whether the user may register new enterprises (district and city roles with enterprise:write). */
export function useMayCreateEnterprise(): boolean {
  const me = useMe();
  const { can } = useAuth();
  return can('enterprise:write') && ORG_KINDS_WRITABLE_BY_SCOPE[ROLE_DEFINITIONS[me.role].scope].includes('enterprise');
}

function valuesOf(e: Enterprise): Values {
  return {
    name: e.name,
    nameEn: e.nameEn,
    creditCode: e.creditCode ?? undefined,
    districtId: e.districtId ?? undefined,
    address: e.address,
    industryCode: e.industryCode,
    clusterCode: e.clusterCode,
    sizeClass: e.sizeClass,
    aboveScale: e.aboveScale,
    mainProducts: e.mainProducts,
    description: e.description,
    contacts: e.contacts,
  };
}

function contactsOf(rows: ContactValues[] | undefined): Contact[] {
  return (rows ?? [])
    .filter((c) => c.name?.trim())
    .map((c) => ({ name: (c.name ?? '').trim(), title: nullIfBlank(c.title), phone: nullIfBlank(c.phone), email: nullIfBlank(c.email) }));
}

interface Props {
  mode: EnterpriseFormMode | null;
  onClose(): void;
  onSaved(enterprise: Enterprise): void;
}

/** Register or edit an enterprise: profile, code-list values and contacts; the credit code is checked as it is typed. */
export function EnterpriseFormDrawer({ mode, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const rules = useRules();
  const [form] = Form.useForm<Values>();
  const create = useCreateEnterprise();
  const update = useUpdateEnterprise();
  const editing = mode?.type === 'edit' ? mode.enterprise : undefined;
  const districtScoped = ROLE_DEFINITIONS[me.role].scope === 'district';

  const close = () => {
    create.reset();
    update.reset();
    onClose();
  };

  const submit = (v: Values) => {
    const profile = {
      nameEn: nullIfBlank(v.nameEn),
      address: nullIfBlank(v.address),
      industryCode: v.industryCode ?? null,
      clusterCode: v.clusterCode ?? null,
      sizeClass: v.sizeClass ?? null,
      aboveScale: v.aboveScale ?? false,
      mainProducts: nullIfBlank(v.mainProducts),
      description: nullIfBlank(v.description),
      contacts: contactsOf(v.contacts),
    };
    const onError = (error: Error) => {
      if (error instanceof ApiError && error.code === 'STALE_VERSION') {
        void message.warning(errorText(t, error));
        close();
        return;
      }
      applyFormErrors(form, error, t);
    };
    if (editing) {
      const body: UpdateEnterprise = { version: editing.version, name: v.name.trim(), ...profile };
      update.mutate(
        { id: editing.id, body },
        {
          onSuccess: (saved) => {
            void message.success(t('common.saved'));
            onSaved(saved);
          },
          onError,
        },
      );
      return;
    }
    const body: CreateEnterprise = {
      name: v.name.trim(),
      creditCode: (v.creditCode ?? '').trim().toUpperCase(),
      districtId: v.districtId ?? '',
      ...profile,
    };
    create.mutate(body, {
      onSuccess: (saved) => {
        void message.success(t('enterprises.created', { name: saved.name }));
        create.reset();
        onSaved(saved);
      },
      onError,
    });
  };

  const error = editing ? update.error : create.error;
  return (
    <RecordDrawer
      open={mode !== null}
      onClose={close}
      title={editing ? `${t('enterprises.editTitle')} · ${editing.name}` : t('enterprises.createTitle')}
      size={640}
      testId="enterprise-form-drawer"
      onSubmit={() => form.submit()}
      submitting={create.isPending || update.isPending}
      submitTestId="enterprise-form-submit"
      error={error}
    >
      {mode && (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          preserve={false}
          initialValues={
            editing ? valuesOf(editing) : { districtId: districtScoped ? (me.districtId ?? undefined) : undefined, aboveScale: false }
          }
        >
          <Form.Item name="name" label={t('fields.name')} rules={[rules.required('name'), rules.max('name', 128)]}>
            <Input data-testid="enterprise-name" />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item
                name="creditCode"
                label={t('fields.creditCode')}
                normalize={(value: string | undefined) => value?.toUpperCase()}
                rules={editing ? [] : [rules.required('creditCode'), rules.creditCode]}
              >
                <Input maxLength={18} disabled={!!editing} style={{ fontFamily: 'monospace' }} data-testid="enterprise-creditCode" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="districtId" label={t('fields.districtId')} rules={editing ? [] : [rules.requiredSelect('districtId')]}>
                <DistrictSelect
                  disabled={!!editing || districtScoped}
                  knownName={editing?.districtName}
                  data-testid="enterprise-district"
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="nameEn" label={t('fields.nameEn')} rules={[rules.max('nameEn', 128)]}>
            <Input />
          </Form.Item>
          <Form.Item name="address" label={t('fields.address')} rules={[rules.max('address', 256)]}>
            <Input />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="industryCode" label={t('fields.industryCode')}>
                <CodeSelect listKey="industry" allowClear data-testid="enterprise-industry" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="clusterCode" label={t('fields.clusterCode')}>
                <CodeSelect listKey="cluster" allowClear data-testid="enterprise-cluster" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="sizeClass" label={t('fields.sizeClass')}>
                <CodeSelect listKey="size_class" allowClear />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="aboveScale" label={t('fields.aboveScale')} valuePropName="checked">
                <Switch checkedChildren={t('enterprises.aboveScaleYes')} unCheckedChildren={t('enterprises.aboveScaleNo')} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="mainProducts" label={t('fields.mainProducts')} rules={[rules.max('mainProducts', 500)]}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label={t('fields.description')} rules={[rules.max('description', 4000)]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Typography.Title level={5}>{t('enterprises.contacts')}</Typography.Title>
          <Form.List name="contacts">
            {(fields, { add, remove }) => (
              <Flex vertical gap={0}>
                {fields.map((field) => (
                  <Row gutter={8} key={field.key} align="top">
                    <Col span={5}>
                      <Form.Item name={[field.name, 'name']} rules={[rules.required('contactName'), rules.max('contactName', 64)]}>
                        <Input placeholder={t('fields.contactName')} />
                      </Form.Item>
                    </Col>
                    <Col span={5}>
                      <Form.Item name={[field.name, 'title']}>
                        <Input placeholder={t('enterprises.contactTitle')} />
                      </Form.Item>
                    </Col>
                    <Col span={6}>
                      <Form.Item name={[field.name, 'phone']} rules={[rules.phone]}>
                        <Input placeholder={t('fields.phone')} />
                      </Form.Item>
                    </Col>
                    <Col span={6}>
                      <Form.Item name={[field.name, 'email']} rules={[rules.email]}>
                        <Input placeholder={t('fields.email')} />
                      </Form.Item>
                    </Col>
                    <Col span={2}>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t('common.delete')}
                      />
                    </Col>
                  </Row>
                ))}
                {fields.length < 10 && (
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>
                    {t('enterprises.addContact')}
                  </Button>
                )}
              </Flex>
            )}
          </Form.List>
        </Form>
      )}
    </RecordDrawer>
  );
}
