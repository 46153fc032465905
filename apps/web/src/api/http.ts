import type { FieldIssue } from '@suilian/contracts';

/** Anything with Zod's `safeParse`: responses are checked against the contracts and mismatches logged. */
export interface Checker<T> {
  safeParse(
    data: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/** An error from the API envelope `{error:{code,message,requestId,details}}`, or a client-side one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null,
    readonly details: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field problems from `details.issues`, or a single `{field, rule}` in `details`. */
  get issues(): FieldIssue[] {
    return issuesOf(this.details);
  }
}

function isIssue(value: unknown): value is FieldIssue {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.field === 'string' && typeof v.rule === 'string';
}

function issuesOf(details: unknown): FieldIssue[] {
  if (typeof details !== 'object' || details === null) return [];
  const list = (details as { issues?: unknown }).issues;
  if (Array.isArray(list)) {
    // the reason travels too: it is what the console words the problem from (issueMessage)
    return list.filter(isIssue).map((i) => ({
      field: i.field,
      rule: i.rule,
      message: String(i.message ?? ''),
      ...(i.reason === undefined ? {} : { reason: i.reason }),
    }));
  }
  return isIssue(details) ? [{ ...details, message: String(details.message ?? '') }] : [];
}

let csrfToken: string | null = null;

/** Keeps the session's CSRF token (from login or /auth/me) in memory for writes. */
export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null;
}

export type QueryValue = string | number | boolean | null | undefined;

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

function warnMismatch(method: string, path: string, checker: Checker<unknown>, data: unknown): void {
  const result = checker.safeParse(data);
  if (result.success) return;
  const issues = result.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  console.warn(`[contract] ${method} ${path} response does not match the contract: ${issues.join('; ')}`);
}

async function parseError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON (proxy error page, empty body): fall through to a generic error
  }
  const err = (body as { error?: Record<string, unknown> } | null)?.error;
  if (err && typeof err.code === 'string') {
    const requestId = typeof err.requestId === 'string' ? err.requestId : null;
    return new ApiError(res.status, err.code, String(err.message ?? ''), requestId, err.details);
  }
  const code = res.status >= 500 ? (res.status === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL') : 'UNKNOWN';
  return new ApiError(res.status, code, res.statusText, null, undefined);
}

export interface RequestOptions<T> {
  query?: Record<string, QueryValue>;
  body?: unknown;
  check?: Checker<T>;
  signal?: AbortSignal;
}

/**
 * One JSON request to `/api{path}`; throws ApiError on any non-2xx answer. Only api/endpoints.ts
 * calls it, with a path built from a catalogue endpoint (ADR 0011).
 */
export async function request<T>(method: string, path: string, opts: RequestOptions<T> = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', String(cause), null, undefined);
  }
  if (!res.ok) throw await parseError(res);
  const data: unknown = res.status === 204 ? null : await res.json();
  if (opts.check) warnMismatch(method, path, opts.check as Checker<unknown>, data);
  return data as T;
}

/** GET a file (an export): its bytes and the name the server gave it; throws ApiError (worded refusals) on any non-2xx. */
export async function fetchFile(path: string, query?: Record<string, QueryValue>): Promise<{ blob: Blob; fileName: string | null }> {
  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), { method: 'GET', credentials: 'same-origin' });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK_ERROR', String(cause), null, undefined);
  }
  if (!res.ok) throw await parseError(res);
  const disposition = res.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  return { blob: await res.blob(), fileName: encoded ? decodeURIComponent(encoded) : null };
}

/** POST a file as multipart/form-data (one part named `file`) with the session's CSRF header. */
export async function postMultipart<T>(
  path: string,
  file: Blob,
  name: string,
  opts: { query?: Record<string, QueryValue>; check?: Checker<T>; signal?: AbortSignal } = {},
): Promise<T> {
  const body = new FormData();
  body.append('file', file, name);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), { method: 'POST', headers, credentials: 'same-origin', body, signal: opts.signal });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', String(cause), null, undefined);
  }
  if (!res.ok) throw await parseError(res);
  const data: unknown = await res.json();
  if (opts.check) warnMismatch('POST', path, opts.check as Checker<unknown>, data);
  return data as T;
}

/** `{items,total}` pages returned by list endpoints. */
export interface Page<T> {
  items: T[];
  total: number;
}
