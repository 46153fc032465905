import type { EndpointSpec } from '../api/endpoint.js';
import { HandlePathParamsSchema } from '../handle-records.js';
import { HandlePutBodySchema } from '../handles.js';

const tags = ['identifiers: Handle.Net REST API'];

// Said once for every operation of the family: the catalogue's `public` means the handler decides.
const HANDLER_DECIDES =
  'The handler decides who may: it answers anonymous callers with public-read values (rate-limited per client ' +
  'address) and authenticates writers itself — Bearer <API token> or Handle’s Basic `300%3A<prefix>/<token name>:<token>` ' +
  '(cookie sessions are not read). Answers and errors are Handle.Net JSON `{ responseCode, handle?, message? }` ' +
  'with the manual’s HTTP statuses, not the platform’s error envelope.';

/**
 * The Handle.Net v9 JSON REST API (manual ch. 14), wire-compatible with Handle clients. Every
 * endpoint is `raw`: its handler parses the request (the handle from the raw path, a strict UTF-8
 * JSON body) and writes the Handle-shaped answer itself, so the cached anonymous resolution stays a
 * bare synchronous route. Spread into the identifier endpoints (identifiers.ts).
 */
export const handleNetEndpoints = {
  resolveHandle: {
    method: 'GET',
    path: '/api/handles/*',
    access: 'public',
    tags,
    summary: 'Resolve a handle (Handle.Net JSON)',
    description: `Query: index= and type= (repeatable), publicOnly=, redirect (302 to the first public http(s) URL value). Open to any origin (CORS). ${HANDLER_DECIDES}`,
    params: HandlePathParamsSchema,
    success: 200,
    responseKind: 'raw',
  },
  putHandle: {
    method: 'PUT',
    path: '/api/handles/*',
    access: 'public',
    tags,
    summary: 'Create or replace a handle, or some of its values',
    description: `201 created, 200 replaced. Query: overwrite=, mintNewSuffix=, index=. The body is UTF-8 JSON: an array of values, { values: [...] } or one value. ${HANDLER_DECIDES}`,
    params: HandlePathParamsSchema,
    body: HandlePutBodySchema,
    success: 200,
    responseKind: 'raw',
  },
  deleteHandle: {
    method: 'DELETE',
    path: '/api/handles/*',
    access: 'public',
    tags,
    summary: 'Delete a handle, or some of its values',
    description: `Query: index= (repeatable) deletes only those values. ${HANDLER_DECIDES}`,
    params: HandlePathParamsSchema,
    success: 200,
    responseKind: 'raw',
  },
  listHandles: {
    method: 'GET',
    path: '/api/handles',
    access: 'public',
    tags,
    summary: 'List the handles of a prefix',
    description: `Query: prefix= (required), page= (0-based), pageSize=. For the prefix’s readers only. ${HANDLER_DECIDES}`,
    success: 200,
    responseKind: 'raw',
  },
  listServedHandlePrefixes: {
    method: 'GET',
    path: '/api/prefixes',
    access: 'public',
    tags,
    summary: 'Prefixes served here',
    description: `Query: page= (0-based), pageSize=. ${HANDLER_DECIDES}`,
    success: 200,
    responseKind: 'raw',
  },
  searchHandlesByValue: {
    method: 'GET',
    path: '/hrls/handles',
    access: 'public',
    tags,
    summary: 'Reverse lookup in the shape of the Handle reverse-lookup servlet',
    description: `Query: one or more <TYPE>=<value> pairs (e.g. URL=…, CHECKSUM=…; exact match, every pair must hold on one handle) and limit= (1–200, default 200). Answers a JSON array of handles, as PYHANDLE’s search_handle reads it; anonymous callers match public-read values only, authenticated ones the values of the prefixes they read. ${HANDLER_DECIDES}`,
    success: 200,
    responseKind: 'raw',
  },
  preflightHandle: {
    method: 'OPTIONS',
    path: '/api/handles/*',
    access: 'public',
    tags,
    description: 'CORS preflight: reads are open to any origin, without credentials.',
    success: 204,
    responseKind: 'empty',
  },
  preflightHandleList: {
    method: 'OPTIONS',
    path: '/api/handles',
    access: 'public',
    tags,
    description: 'CORS preflight: reads are open to any origin, without credentials.',
    success: 204,
    responseKind: 'empty',
  },
  preflightServedHandlePrefixes: {
    method: 'OPTIONS',
    path: '/api/prefixes',
    access: 'public',
    tags,
    description: 'CORS preflight: reads are open to any origin, without credentials.',
    success: 204,
    responseKind: 'empty',
  },
} as const satisfies Record<string, EndpointSpec>;
