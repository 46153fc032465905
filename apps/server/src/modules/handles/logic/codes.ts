import { HANDLE_RESPONSE_CODES as RC } from '@suilian/contracts';

/**
 * The HTTP status the Handle.Net REST API answers each response code with (Handle.Net Technical
 * Manual v9 §14): 1 → 200/201, 2 → 500, 100 → 404, 101 → 409, 102 → 400, 200 → 200 in resolution
 * and 400 otherwise, 201 → 409, 202 → 400, 301 → 400, 402 and 403 → 401 (with WWW-Authenticate), other 40x → 403.
 */
export function httpStatusOf(code: number, context: 'resolve' | 'write' = 'write'): number {
  switch (code) {
    case RC.SUCCESS:
      return 200;
    case RC.ERROR:
      return 500;
    case RC.SERVER_TOO_BUSY:
      return 429;
    case RC.HANDLE_NOT_FOUND:
      return 404;
    case RC.HANDLE_ALREADY_EXISTS:
    case RC.VALUE_ALREADY_EXISTS:
      return 409;
    case RC.VALUES_NOT_FOUND:
      return context === 'resolve' ? 200 : 400;
    // Failed authentication too (issue #13 item 1): clients raise their authentication error on 401.
    case RC.AUTHEN_NEEDED:
    case RC.AUTHENTICATION_FAILED:
      return 401;
    default:
      if (code >= 400 && code < 500) return 403;
      return 400;
  }
}

/** A Handle-protocol failure: thrown by the service, answered as `{ responseCode, handle, message }`. */
export class HandleFailure extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
    readonly handle?: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
