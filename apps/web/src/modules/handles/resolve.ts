import { API } from '@suilian/contracts';
import { useQuery } from '@tanstack/react-query';
import { urlOf } from '../../api/endpoints';
import { ApiError } from '../../api/http';

/** One value as the Handle.Net JSON REST API returns it. */
export interface ResolvedValue {
  index: number;
  type: string;
  data: { format: string; value: unknown };
  ttl?: number;
  timestamp?: string;
  permissions?: string;
}

/** The Handle.Net answer: a response code, and the handle and values on success. */
export interface ResolveAnswer {
  responseCode: number;
  handle?: string;
  values?: ResolvedValue[];
  message?: string;
}

/** Where a handle resolves (the Handle.Net REST API): its slashes stay path separators. */
export function resolveUrl(handle: string): string {
  return urlOf(API.resolveHandle, { params: { '*': handle } });
}

/**
 * Resolves a handle through the Handle.Net REST API as any Handle client does. Not-found and the
 * other Handle codes come with a Handle-shaped body and a 4xx status: answers to show, not failures.
 */
export async function resolveHandle(handle: string, signal?: AbortSignal): Promise<ResolveAnswer> {
  let res: Response;
  try {
    res = await fetch(resolveUrl(handle), { headers: { Accept: 'application/json' }, credentials: 'same-origin', signal });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', String(cause), null, undefined);
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON: handled below
  }
  if (body && typeof body === 'object' && typeof (body as ResolveAnswer).responseCode === 'number') return body as ResolveAnswer;
  const err = (body as { error?: { code?: unknown; message?: unknown; requestId?: unknown } } | null)?.error;
  if (err && typeof err.code === 'string') {
    throw new ApiError(
      res.status,
      err.code,
      String(err.message ?? ''),
      typeof err.requestId === 'string' ? err.requestId : null,
      undefined,
    );
  }
  throw new ApiError(res.status, res.status >= 500 ? 'INTERNAL' : 'UNKNOWN', res.statusText, null, undefined);
}

/** The record of a handle for the resolve page; nothing is fetched for an empty handle. */
export function useResolve(handle: string) {
  return useQuery({
    queryKey: ['handles', 'resolve', handle],
    enabled: handle !== '',
    queryFn: ({ signal }) => resolveHandle(handle, signal),
    retry: false,
  });
}

/** A value's text for people: strings as they are, admin values as `handle:index`, binary as given. */
export function valueText(value: ResolvedValue): string {
  const v = value.data.value;
  if (typeof v === 'string') return v;
  if (value.data.format === 'admin' && v && typeof v === 'object') {
    const admin = v as { handle?: unknown; index?: unknown; permissions?: unknown };
    return `${String(admin.handle)}:${String(admin.index)} (${String(admin.permissions ?? '')})`;
  }
  return JSON.stringify(v);
}

/** Whether a value is a web link worth following (`URL` type or an http(s) string). */
export function isLink(value: ResolvedValue): boolean {
  const v = value.data.value;
  return value.data.format === 'string' && typeof v === 'string' && /^https?:\/\//i.test(v);
}
