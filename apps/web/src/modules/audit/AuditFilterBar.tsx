import { Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_TIME_FORMAT } from '../../shared/format';
import type { AuditFilters } from './hooks';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, actionLabel, entityLabel } from './names';

interface Values {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const trimmed = (v: string | undefined) => v?.trim() || undefined;

/** actor, action and entity type by name (sent as their codes), entity id and a time range (sent as ISO from/to). */
export function AuditFilterBar({ onChange }: { onChange(next: AuditFilters): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  // Chosen and searched by name; the server filters by code (issue #12 item 7).
  const actions = useMemo(
    () => AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(t, a) })).sort((x, y) => x.label.localeCompare(y.label, 'zh-CN')),
    [t],
  );
  const entities = useMemo(
    () => AUDIT_ENTITY_TYPES.map((e) => ({ value: e, label: entityLabel(t, e) })).sort((x, y) => x.label.localeCompare(y.label, 'zh-CN')),
    [t],
  );
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
        <Select
          placeholder={t('audit.action')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={actions}
          style={{ width: 200 }}
          data-testid="audit-filter-action"
        />
      </Form.Item>
      <Form.Item name="entityType">
        <Select
          placeholder={t('audit.entityType')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={entities}
          style={{ width: 160 }}
          data-testid="audit-filter-entity"
        />
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
