import {
  type FormulaCheckResult,
  INDICATOR_GROUPS,
  INDICATOR_KINDS,
  INDICATOR_SOURCES,
  type IndicatorCreate,
  IndicatorCreateSchema,
  type IndicatorDefinition,
} from '@suilian/contracts';
import { Alert, App, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { zhCN as IndicatorAdminMessages } from '../../i18n/parts/indicatorAdmin';
import { useLocale } from '../../session/locale';
import { ApiErrorAlert, applyFormErrors } from '../../shared/errors';
import { formatNumber } from '../../shared/format';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
import { reasonText } from '../../shared/reason-text';
import { schemaRule } from '../../shared/rules';
import { useFormulaCheck, useIndicatorSources, useSaveIndicator } from './hooks';
import { formatMilestones, parseMilestones } from './milestones';

interface Values {
  code?: string;
  nameZh?: string;
  nameEn?: string;
  group?: IndicatorDefinition['group'];
  unit?: string;
  kind?: IndicatorDefinition['kind'];
  source?: IndicatorDefinition['source'];
  comparator?: IndicatorDefinition['comparator'];
  counter?: string | null;
  dataElement?: string | null;
  formula?: string | null;
  target?: number | null;
  targetDate?: Dayjs | null;
  baseline?: number | null;
  baselineDate?: Dayjs | null;
  milestones?: string;
  atRisk?: number | null;
  behind?: number | null;
  definitionZh?: string;
  definitionEn?: string;
  sortOrder?: number | null;
  isPublic?: boolean;
}

export type IndicatorDrawerMode = { type: 'create' } | { type: 'edit'; item: IndicatorDefinition };

const DAY = 'YYYY-MM-DD';

type LabelledField = keyof (typeof IndicatorAdminMessages)['fields'];

function initialValues(item: IndicatorDefinition | undefined): Values {
  if (!item) {
    return {
      group: 'infrastructure',
      kind: 'record_count',
      source: 'records',
      comparator: 'at_least',
      baseline: 0,
      baselineDate: dayjs('2025-09-14'),
      targetDate: dayjs('2027-12-31'),
      atRisk: 0.9,
      behind: 0.75,
      sortOrder: 1000,
      // A new indicator is internal until its administrator decides the public may see it.
      isPublic: false,
    };
  }
  return {
    ...item,
    targetDate: dayjs(item.targetDate),
    baselineDate: dayjs(item.baselineDate),
    milestones: formatMilestones(item.milestones),
    atRisk: item.thresholds.atRisk,
    behind: item.thresholds.behind,
  };
}

/** A formula's live check under the field: the parser's problems with their position, a cycle, or the value today. */
function FormulaStatus({ check, pending }: { check: FormulaCheckResult | undefined; pending: boolean }) {
  const { t } = useTranslation();
  if (pending && !check) return <Typography.Text type="secondary">{t('indicatorAdmin.formulaChecking')}</Typography.Text>;
  if (!check) return null;
  const refs = [...check.dataElements.map((c) => `#{${c}}`), ...check.indicators.map((c) => `I{${c}}`)].join('  ');
  if (!check.ok) {
    return (
      <Alert
        type="error"
        showIcon
        data-testid="formula-problems"
        title={
          <Flex vertical>
            {check.problems.map((p) => (
              <span key={`${p.position}-${p.message}`}>
                {reasonText(t, p.reason) ?? t('indicatorAdmin.formulaAt', { pos: p.position + 1, message: t(`reasons.formula.${p.kind}`) })}
              </span>
            ))}
            {check.cycle && <span>{t('indicatorAdmin.formulaCycle', { path: check.cycle.map((c) => `I{${c}}`).join(' → ') })}</span>}
          </Flex>
        }
      />
    );
  }
  return (
    <Alert
      type="success"
      showIcon
      data-testid="formula-ok"
      title={t('indicatorAdmin.formulaOk')}
      description={
        <Flex vertical>
          {refs && <span>{t('indicatorAdmin.formulaUses', { refs })}</span>}
          <span data-testid="formula-preview">
            {check.value === null
              ? t('indicatorAdmin.formulaNoValue', { reason: check.reason ?? '—' })
              : t('indicatorAdmin.formulaPreview', { value: formatNumber(Math.round(check.value * 100) / 100) })}
          </span>
        </Flex>
      }
    />
  );
}

/** Create or edit an indicator; a plan target's own fields are shown but locked. */
export function IndicatorFormDrawer({ mode, onClose }: { mode: IndicatorDrawerMode | null; onClose(): void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveIndicator();
  const sources = useIndicatorSources();
  const editing = mode?.type === 'edit' ? mode.item : undefined;
  const locked = new Set(editing?.protectedFields ?? []);
  const kind = Form.useWatch('kind', form);
  const source = Form.useWatch('source', form);
  const formula = Form.useWatch('formula', form) ?? '';
  const [typed, setTyped] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setTyped(formula), 400);
    return () => clearTimeout(timer);
  }, [formula]);
  const check = useFormulaCheck(kind === 'formula' ? typed : '', editing?.code);

  const close = () => {
    save.reset();
    onClose();
  };
  const field = (name: keyof Values & LabelledField) => ({
    name,
    label: t(`indicatorAdmin.fields.${name}`),
    ...(locked.has(name) ? { extra: t('indicatorAdmin.protectedHint') } : {}),
  });
  const submit = (v: Values) => {
    const milestones = parseMilestones(v.milestones);
    const body = {
      nameZh: (v.nameZh ?? '').trim(),
      nameEn: (v.nameEn ?? '').trim(),
      group: v.group ?? 'infrastructure',
      unit: (v.unit ?? '').trim(),
      kind: v.kind ?? 'record_count',
      source: v.source ?? 'records',
      comparator: v.comparator ?? 'at_least',
      counter: v.kind !== 'formula' && v.source === 'records' ? (v.counter ?? null) : null,
      dataElement: v.kind !== 'formula' && v.source === 'data_elements' ? (v.dataElement ?? null) : null,
      formula: v.kind === 'formula' ? (v.formula ?? '').trim() : null,
      target: v.target ?? 0,
      targetDate: (v.targetDate ?? dayjs()).format(DAY),
      baseline: v.baseline ?? 0,
      baselineDate: (v.baselineDate ?? dayjs()).format(DAY),
      milestones: milestones ?? null,
      thresholds: { atRisk: v.atRisk ?? 0.9, behind: v.behind ?? 0.75 },
      definitionZh: (v.definitionZh ?? '').trim(),
      definitionEn: (v.definitionEn ?? '').trim(),
      sortOrder: v.sortOrder ?? 1000,
      isPublic: v.isPublic ?? false,
    };
    const input = editing
      ? { code: editing.code, create: false as const, body: { ...body, version: editing.version } }
      : { code: (v.code ?? '').trim(), create: true as const, body: { ...body, code: (v.code ?? '').trim() } as IndicatorCreate };
    save.mutate(input, {
      onSuccess: () => {
        void message.success(t('indicatorAdmin.saved'));
        close();
      },
      onError: (error) => applyFormErrors(form, error, t),
    });
  };
  const required = (name: string) => ({ required: true, message: t('rules.required', { field: name }) });
  const formulaBad = kind === 'formula' && typed.trim() !== '' && check.data && !check.data.ok;

  return (
    <RecordDrawer
      open={mode !== null}
      onClose={close}
      title={editing ? `${t('indicatorAdmin.edit')} · ${editing.code}` : t('indicatorAdmin.create')}
      size={720}
      testId="indicator-drawer"
      onSubmit={() => form.submit()}
      submitting={save.isPending}
      submitTestId="indicator-submit"
    >
      {save.error && <ApiErrorAlert error={save.error} style={{ marginBottom: 16 }} showReason />}
      {mode && (
        <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={initialValues(editing)}>
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item
                name="code"
                label={t('indicatorAdmin.fields.code')}
                rules={
                  editing
                    ? []
                    : [required(t('indicatorAdmin.fields.code')), schemaRule(IndicatorCreateSchema.shape.code, t('rules.codeFormat'))]
                }
              >
                <Input
                  disabled={Boolean(editing)}
                  maxLength={32}
                  style={{ fontFamily: 'monospace' }}
                  placeholder="X-INF-1"
                  data-testid="indicator-code"
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item {...field('group')} rules={[required(t('indicatorAdmin.fields.group'))]}>
                <Select
                  disabled={locked.has('group')}
                  options={INDICATOR_GROUPS.map((g) => ({ value: g, label: t(`indicatorGroups.${g}`) }))}
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item {...field('unit')} rules={[required(t('indicatorAdmin.fields.unit'))]}>
                <Input disabled={locked.has('unit')} maxLength={20} data-testid="indicator-unit" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item {...field('nameZh')} rules={[required(t('indicatorAdmin.fields.nameZh'))]}>
                <Input disabled={locked.has('nameZh')} maxLength={100} data-testid="indicator-nameZh" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item {...field('nameEn')} rules={[required(t('indicatorAdmin.fields.nameEn'))]}>
                <Input disabled={locked.has('nameEn')} maxLength={200} data-testid="indicator-nameEn" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item {...field('kind')}>
                <Select
                  disabled={locked.has('kind')}
                  data-testid="indicator-kind"
                  options={INDICATOR_KINDS.map((k) => ({ value: k, label: t(`indicatorAdmin.kinds.${k}`) }))}
                  onChange={(next) => {
                    if (next === 'formula' && source === 'records') form.setFieldValue('source', 'data_elements');
                    if (next === 'record_count') form.setFieldValue('source', 'records');
                  }}
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item {...field('source')}>
                <Select
                  disabled={locked.has('source')}
                  data-testid="indicator-source"
                  options={INDICATOR_SOURCES.filter((s) =>
                    kind === 'formula' ? s !== 'records' : kind === 'record_count' ? s === 'records' : s !== 'indicators',
                  ).map((s) => ({ value: s, label: t(`indicatorAdmin.sources.${s}`) }))}
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item {...field('comparator')}>
                <Select
                  disabled={locked.has('comparator')}
                  options={(['at_least', 'reach'] as const).map((c) => ({ value: c, label: t(`indicatorAdmin.comparators.${c}`) }))}
                />
              </Form.Item>
            </Col>
          </Row>
          {kind !== 'formula' && source === 'records' && (
            <Form.Item {...field('counter')} rules={[required(t('indicatorAdmin.fields.counter'))]}>
              <Select
                disabled={locked.has('counter')}
                data-testid="indicator-counter"
                loading={sources.isPending}
                options={(sources.data?.counters ?? []).map((c) => ({
                  value: c,
                  label: t(`indicatorAdmin.counters.${c}`, { defaultValue: c }),
                }))}
              />
            </Form.Item>
          )}
          {kind !== 'formula' && source === 'data_elements' && (
            <Form.Item {...field('dataElement')} rules={[required(t('indicatorAdmin.fields.dataElement'))]}>
              <Select
                disabled={locked.has('dataElement')}
                showSearch
                optionFilterProp="label"
                data-testid="indicator-element"
                loading={sources.isPending}
                options={(sources.data?.dataElements ?? []).map((e) => ({
                  value: e.code,
                  label: `${e.code} · ${locale === 'zh-CN' ? e.nameZh : e.nameEn} (${t(`indicatorAdmin.drill.aggregations.${e.aggregation}`)})`,
                }))}
              />
            </Form.Item>
          )}
          {kind === 'formula' && (
            <Form.Item
              {...field('formula')}
              rules={[required(t('indicatorAdmin.fields.formula'))]}
              validateStatus={formulaBad ? 'error' : undefined}
              help={
                <Flex vertical gap={4} style={{ margin: '4px 0 8px' }}>
                  <FormulaStatus check={typed.trim() ? check.data : undefined} pending={check.isFetching} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('indicatorAdmin.formulaHint')}
                  </Typography.Text>
                </Flex>
              }
            >
              <Input.TextArea
                disabled={locked.has('formula')}
                autoSize={{ minRows: 2, maxRows: 6 }}
                style={{ fontFamily: 'monospace' }}
                placeholder="#{BS5GA} / #{BS5G_TOTAL} * 100"
                data-testid="indicator-formula"
              />
            </Form.Item>
          )}
          <Row gutter={12}>
            <Col span={6}>
              <Form.Item
                {...field('target')}
                rules={[{ required: true, message: t('rules.required', { field: t('indicatorAdmin.fields.target') }) }]}
              >
                <InputNumber disabled={locked.has('target')} style={{ width: '100%' }} data-testid="indicator-target" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item {...field('targetDate')}>
                <DatePicker disabled={locked.has('targetDate')} style={{ width: '100%' }} allowClear={false} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item {...field('baseline')}>
                <InputNumber style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item {...field('baselineDate')}>
                <DatePicker style={{ width: '100%' }} allowClear={false} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            {...field('milestones')}
            extra={t('indicatorAdmin.milestonesHint')}
            rules={[
              {
                validator: async (_r, value: string | undefined) => {
                  if (parseMilestones(value) === undefined) throw new Error(t('indicatorAdmin.milestonesInvalid'));
                },
              },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} style={{ fontFamily: 'monospace' }} placeholder="2026-12-31=60" />
          </Form.Item>
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item {...field('atRisk')}>
                <InputNumber min={0.01} max={1} step={0.05} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item {...field('behind')}>
                <InputNumber min={0.01} max={1} step={0.05} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item {...field('sortOrder')}>
                <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -8 }}>
            {t('indicatorAdmin.thresholdsHint')}
          </Typography.Paragraph>
          <Form.Item {...field('definitionZh')} rules={[required(t('indicatorAdmin.fields.definitionZh'))]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} data-testid="indicator-definitionZh" />
          </Form.Item>
          <Form.Item {...field('definitionEn')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
          </Form.Item>
          <Form.Item
            {...field('isPublic')}
            valuePropName="checked"
            extra={locked.has('isPublic') ? t('indicatorAdmin.protectedHint') : t('indicatorAdmin.isPublicHint')}
          >
            <Switch disabled={locked.has('isPublic')} data-testid="indicator-public" />
          </Form.Item>
        </Form>
      )}
    </RecordDrawer>
  );
}
