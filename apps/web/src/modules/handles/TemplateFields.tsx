import type { TemplateItem } from '@suilian/contracts';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** The same limits the server checks, so most mistakes show while typing; the server still decides. */
function rulesOf(t: TFunction, item: TemplateItem): Rule[] {
  const rules: Rule[] = [];
  if (item.required) rules.push({ required: true, message: t('handles.template.rule.required', { label: item.label }) });
  if (item.type === 'string' || item.type === 'url') {
    if (item.minLength !== undefined)
      rules.push({ min: item.minLength, message: t('handles.template.rule.minLength', { n: item.minLength }) });
    if (item.maxLength !== undefined)
      rules.push({ max: item.maxLength, message: t('handles.template.rule.maxLength', { n: item.maxLength }) });
  }
  if (item.type === 'string' && item.pattern) {
    try {
      rules.push({
        pattern: new RegExp(`^(?:${item.pattern})$`, 'u'),
        message: t('handles.template.rule.pattern', { pattern: item.pattern }),
      });
    } catch {
      // a pattern the browser cannot compile is left to the server
    }
  }
  if (item.type === 'url') rules.push({ type: 'url', message: t('handles.template.rule.url') });
  return rules;
}

/** The input of one item; Form.Item hands it id, value and onChange, which go on to the antd control. */
function Control({ item, ...field }: { item: TemplateItem } & Record<string, unknown>) {
  const testId = `attr-${item.name}`;
  switch (item.type) {
    case 'number':
      return <InputNumber {...field} min={item.min} max={item.max} style={{ width: 220 }} data-testid={testId} />;
    case 'date':
      return (
        <DatePicker
          {...field}
          minDate={item.minDate ? dayjs(item.minDate) : undefined}
          maxDate={item.maxDate ? dayjs(item.maxDate) : undefined}
          data-testid={testId}
        />
      );
    case 'enum':
      return (
        <Select
          {...field}
          options={(item.options ?? []).map((o) => ({ value: o, label: o }))}
          allowClear
          style={{ width: 260 }}
          data-testid={testId}
        />
      );
    default:
      return <Input {...field} maxLength={item.maxLength} data-testid={testId} />;
  }
}

/** One form field per template item, under `attributes.<name>`, with the item's label and limits. */
export function TemplateFields({ items }: { items: readonly TemplateItem[] }) {
  const { t } = useTranslation();
  return (
    <>
      {items.map((item) => (
        <Form.Item
          key={item.name}
          name={['attributes', item.name]}
          label={item.label}
          rules={rulesOf(t, item)}
          tooltip={`${item.name} · ${t(`handles.template.types.${item.type}`)}`}
        >
          <Control item={item} />
        </Form.Item>
      ))}
    </>
  );
}
