import type { FieldIssue } from '@suilian/contracts';
import { Alert, App, type FormInstance, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';
import type { Messages } from '../i18n/zh-CN';

type ErrorKey = keyof Messages['errors'];
type FieldKey = keyof Messages['fields'];

function hasKey<T extends object>(obj: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(obj, key);
}

/** The localised sentence for an error code; the server's message when the code is unknown. */
export function errorText(t: TFunction, error: unknown): string {
  const code = error instanceof ApiError ? error.code : 'UNKNOWN';
  const errors = t('errors', { returnObjects: true }) as Messages['errors'];
  if (hasKey(errors, code)) return t(`errors.${code as ErrorKey}`);
  return error instanceof Error && error.message ? error.message : t('errors.UNKNOWN');
}

/** The localised label of a field name from the API (`orgId`, `creditCode`…), else the raw name. */
export function fieldLabel(t: TFunction, field: string): string {
  const fields = t('fields', { returnObjects: true }) as Messages['fields'];
  const last = field.split('.').pop() ?? field;
  return hasKey(fields, last) ? t(`fields.${last as FieldKey}`) : field;
}

/** One line per field problem: field, the server's message and rule. */
export function issueLines(t: TFunction, issues: FieldIssue[]): string[] {
  return issues.map((issue) =>
    t('issue.line', { field: fieldLabel(t, issue.field), message: issue.message || issue.rule, rule: issue.rule }),
  );
}

/** Shows an API error: localised message, the field problems and the request id. */
export function ApiErrorAlert({ error, style }: { error: unknown; style?: React.CSSProperties }) {
  const { t } = useTranslation();
  if (!error) return null;
  const issues = error instanceof ApiError ? issueLines(t, error.issues) : [];
  const requestId = error instanceof ApiError ? error.requestId : null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="api-error"
      style={style}
      title={errorText(t, error)}
      description={
        issues.length > 0 || requestId ? (
          <>
            {issues.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {issues.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
            {requestId && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('common.requestId', { id: requestId })}
              </Typography.Text>
            )}
          </>
        ) : undefined
      }
    />
  );
}

/** Puts server field problems onto the matching form fields; returns true if any matched. */
export function applyFormErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const fields = error.issues
    .map((issue) => ({ name: issue.field, errors: [issue.message || issue.rule] }))
    .filter((f) => form.getFieldInstance(f.name) !== undefined || form.getFieldValue(f.name) !== undefined);
  if (fields.length > 0) form.setFields(fields);
  return fields.length > 0;
}

/** A toast for errors of actions without a form (disable, revoke…). */
export function useNotifyError(): (error: unknown) => void {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      const issues = error instanceof ApiError ? issueLines(t, error.issues) : [];
      void message.error([errorText(t, error), ...issues].join(' '));
    },
    [message, t],
  );
}
