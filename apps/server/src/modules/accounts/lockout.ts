import { AppError } from '../../platform/errors.js';

/** No lock lasts longer than a day, however often a name and address keep failing. */
export const MAX_LOCK_MS = 24 * 60 * 60_000;

/** The length of the `nth` lock (1-based) of a name and address: the first lasts `lockMs`, each next one twice as long. */
export function lockDurationMs(nth: number, settings: { lockMs: number }): number {
  const doublings = Math.min(Math.max(nth - 1, 0), 20);
  return Math.min(settings.lockMs * 2 ** doublings, MAX_LOCK_MS);
}

/** The answer to a locked name and address, the same whether or not the name is an account. */
export function accountLocked(lockedUntil: Date): AppError {
  return new AppError('ACCOUNT_LOCKED', 'too many failed logins; the account is locked for a while', {
    lockedUntil: lockedUntil.toISOString(),
  });
}
