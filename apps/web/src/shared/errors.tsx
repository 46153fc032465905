import { Alert, App, type FormInstance, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import type { Messages } from '../i18n/zh-CN';
import { formatDateTime } from './format';
import { issueField, issueLines, issueMessage } from './issues';
import { reasonText } from './reason-text';

type ErrorKey = keyof Messages['errors'];

function hasKey<T extends object>(obj: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(obj, key);
}

/**
 * The localised sentence for an error code; the generic sentence for a code the console does not
 * know (never the server's English: issue #12 item 3).
 */
export function errorText(t: TFunction, error: unknown): string {
  const code = error instanceof ApiError ? error.code : 'UNKNOWN';
  const errors = t('errors', { returnObjects: true }) as Messages['errors'];
  return hasKey(errors, code) ? t(`errors.${code as ErrorKey}`) : t('errors.UNKNOWN');
}

/** Extra lines from `details`: field problems, and when a locked account opens again. */
function detailLines(t: TFunction, error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  const lines = issueLines(t, error.issues);
  const lockedUntil = (error.details as { lockedUntil?: unknown } | undefined)?.lockedUntil;
  if (typeof lockedUntil === 'string') lines.push(t('issue.lockedUntil', { time: formatDateTime(lockedUntil) }));
  return lines;
}

/**
 * The refusal's rule in the user's language, from `details.reason = { code, params }`
 * (RefusalReasonSchema), or null when the answer carries no reason or the catalogue has no wording
 * for its code.
 */
export function refusalText(t: TFunction, error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  return reasonText(t, (error.details as { reason?: unknown } | undefined)?.reason);
}

interface ApiErrorAlertProps {
  error: unknown;
  style?: React.CSSProperties;
  /** Replaces the localised sentence for the code (e.g. a localised refusal rule). */
  title?: string;
  /**
   * @deprecated No effect: the server's English is never shown; the refusal's reason code is worded
   * whenever the answer carries one (`details.reason`).
   */
  showReason?: boolean;
}

/** Shows an API error: localised message, the field problems, the refusal's reason worded, and the request id. */
export function ApiErrorAlert({ error, style, title }: ApiErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const issues = detailLines(t, error);
  const worded = refusalText(t, error);
  if (worded) issues.push(worded);
  const requestId = error instanceof ApiError ? error.requestId : null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="api-error"
      style={style}
      title={title ?? errorText(t, error)}
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

/** Puts server field problems onto the matching form fields (localised); returns true if any matched. */
export function applyFormErrors(form: FormInstance, error: unknown, t: TFunction): boolean {
  if (!(error instanceof ApiError)) return false;
  const fields = error.issues.flatMap((issue) => {
    const field = issueField(issue.field);
    if (!field) return [];
    const name = field.split('.');
    const known = form.getFieldInstance(name) !== undefined || form.getFieldValue(name) !== undefined;
    return known ? [{ name, errors: [issueMessage(t, issue)] }] : [];
  });
  if (fields.length > 0) form.setFields(fields);
  return fields.length > 0;
}

/** A toast for errors of actions without a form (disable, revoke…). */
export function useNotifyError(): (error: unknown) => void {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      const worded = refusalText(t, error);
      void message.error([errorText(t, error), ...detailLines(t, error), ...(worded ? [worded] : [])].join(' '));
    },
    [message, t],
  );
}
