import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  AGGREGATIONS,
  type CreateRound,
  type Criterion,
  CriterionSchema,
  type Round,
  SELECTION_KINDS,
  SELECTION_SUBJECTS,
  type UpdateRound,
  weightShare,
} from '@suilian/contracts';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Divider,
  Flex,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Radio,
  Row,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { applyFormErrors, errorText } from '../../shared/errors';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
import { schemaRule, useRules } from '../../shared/rules';
import { useSaveRound } from './hooks';
import { SelectionErrorAlert } from './SelectionErrorAlert';

export type RoundFormMode = { type: 'create' } | { type: 'edit'; round: Round };

interface Values {
  title?: string;
  description?: string | null;
  kind?: Round['kind'];
  subjectType?: Round['subjectType'];
  year?: number;
  deadline?: Dayjs | null;
  quota?: number;
  expertsPerApplication?: number;
  aggregation?: Round['aggregation'];
  ownEnterprise?: boolean;
  ownDistrict?: boolean;
  blind?: boolean;
  rubric?: Partial<Criterion>[];
}

/** A new round starts from the programme's usual four criteria (as the demo rounds use). */
const TEMPLATE: Criterion[] = [
  { key: 'network', nameZh: '网络建设水平', nameEn: 'Network', weight: 25, maxScore: 10 },
  { key: 'scenarios', nameZh: '应用场景深度', nameEn: 'Scenario depth', weight: 35, maxScore: 10 },
  { key: 'benefit', nameZh: '经济社会效益', nameEn: 'Benefits', weight: 25, maxScore: 10 },
  { key: 'promotion', nameZh: '示范推广价值', nameEn: 'Promotion value', weight: 15, maxScore: 10 },
];

function valuesOf(r: Round): Values {
  return {
    title: r.title,
    description: r.description,
    kind: r.kind,
    subjectType: r.subjectType,
    year: r.year,
    deadline: dayjs(r.deadline),
    quota: r.quota,
    expertsPerApplication: r.expertsPerApplication,
    aggregation: r.aggregation,
    ownEnterprise: r.conflictRules.ownEnterprise,
    ownDistrict: r.conflictRules.ownDistrict,
    blind: r.blind,
    rubric: r.rubric,
  };
}

function newValues(): Values {
  return {
    kind: 'benchmark_factory',
    subjectType: 'factory',
    year: dayjs().year(),
    deadline: dayjs().add(30, 'day'),
    quota: 10,
    expertsPerApplication: 3,
    aggregation: 'trimmed_mean',
    ownEnterprise: true,
    ownDistrict: true,
    blind: false,
    rubric: TEMPLATE,
  };
}

/** The rubric's rows: key, names, weight (with its share) and maximum score. */
function RubricEditor({ form, locked }: { form: FormInstance<Values>; locked: boolean }) {
  const { t } = useTranslation();
  const rubric = (Form.useWatch('rubric', form) ?? []) as Partial<Criterion>[];
  const weights = rubric.map((c) => ({ weight: Number(c?.weight) || 0 }));
  const keyRule = schemaRule(CriterionSchema.shape.key, t('selections.keyFormat'));
  return (
    <Form.List
      name="rubric"
      rules={[
        {
          validator: async (_r, rows: Partial<Criterion>[] | undefined) => {
            if (!rows || rows.length === 0) throw new Error(t('selections.rubricRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={0} data-testid="rubric-editor">
          <Row gutter={8} style={{ marginBottom: 4 }}>
            <Col span={5}>
              <Typography.Text type="secondary">{t('selections.criterionKey')}</Typography.Text>
            </Col>
            <Col span={5}>
              <Typography.Text type="secondary">{t('selections.criterionNameZh')}</Typography.Text>
            </Col>
            <Col span={5}>
              <Typography.Text type="secondary">{t('selections.criterionNameEn')}</Typography.Text>
            </Col>
            <Col span={4}>
              <Typography.Text type="secondary">{t('selections.weight')}</Typography.Text>
            </Col>
            <Col span={3}>
              <Typography.Text type="secondary">{t('selections.maxScore')}</Typography.Text>
            </Col>
          </Row>
          {fields.map((field, i) => (
            <Row gutter={8} key={field.key} align="top" data-testid={`criterion-${i}`}>
              <Col span={5}>
                <Form.Item
                  name={[field.name, 'key']}
                  dependencies={fields.filter((f) => f.key !== field.key).map((f) => ['rubric', f.name, 'key'])}
                  rules={[
                    { required: true, whitespace: true, message: t('rules.required', { field: t('selections.criterionKey') }) },
                    keyRule,
                    {
                      validator: async (_r, value: string | undefined) => {
                        // Read the rows now: the watched copy is one render behind while typing.
                        const rows = (form.getFieldValue('rubric') ?? []) as Partial<Criterion>[];
                        if (value && rows.filter((c) => c?.key === value).length > 1) throw new Error(t('selections.keyDuplicate'));
                      },
                    },
                  ]}
                >
                  <Input disabled={locked} style={{ fontFamily: 'monospace' }} data-testid={`criterion-key-${i}`} />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item
                  name={[field.name, 'nameZh']}
                  rules={[
                    { required: true, whitespace: true, message: t('rules.required', { field: t('selections.criterionNameZh') }) },
                    { max: 64 },
                  ]}
                >
                  <Input disabled={locked} data-testid={`criterion-nameZh-${i}`} />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item
                  name={[field.name, 'nameEn']}
                  rules={[
                    { required: true, whitespace: true, message: t('rules.required', { field: t('selections.criterionNameEn') }) },
                    { max: 128 },
                  ]}
                >
                  <Input disabled={locked} data-testid={`criterion-nameEn-${i}`} />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item
                  name={[field.name, 'weight']}
                  rules={[{ required: true, message: t('rules.required', { field: t('selections.weight') }) }]}
                  extra={t('selections.weightShare', { share: weightShare(weights, Number(rubric[i]?.weight) || 0) })}
                >
                  <InputNumber min={0.1} max={100} disabled={locked} style={{ width: '100%' }} data-testid={`criterion-weight-${i}`} />
                </Form.Item>
              </Col>
              <Col span={3}>
                <Form.Item
                  name={[field.name, 'maxScore']}
                  rules={[{ required: true, message: t('rules.required', { field: t('selections.maxScore') }) }]}
                >
                  <InputNumber
                    min={1}
                    max={100}
                    precision={0}
                    disabled={locked}
                    style={{ width: '100%' }}
                    data-testid={`criterion-max-${i}`}
                  />
                </Form.Item>
              </Col>
              <Col span={2}>
                {!locked && (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('common.delete')}
                    data-testid={`criterion-remove-${i}`}
                  />
                )}
              </Col>
            </Row>
          ))}
          <Form.ErrorList errors={errors} />
          {!locked && fields.length < 20 && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ maxScore: 10 })} block data-testid="criterion-add">
              {t('selections.addCriterion')}
            </Button>
          )}
        </Flex>
      )}
    </Form.List>
  );
}

interface Props {
  mode: RoundFormMode | null;
  onClose(): void;
  onSaved(round: Round): void;
}

/** Create or edit a selection round: the call, the rubric, the review rules. */
export function RoundFormDrawer({ mode, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useRules();
  const [form] = Form.useForm<Values>();
  const save = useSaveRound();
  const round = mode?.type === 'edit' ? mode.round : undefined;
  // The server fixes the rubric, kind and review rules once the round is open.
  const locked = round !== undefined && round.stage !== 'draft';

  const close = () => {
    save.reset();
    onClose();
  };

  const submit = (v: Values) => {
    const deadline = (v.deadline ?? dayjs()).endOf('day').toISOString();
    const common = {
      title: (v.title ?? '').trim(),
      description: v.description?.trim() || null,
      year: v.year ?? dayjs().year(),
      deadline,
      quota: v.quota ?? 1,
      expertsPerApplication: v.expertsPerApplication ?? 3,
    };
    const fixed = {
      kind: v.kind ?? 'benchmark_factory',
      subjectType: v.subjectType ?? 'factory',
      aggregation: v.aggregation ?? 'trimmed_mean',
      conflictRules: { ownEnterprise: v.ownEnterprise ?? true, ownDistrict: v.ownDistrict ?? true },
      blind: v.blind ?? false,
      rubric: (v.rubric ?? []).map((c) => ({
        key: (c.key ?? '').trim(),
        nameZh: (c.nameZh ?? '').trim(),
        nameEn: (c.nameEn ?? '').trim(),
        weight: Number(c.weight),
        maxScore: Number(c.maxScore),
      })),
    };
    const onError = (error: Error) => {
      if (error instanceof ApiError && error.code === 'STALE_VERSION') {
        void message.warning(errorText(t, error));
        close();
        return;
      }
      applyFormErrors(form, error, t);
    };
    if (round) {
      const body: UpdateRound = { version: round.version, ...common, ...(locked ? {} : fixed) };
      save.mutate(
        { id: round.id, body },
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
    const body: CreateRound = { ...common, ...fixed };
    save.mutate(
      { body },
      {
        onSuccess: (saved) => {
          void message.success(t('selections.created', { title: saved.title }));
          save.reset();
          onSaved(saved);
        },
        onError,
      },
    );
  };

  return (
    <RecordDrawer
      open={mode !== null}
      onClose={close}
      title={round ? t('selections.editTitle') : t('selections.createTitle')}
      size={860}
      testId="round-form-drawer"
      onSubmit={() => form.submit()}
      submitting={save.isPending}
      submitTestId="round-form-submit"
    >
      {save.error && <SelectionErrorAlert error={save.error} style={{ marginBottom: 16 }} />}
      {locked && <Alert type="info" showIcon title={t('selections.rubricFixed')} style={{ marginBottom: 16 }} />}
      {mode && (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          preserve={false}
          initialValues={round ? valuesOf(round) : newValues()}
        >
          <Form.Item
            name="title"
            label={t('selections.roundTitle')}
            rules={[
              { required: true, whitespace: true, message: t('rules.required', { field: t('selections.roundTitle') }) },
              rules.max('title', 200),
            ]}
          >
            <Input data-testid="round-title" />
          </Form.Item>
          <Row gutter={16}>
            <Col span={10}>
              <Form.Item name="kind" label={t('selections.kind')} rules={[rules.requiredSelect('kind')]}>
                <Radio.Group
                  optionType="button"
                  disabled={locked}
                  options={SELECTION_KINDS.map((k) => ({ value: k, label: t(`selectionKinds.${k}`) }))}
                  data-testid="round-kind"
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="subjectType" label={t('selections.subjectType')}>
                <Radio.Group
                  optionType="button"
                  disabled={locked}
                  options={SELECTION_SUBJECTS.map((s) => ({ value: s, label: t(`selectionSubjects.${s}`) }))}
                  data-testid="round-subjectType"
                />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="year" label={t('fields.year')} rules={[rules.requiredSelect('year')]}>
                <InputNumber min={2025} max={2030} precision={0} style={{ width: '100%' }} data-testid="round-year" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="description" label={t('selections.description')} rules={[rules.max('description', 8000)]}>
            <Input.TextArea rows={3} data-testid="round-description" />
          </Form.Item>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item
                name="deadline"
                label={t('selections.deadline')}
                rules={[{ required: true, message: t('rules.requiredSelect', { field: t('selections.deadline') }) }]}
                extra={t('selections.deadlineHint')}
              >
                <DatePicker style={{ width: '100%' }} data-testid="round-deadline" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name="quota"
                label={t('selections.quota')}
                rules={[{ required: true, message: t('rules.required', { field: t('selections.quota') }) }]}
              >
                <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} data-testid="round-quota" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name="expertsPerApplication"
                label={t('selections.expertsPerApplication')}
                rules={[{ required: true, message: t('rules.required', { field: t('selections.expertsPerApplication') }) }]}
              >
                <InputNumber min={1} max={15} precision={0} style={{ width: '100%' }} data-testid="round-experts" />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start" plain>
            {t('selections.reviewRules')}
          </Divider>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="aggregation" label={t('selections.aggregation')}>
                <Radio.Group
                  disabled={locked}
                  options={AGGREGATIONS.map((a) => ({ value: a, label: t(`aggregations.${a}`) }))}
                  data-testid="round-aggregation"
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label={t('selections.conflictRules')} extra={t('selections.conflictRulesHint')}>
                <Space>
                  <Form.Item name="ownEnterprise" valuePropName="checked" noStyle>
                    <Checkbox disabled={locked} data-testid="round-own-enterprise">
                      {t('selections.ownEnterprise')}
                    </Checkbox>
                  </Form.Item>
                  <Form.Item name="ownDistrict" valuePropName="checked" noStyle>
                    <Checkbox disabled={locked} data-testid="round-own-district">
                      {t('selections.ownDistrict')}
                    </Checkbox>
                  </Form.Item>
                </Space>
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="blind" valuePropName="checked" extra={t('selectionRules.review.blindFieldHint')}>
            <Checkbox disabled={locked} data-testid="round-blind">
              {t('selectionRules.review.blindField')}
            </Checkbox>
          </Form.Item>
          <Divider titlePlacement="start" plain>
            {t('selections.rubric')}
          </Divider>
          <RubricEditor form={form} locked={locked} />
        </Form>
      )}
    </RecordDrawer>
  );
}
