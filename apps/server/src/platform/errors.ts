import type { ErrorCode, FieldIssue, ReasonParams } from '@suilian/contracts';

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  BAD_REQUEST: 400,
  INVALID_JSON: 400,
  VALIDATION_FAILED: 422,
  INVALID_CREDIT_CODE: 422,
  INVALID_DIVISION_CODE: 422,
  PASSWORD_POLICY: 422,
  ROLE_ORG_MISMATCH: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  RATE_LIMITED: 429,
  CSRF_TOKEN_INVALID: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  SECOND_FACTOR_REQUIRED: 403,
  TWO_FACTOR_ENROLMENT_REQUIRED: 403,
  INVALID_SECOND_FACTOR: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STALE_VERSION: 409,
  DUPLICATE: 409,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** A failure the client can act on; the handler turns it into the one error envelope. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.status = STATUS_BY_CODE[code] ?? 400;
  }
}

/**
 * A refusal the console can word: `details.reason = { code, params }` (see RefusalReasonSchema) plus
 * the English `message` for logs and API clients. Use it for every rule a user can break, so the
 * console shows the rule in the user's language instead of the server's sentence.
 */
export function refusal(
  code: ErrorCode,
  reason: string,
  message: string,
  params?: ReasonParams,
  extra?: Record<string, unknown>,
): AppError {
  return new AppError(code, message, { ...extra, reason: params ? { code: reason, params } : { code: reason } });
}

export const notFound = (entity: string) => new AppError('NOT_FOUND', `${entity} not found`);
export const forbidden = (why: string) => new AppError('FORBIDDEN', why);

/** A 422 that names the field and the rule it breaks. */
export function fieldError(code: ErrorCode, field: string, rule: string, message: string): AppError {
  const issue: FieldIssue = { field, rule, message };
  return new AppError(code, `${field}: ${message}`, { issues: [issue] });
}

export function staleVersion(entity: string): AppError {
  return new AppError('STALE_VERSION', `${entity} was changed by someone else; reload and apply your edit again`);
}
