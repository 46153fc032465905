import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { DELIVERY_MODELS, PRICE_BANDS, type Solution, type SolutionContact, type SolutionReference } from '@suilian/contracts';
import { App, Button, Col, Flex, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { useMe } from '../../session/auth';
import { CodeSelect } from '../../shared/codeLists';
import { applyFormErrors, errorText } from '../../shared/errors';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
import { OrgSelect } from '../../shared/OrgSelect';
import { nullIfBlank } from '../../shared/rules';
import { useSaveSolution } from './hooks';

interface Values {
  providerId?: string;
  title?: string;
  summary?: string | null;
  industries?: string[];
  scenarios?: string[];
  capabilities?: string[];
  priceBand?: Solution['priceBand'];
  deploymentWeeks?: number | null;
  deliveryModel?: Solution['deliveryModel'];
  references?: Array<Partial<SolutionReference>>;
  certifications?: string[];
  contacts?: Array<Partial<SolutionContact>>;
}

export type SolutionFormMode = { type: 'create' } | { type: 'edit'; solution: Solution };

/** Write or edit a solution (draft or returned): what it does, for whom, price, delivery, references, contacts. */
export function SolutionFormDrawer({
  mode,
  onClose,
  onSaved,
}: {
  mode: SolutionFormMode | null;
  onClose(): void;
  onSaved(s: Solution): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const save = useSaveSolution();
  const editing = mode?.type === 'edit' ? mode.solution : undefined;
  const ownProvider = me.role === 'provider_user';
  const required = (label: string) => ({ required: true, whitespace: true, message: `${label}${t('services.requiredSuffix')}` });

  const close = () => {
    save.reset();
    onClose();
  };

  const submit = (v: Values) => {
    const fields = {
      title: (v.title ?? '').trim(),
      summary: nullIfBlank(v.summary),
      industries: v.industries ?? [],
      scenarios: v.scenarios ?? [],
      capabilities: (v.capabilities ?? []).map((c) => c.trim()).filter(Boolean),
      priceBand: v.priceBand ?? null,
      deploymentWeeks: v.deploymentWeeks ?? null,
      deliveryModel: v.deliveryModel ?? null,
      references: (v.references ?? [])
        .filter((r) => r.name?.trim())
        .map((r) => ({ name: (r.name ?? '').trim(), enterpriseName: nullIfBlank(r.enterpriseName), year: r.year ?? null })),
      certifications: (v.certifications ?? []).map((c) => c.trim()).filter(Boolean),
      contacts: (v.contacts ?? [])
        .filter((c) => c.name?.trim())
        .map((c) => ({ name: (c.name ?? '').trim(), phone: nullIfBlank(c.phone), email: nullIfBlank(c.email) })),
    };
    const input = editing
      ? { kind: 'update' as const, id: editing.id, body: { version: editing.version, ...fields } }
      : { kind: 'create' as const, body: { ...fields, providerId: ownProvider ? undefined : v.providerId } };
    save.mutate(input, {
      onSuccess: (s) => {
        void message.success(editing ? t('common.saved') : t('services.solutionCreated', { title: s.title }));
        save.reset();
        onSaved(s);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'STALE_VERSION') {
          void message.warning(errorText(t, error));
          close();
          return;
        }
        applyFormErrors(form, error, t);
      },
    });
  };

  const initial: Values = editing
    ? {
        title: editing.title,
        summary: editing.summary,
        industries: editing.industries.map((i) => i.code),
        scenarios: editing.scenarios.map((s) => s.code),
        capabilities: editing.capabilities,
        priceBand: editing.priceBand,
        deploymentWeeks: editing.deploymentWeeks,
        deliveryModel: editing.deliveryModel,
        references: editing.references,
        certifications: editing.certifications,
        contacts: editing.contacts,
      }
    : { industries: [], scenarios: [], capabilities: [], references: [], certifications: [], contacts: [{}] };

  return (
    <RecordDrawer
      open={mode !== null}
      onClose={close}
      title={editing ? `${t('services.editSolution')} · ${editing.title}` : t('services.createSolution')}
      size={760}
      testId="solution-form-drawer"
      onSubmit={() => form.submit()}
      submitting={save.isPending}
      submitTestId="solution-form-submit"
      error={save.error}
    >
      {mode && (
        <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={initial}>
          {editing || ownProvider ? (
            <Form.Item label={t('services.provider')}>
              <Typography.Text>{editing?.providerName ?? me.orgName}</Typography.Text>
            </Form.Item>
          ) : (
            <Form.Item
              name="providerId"
              label={t('services.provider')}
              rules={[{ required: true, message: `${t('services.provider')}${t('services.requiredSuffix')}` }]}
            >
              <OrgSelect kinds={['provider']} data-testid="solution-provider" />
            </Form.Item>
          )}
          <Form.Item name="title" label={t('services.title')} rules={[required(t('services.title')), { max: 120 }]}>
            <Input data-testid="solution-title" />
          </Form.Item>
          <Form.Item name="summary" label={t('services.summary')} rules={[{ max: 4000 }]}>
            <Input.TextArea rows={3} data-testid="solution-summary" />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="industries" label={t('services.industries')}>
                <CodeSelect listKey="industry" mode="multiple" maxCount={20} data-testid="solution-industries" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="scenarios" label={t('services.scenarios')}>
                <CodeSelect listKey="scenario" mode="multiple" maxCount={20} data-testid="solution-scenarios" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="capabilities" label={t('services.capabilities')} extra={t('services.capabilitiesHint')}>
            <Select mode="tags" open={false} maxCount={30} data-testid="solution-capabilities" />
          </Form.Item>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="priceBand" label={t('services.priceBand')}>
                <Select
                  allowClear
                  options={PRICE_BANDS.map((b) => ({ value: b, label: t(`priceBands.${b}`) }))}
                  data-testid="solution-price"
                />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="deploymentWeeks" label={t('services.deploymentWeeks')}>
                <InputNumber min={1} max={260} precision={0} style={{ width: '100%' }} data-testid="solution-weeks" />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="deliveryModel" label={t('services.deliveryModel')}>
                <Radio.Group optionType="button" options={DELIVERY_MODELS.map((m) => ({ value: m, label: t(`deliveryModels.${m}`) }))} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={t('services.references')}>
            <Form.List name="references">
              {(fields, { add, remove }) => (
                <Flex vertical gap={4}>
                  {fields.map((f) => (
                    <Flex key={f.key} gap={8}>
                      <Form.Item name={[f.name, 'name']} noStyle rules={[{ max: 200 }]}>
                        <Input placeholder={t('services.referenceName')} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'enterpriseName']} noStyle rules={[{ max: 200 }]}>
                        <Input placeholder={t('services.referenceEnterprise')} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'year']} noStyle>
                        <InputNumber placeholder={t('services.referenceYear')} min={2000} max={2100} style={{ width: 110 }} />
                      </Form.Item>
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(f.name)} />
                    </Flex>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= 30}>
                    {t('common.add')}
                  </Button>
                </Flex>
              )}
            </Form.List>
          </Form.Item>
          <Form.Item name="certifications" label={t('services.certifications')}>
            <Select mode="tags" open={false} maxCount={20} />
          </Form.Item>
          <Form.Item label={t('services.contacts')}>
            <Form.List name="contacts">
              {(fields, { add, remove }) => (
                <Flex vertical gap={4}>
                  {fields.map((f) => (
                    <Flex key={f.key} gap={8}>
                      <Form.Item name={[f.name, 'name']} noStyle rules={[{ max: 64 }]}>
                        <Input placeholder={t('services.contactName')} />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'phone']}
                        noStyle
                        rules={[{ pattern: /^[0-9+\-() ]{5,24}$/, message: t('services.contactPhone') }]}
                      >
                        <Input placeholder={t('services.contactPhone')} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'email']} noStyle rules={[{ type: 'email', message: t('services.contactEmail') }]}>
                        <Input placeholder={t('services.contactEmail')} />
                      </Form.Item>
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(f.name)} />
                    </Flex>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= 10}>
                    {t('common.add')}
                  </Button>
                </Flex>
              )}
            </Form.List>
          </Form.Item>
        </Form>
      )}
    </RecordDrawer>
  );
}
