import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  FUND_LINKS,
  type FundEligibilityRule,
  type FundProgramme,
  type FundProgrammeInput,
  PROJECT_STATES,
  type ProjectState,
} from '@suilian/contracts';
import { Button, Col, Divider, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../shared/errors';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
import { useSaveProgramme } from './hooks';

interface Values {
  nameZh: string;
  nameEn: string;
  policyBasis: string;
  description?: string;
  budgets: Array<{ year: number; amount: string }>;
  opensOn: string;
  closesOn: string;
  publicityDays: number;
  awardKind: 'share' | 'fixed';
  percent?: string;
  cap?: string;
  levels?: Array<{ code: string; nameZh: string; nameEn: string; amount: string }>;
  projectStates?: ProjectState[];
  minInvestment?: string;
  sizeClasses?: string[];
  honourTypes?: string[];
  requiresLink?: (typeof FUND_LINKS)[number];
}

const YUAN = /^\d{1,13}(\.\d{1,2})?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The form's values of a programme (the rules list flattened into one field per kind). */
function valuesOf(p: FundProgramme): Values {
  const rule = <K extends FundEligibilityRule['kind']>(kind: K) =>
    p.eligibility.find((r): r is Extract<FundEligibilityRule, { kind: K }> => r.kind === kind);
  return {
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    policyBasis: p.policyBasis,
    description: p.description ?? undefined,
    budgets: p.budgets,
    opensOn: p.opensOn,
    closesOn: p.closesOn,
    publicityDays: p.publicityDays,
    awardKind: p.awardRule.kind,
    ...(p.awardRule.kind === 'share' ? { percent: p.awardRule.percent, cap: p.awardRule.cap } : { levels: p.awardRule.levels }),
    projectStates: rule('project_state')?.states,
    minInvestment: rule('min_investment_5g')?.amount,
    sizeClasses: rule('size_class')?.sizeClasses,
    honourTypes: rule('honour')?.honourTypes,
    requiresLink: rule('requires_link')?.link,
  };
}

/** The programme the form describes. */
function inputOf(v: Values): FundProgrammeInput {
  const eligibility: FundEligibilityRule[] = [];
  if (v.projectStates?.length) eligibility.push({ kind: 'project_state', states: v.projectStates });
  if (v.minInvestment?.trim()) eligibility.push({ kind: 'min_investment_5g', amount: v.minInvestment.trim() });
  if (v.sizeClasses?.length) eligibility.push({ kind: 'size_class', sizeClasses: v.sizeClasses });
  if (v.honourTypes?.length) eligibility.push({ kind: 'honour', honourTypes: v.honourTypes });
  if (v.requiresLink) eligibility.push({ kind: 'requires_link', link: v.requiresLink });
  return {
    nameZh: v.nameZh.trim(),
    nameEn: v.nameEn.trim(),
    policyBasis: v.policyBasis.trim(),
    ...(v.description?.trim() ? { description: v.description.trim() } : {}),
    budgets: v.budgets.map((b) => ({ year: Number(b.year), amount: String(b.amount).trim() })),
    eligibility,
    awardRule:
      v.awardKind === 'share' ? { kind: 'share', percent: v.percent ?? '', cap: v.cap ?? '' } : { kind: 'fixed', levels: v.levels ?? [] },
    opensOn: v.opensOn,
    closesOn: v.closesOn,
    publicityDays: v.publicityDays,
  };
}

/** Creates or edits a fund programme (city administrators). */
export function FundProgrammeDrawer({ open, onClose, editing }: { open: boolean; onClose(): void; editing: FundProgramme | null }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveProgramme();
  const awardKind = Form.useWatch('awardKind', form);
  const required = (field: string) => ({ required: true, message: t('funds.required', { field: t(`funds.fields.${field}` as never) }) });
  const money = { pattern: YUAN, message: t('funds.fields.amount') };
  const day = { pattern: DAY, message: 'YYYY-MM-DD' };
  return (
    <RecordDrawer
      open={open}
      onClose={onClose}
      title={editing ? t('funds.editProgramme') : t('funds.createProgramme')}
      size={720}
      testId="fund-programme-drawer"
      onSubmit={() => form.submit()}
      submitting={save.isPending}
      submitTestId="fund-programme-save"
      error={save.error}
      showReason
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          editing ? valuesOf(editing) : { awardKind: 'share', publicityDays: 7, budgets: [{ year: new Date().getFullYear(), amount: '' }] }
        }
        onFinish={(v) =>
          save.mutate(
            { id: editing?.id, version: editing?.version, body: inputOf(v) },
            { onSuccess: onClose, onError: (e) => applyFormErrors(form, e, t) },
          )
        }
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="nameZh" label={t('funds.fields.nameZh')} rules={[required('nameZh')]}>
              <Input data-testid="fund-programme-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="nameEn" label={t('funds.fields.nameEn')} rules={[required('nameEn')]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="policyBasis" label={t('funds.fields.policyBasis')} rules={[required('policyBasis')]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="opensOn" label={t('funds.fields.opensOn')} rules={[required('opensOn'), day]}>
              <Input placeholder="YYYY-MM-DD" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="closesOn" label={t('funds.fields.closesOn')} rules={[required('closesOn'), day]}>
              <Input placeholder="YYYY-MM-DD" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('funds.fields.description')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Divider plain>{t('funds.fields.budgets')}</Divider>
        <Form.List name="budgets">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8}>
                  <Form.Item name={[f.name, 'year']} rules={[required('budgetYear')]} noStyle>
                    <InputNumber min={2000} max={2100} placeholder={t('funds.fields.budgetYear')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'amount']} rules={[required('budgetAmount'), money]} noStyle>
                    <Input placeholder={t('funds.fields.budgetAmount')} style={{ width: 200 }} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} disabled={fields.length === 1} />
                </Flex>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ year: new Date().getFullYear() + 1, amount: '' })}
                style={{ width: 120 }}
              >
                {t('funds.fields.budgetYear')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Divider plain>{t('funds.fields.awardRule')}</Divider>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="awardKind" label={t('funds.fields.awardKind')}>
              <Select options={(['share', 'fixed'] as const).map((k) => ({ value: k, label: t(`funds.awardKinds.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="publicityDays" label={t('funds.fields.publicityDays')}>
              <InputNumber min={1} max={60} />
            </Form.Item>
          </Col>
        </Row>
        {awardKind !== 'fixed' ? (
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="percent" label={t('funds.fields.percent')} rules={[required('percent')]}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="cap" label={t('funds.fields.cap')} rules={[required('cap'), money]}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
        ) : (
          <Form.List name="levels" initialValue={[{ code: '', nameZh: '', nameEn: '', amount: '' }]}>
            {(fields, { add, remove }) => (
              <Flex vertical gap={4}>
                {fields.map((f) => (
                  <Flex key={f.key} gap={8}>
                    {(['code', 'nameZh', 'nameEn', 'amount'] as const).map((k) => (
                      <Form.Item
                        key={k}
                        name={[f.name, k]}
                        rules={[required(k === 'amount' ? 'levelAmount' : k === 'code' ? 'levelCode' : 'levelName')]}
                        noStyle
                      >
                        <Input
                          placeholder={t(`funds.fields.${k === 'amount' ? 'levelAmount' : k === 'code' ? 'levelCode' : 'levelName'}`)}
                        />
                      </Form.Item>
                    ))}
                    <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                  </Flex>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ code: '', nameZh: '', nameEn: '', amount: '' })}
                  style={{ width: 120 }}
                >
                  {t('funds.fields.levels')}
                </Button>
              </Flex>
            )}
          </Form.List>
        )}
        <Divider plain>{t('funds.fields.eligibility')}</Divider>
        <Form.Item name="projectStates" label={t('funds.fields.projectStates')}>
          <Select mode="multiple" options={PROJECT_STATES.map((s) => ({ value: s, label: t(`projectStates.${s}`) }))} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="minInvestment" label={t('funds.fields.minInvestment')} rules={[money]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="requiresLink" label={t('funds.fields.requiresLink')}>
              <Select allowClear options={FUND_LINKS.map((l) => ({ value: l, label: t(`funds.links.${l}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="sizeClasses" label={t('funds.fields.sizeClasses')}>
              <Select mode="tags" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="honourTypes" label={t('funds.fields.honourTypes')}>
              <Select mode="tags" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </RecordDrawer>
  );
}
