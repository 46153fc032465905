import type { FormInstance, FormRule } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

type FieldKey = keyof typeof import('../../../i18n/parts/reportingAdmin').zhCN.field;

/** `required` rules whose message names the field in the user's language. */
export function useRequired(): (field: FieldKey) => FormRule {
  const { t } = useTranslation();
  return (field) => ({ required: true, whitespace: true, message: t('rules.required', { field: t(`reportingAdmin.field.${field}`) }) });
}

/**
 * Puts a drawer's starting values into its form each time it opens. Not left to `initialValues`
 * alone: the previous form's fields unmount (preserve={false}) after the new one has read them and
 * would clear the same names again; an effect runs after that cleanup.
 */
export function useInitialValues<T extends object>(form: FormInstance<T>, open: boolean, values: Partial<T>): void {
  const latest = useRef(values);
  latest.current = values;
  useEffect(() => {
    if (open) form.setFieldsValue(latest.current as Parameters<FormInstance<T>['setFieldsValue']>[0]);
  }, [form, open]);
}
