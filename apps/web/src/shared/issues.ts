import { type FieldIssue, PASSWORD_RULES } from '@suilian/contracts';
import type { TFunction } from 'i18next';
import type { Messages } from '../i18n/zh-CN';
import { reasonText } from './reason-text';

type FieldKey = keyof Messages['fields'];

function hasKey<T extends object>(obj: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(obj, key);
}

/** The form field an API issue is about: `body.orgId` → `orgId`, `querystring.from` → `from`; `body` alone names none. */
export function issueField(field: string): string | null {
  const path = field.replace(/^(body|querystring|query|params|headers)(\.|$)/, '');
  return path === '' ? null : path;
}

/** The localised label of a field name from the API (`orgId`, `creditCode`…), else the raw name. */
export function fieldLabel(t: TFunction, field: string): string {
  const fields = t('fields', { returnObjects: true }) as Messages['fields'];
  const last = field.split('.').pop() ?? field;
  return hasKey(fields, last) ? t(`fields.${last as FieldKey}`) : field;
}

const FORMAT_RULES = { username: 'rules.username', email: 'rules.email', phone: 'rules.phone', contactPhone: 'rules.phone' } as const;

/** A localised sentence for the issue rules the server uses; the server's own message otherwise. */
export function issueMessage(t: TFunction, issue: FieldIssue): string {
  const worded = issue.reason ? reasonText(t, issue.reason) : null;
  if (worded) return worded;
  const field = issueField(issue.field)?.split('.').pop() ?? '';
  if (issue.rule === 'unique') return t('issue.unique');
  if (issue.rule === 'required') return t('rules.required', { field: fieldLabel(t, field) });
  if (field === 'currentPassword' && issue.rule === 'matches') return t('issue.currentPasswordWrong');
  if (field === 'newPassword') {
    if (issue.rule === 'changed') return t('rules.passwordSame');
    const problem = PASSWORD_RULES.find((p) => p === issue.rule);
    if (problem) return t(`rules.password.${problem}`);
  }
  if (issue.rule === 'role_org_kind') return t('errors.ROLE_ORG_MISMATCH');
  if (field === 'creditCode') return t('issue.creditCode');
  if (field === 'divisionCode') return t('rules.divisionCode');
  if (hasKey(FORMAT_RULES, field)) return t(FORMAT_RULES[field]);
  return ruleText(t, issue.rule);
}

/** The rule's sentence from the `issueRules` catalogue, the generic sentence for one it lacks — never the rule id or the server's English. */
export function ruleText(t: TFunction, rule: string): string {
  const rules = t('issueRules', { returnObjects: true }) as Messages['issueRules'];
  return hasKey(rules, rule) ? t(`issueRules.${rule as keyof Messages['issueRules']}`) : t('issueRules.generic');
}

/** One line per field problem: the field's label and the problem in the user's language. */
export function issueLines(t: TFunction, issues: FieldIssue[]): string[] {
  return issues.map((issue) => {
    const field = issueField(issue.field);
    return t('issue.line', {
      field: field ? fieldLabel(t, field) : issue.field,
      message: issueMessage(t, issue),
    });
  });
}
