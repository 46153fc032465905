import { HONOUR_LEVELS, type Honour, type HonourInput } from '@suilian/contracts';
import { App, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CodeSelect } from '../../shared/codeLists';
import { applyFormErrors } from '../../shared/errors';
import { DATE_FORMAT } from '../../shared/format';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
import { nullIfBlank, useRules } from '../../shared/rules';
import { useSaveHonour } from './hooks';

interface Values {
  honourType?: string;
  level?: Honour['level'];
  batch?: string | null;
  year?: number;
  certificateNo?: string | null;
  productName?: string | null;
  validFrom?: Dayjs | null;
  validUntil?: Dayjs | null;
  reReviewYear?: number | null;
  reReviewResult?: Honour['reReviewResult'];
}

const RE_REVIEW = ['pending', 'passed', 'failed'] as const;
const dateOf = (value: string | null) => (value ? dayjs(value) : null);
const isoOf = (value: Dayjs | null | undefined) => (value ? value.format(DATE_FORMAT) : null);

export type HonourDrawerMode = { type: 'create' } | { type: 'edit'; honour: Honour };

/** Add or edit one honour (梯度培育) of an enterprise. */
export function HonourDrawer({ enterpriseId, mode, onClose }: { enterpriseId: string; mode: HonourDrawerMode | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useRules();
  const [form] = Form.useForm<Values>();
  const save = useSaveHonour(enterpriseId);
  const editing = mode?.type === 'edit' ? mode.honour : undefined;
  const honourType = Form.useWatch('honourType', form);

  const close = () => {
    save.reset();
    onClose();
  };

  const submit = (v: Values) => {
    const body: HonourInput = {
      honourType: v.honourType ?? '',
      level: v.level ?? 'national',
      batch: nullIfBlank(v.batch),
      year: v.year ?? dayjs().year(),
      certificateNo: nullIfBlank(v.certificateNo),
      productName: nullIfBlank(v.productName),
      validFrom: isoOf(v.validFrom),
      validUntil: isoOf(v.validUntil),
      reReviewYear: v.reReviewYear ?? null,
      reReviewResult: v.reReviewResult ?? null,
    };
    save.mutate(
      { id: editing?.id, body },
      {
        onSuccess: () => {
          void message.success(t('enterprises.honourSaved'));
          close();
        },
        onError: (error) => applyFormErrors(form, error, t),
      },
    );
  };

  const initial: Values = editing
    ? {
        ...editing,
        validFrom: dateOf(editing.validFrom),
        validUntil: dateOf(editing.validUntil),
      }
    : { level: 'national', year: dayjs().year() };

  return (
    <RecordDrawer
      open={mode !== null}
      onClose={close}
      title={editing ? t('enterprises.editHonour') : t('enterprises.addHonour')}
      size={520}
      testId="honour-drawer"
      onSubmit={() => form.submit()}
      submitting={save.isPending}
      submitTestId="honour-submit"
      error={save.error}
    >
      {mode && (
        <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={initial}>
          <Form.Item name="honourType" label={t('fields.honourType')} rules={[rules.requiredSelect('honourType')]}>
            <CodeSelect listKey="honour_type" data-testid="honour-type" />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="level" label={t('fields.level')} rules={[rules.requiredSelect('level')]}>
                <Select options={HONOUR_LEVELS.map((l) => ({ value: l, label: t(`honourLevels.${l}`) }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="year" label={t('fields.year')} rules={[rules.requiredSelect('year')]}>
                <InputNumber min={2000} max={2100} style={{ width: '100%' }} data-testid="honour-year" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="batch" label={t('fields.batch')} rules={[rules.max('batch', 32)]}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="certificateNo" label={t('fields.certificateNo')} rules={[rules.max('certificateNo', 64)]}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
          {(honourType === 'SINGLE_CHAMPION_PRODUCT' || editing?.productName) && (
            <Form.Item name="productName" label={t('fields.productName')} rules={[rules.max('productName', 128)]}>
              <Input />
            </Form.Item>
          )}
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="validFrom" label={t('fields.validFrom')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="validUntil"
                label={t('fields.validUntil')}
                dependencies={['validFrom']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: async (_r, value: Dayjs | null) => {
                      const from = getFieldValue('validFrom') as Dayjs | null;
                      if (value && from && value.isBefore(from, 'day'))
                        throw new Error(t('rules.endBeforeStart', { end: t('fields.validUntil'), start: t('fields.validFrom') }));
                    },
                  }),
                ]}
              >
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="reReviewYear" label={t('fields.reReviewYear')}>
                <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="reReviewResult" label={t('fields.reReviewResult')}>
                <Select allowClear options={RE_REVIEW.map((r) => ({ value: r, label: t(`reReviewResults.${r}`) }))} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      )}
    </RecordDrawer>
  );
}
