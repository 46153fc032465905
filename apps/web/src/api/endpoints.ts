import { type CallInput, type Endpoint, type EndpointSpec, pathOf, type ResultOf } from '@suilian/contracts';
import type { z } from 'zod';
import { type Checker, fetchFile, postMultipart, type QueryValue, request } from './http';

/**
 * The console's way to the API: every call names a catalogue endpoint (packages/contracts), so no
 * path or response type is restated here (ADR 0011). JSON answers are checked against the
 * endpoint's response schema in development builds, mismatches logged.
 */

// No required member (no params, no body): the input may be left out.
type Args<E extends EndpointSpec> =
  Record<never, never> extends CallInput<E>
    ? [input?: CallInput<E> & { signal?: AbortSignal }]
    : [input: CallInput<E> & { signal?: AbortSignal }];

function relativePath(endpoint: Endpoint, params: unknown): string {
  // The HTTP helpers prefix `/api` themselves.
  return pathOf(endpoint, params as Record<string, unknown> | undefined).replace(/^\/api/, '');
}

const checkerOf = (endpoint: Endpoint) => endpoint.response as (z.ZodType & Checker<unknown>) | undefined;

/** Calls a JSON endpoint and resolves to its parsed answer; throws ApiError on any non-2xx. */
export function call<E extends Endpoint>(endpoint: E, ...[input]: Args<E>): Promise<ResultOf<E>> {
  const { params, query, body, signal } = (input ?? {}) as {
    params?: unknown;
    query?: Record<string, QueryValue>;
    body?: unknown;
    signal?: AbortSignal;
  };
  const sendsBody = endpoint.method !== 'GET' && endpoint.method !== 'DELETE';
  return request<ResultOf<E>>(endpoint.method, relativePath(endpoint, params), {
    query,
    body: sendsBody ? (body ?? {}) : undefined,
    check: checkerOf(endpoint) as Checker<ResultOf<E>> | undefined,
    signal,
  });
}

/** The URL of an endpoint the browser follows itself (downloads, exports, documents, images). */
export function urlOf<E extends Endpoint>(endpoint: E, ...[input]: Args<E>): string {
  const { params, query } = (input ?? {}) as { params?: unknown; query?: Record<string, QueryValue> };
  const path = pathOf(endpoint, params as Record<string, unknown> | undefined);
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    qs.set(key, String(value));
  }
  const text = qs.toString();
  return text ? `${path}?${text}` : path;
}

/** Fetches a file endpoint (an export) as a Blob with its download name; refusals come back as ApiError. */
export function download<E extends Endpoint>(endpoint: E, ...[input]: Args<E>): Promise<{ blob: Blob; fileName: string | null }> {
  const { params, query } = (input ?? {}) as { params?: unknown; query?: Record<string, QueryValue> };
  return fetchFile(relativePath(endpoint, params), query);
}

/** Sends one file to an upload endpoint (multipart/form-data, part `file`). */
export function upload<E extends Endpoint & { upload: true }>(
  endpoint: E,
  file: Blob,
  fileName: string,
  ...[input]: Args<E>
): Promise<ResultOf<E>> {
  const { params, query, signal } = (input ?? {}) as { params?: unknown; query?: Record<string, QueryValue>; signal?: AbortSignal };
  return postMultipart<ResultOf<E>>(relativePath(endpoint, params), file, fileName, {
    query,
    check: checkerOf(endpoint) as Checker<ResultOf<E>> | undefined,
    signal,
  });
}

type QueryInput<E extends EndpointSpec> = E['query'] extends z.ZodType ? z.input<E['query']> : never;

/**
 * List filters as the URL keeps them (strings, e.g. `?level=factory`) typed as the endpoint's
 * query: the server validates them like any other query and names a bad one.
 */
export function urlQuery<E extends Endpoint>(_endpoint: E, values: Record<string, string | number | undefined>): QueryInput<E> {
  return values as QueryInput<E>;
}
