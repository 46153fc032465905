import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/http';
import { isItemRule, issuePath } from './logic';

/**
 * Puts the identifier API's issues on the form fields they name — template items item by item,
 * Form.List rows included — in the console language where the rule is known. Returns how many matched.
 */
export function applyHandleIssues(form: FormInstance, error: unknown, t: TFunction): number {
  if (!(error instanceof ApiError)) return 0;
  const fields = error.issues.flatMap((issue) => {
    const name = issuePath(issue.field);
    if (!name || (form.getFieldValue(name) === undefined && form.getFieldInstance(name) === undefined)) return [];
    const text = isItemRule(issue.rule) ? t(`handles.issue.${issue.rule}`, { message: issue.message }) : issue.message || issue.rule;
    return [{ name, errors: [text] }];
  });
  if (fields.length > 0) form.setFields(fields);
  return fields.length;
}
