import { Button, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DATE_TIME_FORMAT } from '../../shared/format';
import type { AuditFilters } from './hooks';

interface Values {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const trimmed = (v: string | undefined) => v?.trim() || undefined;

/** actor, action, entity type, entity id and a time range (sent as ISO from/to). */
export function AuditFilterBar({ onChange }: { onChange(next: AuditFilters): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const submit = (v: Values) =>
    onChange({
      actor: trimmed(v.actor),
      action: trimmed(v.action),
      entityType: trimmed(v.entityType),
      entityId: trimmed(v.entityId),
      from: v.range?.[0]?.toISOString(),
      to: v.range?.[1]?.toISOString(),
    });
  return (
    <Form<Values> form={form} layout="inline" onFinish={submit} style={{ rowGap: 8 }} data-testid="audit-filters">
      <Form.Item name="actor">
        <Input placeholder={t('audit.actor')} allowClear style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="action">
        <Input placeholder={t('audit.action')} allowClear style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="entityType">
        <Input placeholder={t('audit.entityType')} allowClear style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="entityId">
        <Input placeholder={t('audit.entityId')} allowClear style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format={DATE_TIME_FORMAT} allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
