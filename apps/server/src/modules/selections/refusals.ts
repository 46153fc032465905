import type { SelectionRefusal } from '@suilian/contracts';
import { AppError } from '../../platform/errors.js';

/**
 * A CONFLICT refusal carrying its stable rule code (`details.rule`) and the values the console needs
 * to say it in the user's language; the message stays English for API users.
 */
export function refused(rule: SelectionRefusal, message: string, params: Record<string, string | number> = {}): AppError {
  return new AppError('CONFLICT', message, { rule, ...params });
}

/** A 422 about one field, with a selection rule code (the console translates it). */
export function fieldRefused(
  field: string,
  rule: SelectionRefusal,
  message: string,
  params: Record<string, string | number> = {},
): AppError {
  return new AppError('VALIDATION_FAILED', `${field}: ${message}`, { issues: [{ field, rule, message, ...params }] });
}

/**
 * A 403 naming its selection rule (`details.rule`): the caller is signed in with the permission but
 * this person may not act on this application (not assigned to it, or conflicted).
 */
export function forbiddenBy(rule: SelectionRefusal, message: string, params: Record<string, string | number> = {}): AppError {
  return new AppError('FORBIDDEN', message, { rule, ...params });
}
