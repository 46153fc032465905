import { type CreateSanction, checkResidentId, type Sanction } from '@suilian/contracts';
import type { FormRule } from 'antd';
import { DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Messages } from '../../i18n/zh-CN';
import { applyFormErrors } from '../../shared/errors';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
import { useRules } from '../../shared/rules';
import { useCreateSanction } from './hooks';

interface Values {
  entityName: string;
  creditCode: string;
  personName?: string;
  personIdNumber?: string;
  reason: string;
  basis: string;
  period: [Dayjs, Dayjs];
}

const blank = (v: unknown) => v === undefined || v === null || String(v).trim() === '';

/** Records a sanction (city administrators). The ID number is checked here with the same rule as the server. */
export function SanctionCreateDrawer({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(s: Sanction): void }) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<Values>();
  const create = useCreateSanction();
  const required = (field: keyof Messages['sanctions']['fields']): FormRule => ({
    required: true,
    whitespace: true,
    message: t('sanctions.rules.required', { field: t(`sanctions.fields.${field}`) }),
  });
  const residentId: FormRule = {
    validator: async (_r, value: unknown) => {
      if (blank(value)) return;
      const problem = checkResidentId(String(value).trim().toUpperCase());
      if (problem) throw new Error(t(`sanctions.rules.residentId.${problem}`));
    },
  };
  const pair: FormRule = ({ getFieldValue }) => ({
    validator: async () => {
      if (blank(getFieldValue('personName')) !== blank(getFieldValue('personIdNumber'))) throw new Error(t('sanctions.rules.personPair'));
    },
  });

  const endAfterStart: FormRule = {
    validator: async (_r, value: [Dayjs, Dayjs] | undefined) => {
      if (value && !value[1].isAfter(value[0], 'day')) throw new Error(t('sanctions.rules.endAfterStart'));
    },
  };

  const close = () => {
    create.reset();
    onClose();
  };
  const submit = (v: Values) => {
    const [from, to] = v.period;
    const body: CreateSanction = {
      entityName: v.entityName.trim(),
      creditCode: v.creditCode.trim().toUpperCase(),
      reason: v.reason.trim(),
      basis: v.basis.trim(),
      startsOn: from.format('YYYY-MM-DD'),
      endsOn: to.format('YYYY-MM-DD'),
      ...(blank(v.personName) ? {} : { personName: v.personName?.trim(), personIdNumber: v.personIdNumber?.trim().toUpperCase() }),
    };
    create.mutate(body, {
      onSuccess: (result) => {
        create.reset();
        onCreated(result);
      },
      onError: (error) => applyFormErrors(form, error, t),
    });
  };

  return (
    <RecordDrawer
      open={open}
      onClose={close}
      title={t('sanctions.createTitle')}
      size={520}
      onSubmit={() => form.submit()}
      submitting={create.isPending}
      submitTestId="sanction-create-submit"
      error={create.error}
      showReason
      testId="sanction-create"
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="entityName" label={t('sanctions.fields.entityName')} rules={[required('entityName'), { max: 200 }]}>
          <Input data-testid="sanction-entity" />
        </Form.Item>
        <Form.Item name="creditCode" label={t('sanctions.fields.creditCode')} rules={[required('creditCode'), rules.creditCode]}>
          <Input maxLength={18} data-testid="sanction-credit-code" />
        </Form.Item>
        <Form.Item name="personName" label={t('sanctions.fields.personName')} dependencies={['personIdNumber']} rules={[{ max: 64 }, pair]}>
          <Input data-testid="sanction-person" />
        </Form.Item>
        <Form.Item
          name="personIdNumber"
          label={t('sanctions.fields.personIdNumber')}
          extra={t('sanctions.personLookupHint')}
          dependencies={['personName']}
          rules={[residentId, pair]}
        >
          <Input maxLength={18} autoComplete="off" data-testid="sanction-person-id" />
        </Form.Item>
        <Form.Item name="basis" label={t('sanctions.fields.basis')} rules={[required('basis'), { max: 200 }]}>
          <Input placeholder="穗工信〔2026〕12号" data-testid="sanction-basis" />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('sanctions.fields.period')}
          rules={[{ required: true, message: t('sanctions.rules.required', { field: t('sanctions.fields.period') }) }, endAfterStart]}
        >
          <DatePicker.RangePicker style={{ width: '100%' }} data-testid="sanction-period" />
        </Form.Item>
        <Form.Item name="reason" label={t('sanctions.fields.reason')} rules={[required('reason'), { max: 2000 }]}>
          <Input.TextArea rows={4} data-testid="sanction-reason" />
        </Form.Item>
      </Form>
    </RecordDrawer>
  );
}
