import type { FormRule } from 'antd';
import { useTranslation } from 'react-i18next';

type FieldKey = keyof typeof import('../../../i18n/parts/reportingAdmin').zhCN.field;

/** `required` rules whose message names the field in the user's language. */
export function useRequired(): (field: FieldKey) => FormRule {
  const { t } = useTranslation();
  return (field) => ({ required: true, whitespace: true, message: t('rules.required', { field: t(`reportingAdmin.field.${field}`) }) });
}
