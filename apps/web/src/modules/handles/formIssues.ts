import type { HandleIssue } from '@suilian/contracts';
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/http';
import { isItemRule, issuePath } from './logic';

/**
 * One identifier issue in the console language: the template item's rule with its numbers
 * (`params`), else the field's generic sentence — never the server's English (issue #12 item 3).
 */
export function handleIssueText(t: TFunction, issue: HandleIssue): string {
  if (isItemRule(issue.rule)) return t(`handles.issue.${issue.rule}`, { ...issue.params });
  return t(`handles.issue.${issue.rule}`, { defaultValue: t('handles.issue.generic') });
}

/** The item as the template names it (生产批次), else the field's label (标识, 前缀 …), never a schema path. */
export function handleIssueField(t: TFunction, issue: HandleIssue): string {
  if (issue.label) return issue.label;
  const root = /^[A-Za-z]+/.exec(issue.field)?.[0] ?? '';
  return t(`handles.issueFields.${root}`, { defaultValue: t('handles.issueFields.values') });
}

/**
 * Puts the identifier API's issues on the form fields they name — template items item by item,
 * Form.List rows included — in the console language where the rule is known. Returns how many matched.
 */
export function applyHandleIssues(form: FormInstance, error: unknown, t: TFunction): number {
  if (!(error instanceof ApiError)) return 0;
  const fields = error.issues.flatMap((issue) => {
    const name = issuePath(issue.field);
    if (!name || (form.getFieldValue(name) === undefined && form.getFieldInstance(name) === undefined)) return [];
    const text = handleIssueText(t, issue);
    return [{ name, errors: [text] }];
  });
  if (fields.length > 0) form.setFields(fields);
  return fields.length;
}
