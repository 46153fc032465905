import type { Endpoint } from '@suilian/contracts';
import fc from 'fast-check';
import type { z } from 'zod';
import { badValue, describeValue, encodeLoosely, hostileKey, hostileText, queryPairs } from './bad-values.js';
import { elementOf, fieldsOf, sampleObject, sampleOf, unwrap } from './schema-fields.js';

/** One generated request: valid but for one bad part, which `label` names for the failure message. */
export interface BadRequest {
  method: Endpoint['method'];
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  label: string;
}

const WILDCARD = '88.118.0/MATRIX';
const COMMON_QUERY_KEYS = ['q', 'sort', 'page', 'pageSize', 'asOf', 'from', 'to', 'status'];
const SENDS_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** A field value as it travels in a URL: strings as they are, anything else as JSON. */
const asText = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)));

/** The path with each parameter set to a sample value, or `bad` for the parameter named `badParam`. */
function pathWith(endpoint: Endpoint, badParam?: string, bad?: unknown): string {
  const shape = fieldsOf(endpoint.params);
  return endpoint.path.replace(/:([A-Za-z0-9_]+)|\*$/g, (match, name: string | undefined) => {
    const key = name ?? '*';
    if (key === badParam) return encodeLoosely(asText(bad));
    if (match === '*') return WILDCARD;
    const sample = shape[key] ? sampleOf(shape[key]) : undefined;
    return encodeURIComponent(sample === undefined ? 'x' : String(sample));
  });
}

function queryWith(endpoint: Endpoint, pairs: string[] = []): string {
  const base = Object.entries(sampleObject(endpoint.query)).flatMap(([k, v]) => queryPairs(k, v));
  const all = [...base, ...pairs];
  return all.length ? `?${all.join('&')}` : '';
}

function jsonRequest(endpoint: Endpoint, body: unknown, label: string, query = ''): BadRequest {
  return {
    method: endpoint.method,
    url: pathWith(endpoint) + (query || queryWith(endpoint)),
    headers: { 'content-type': 'application/json' },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
    label,
  };
}

/** A copy of `base` with `key` set to `value` as an own property (so `__proto__` travels as a key). */
function withKey(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...base };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

/** A sample JSON body for endpoints that take one, so a bad URL is the request's only fault. */
function sampleBody(endpoint: Endpoint): Pick<BadRequest, 'headers' | 'payload'> {
  if (!SENDS_BODY.has(endpoint.method) || endpoint.upload) return { headers: {} };
  return { headers: { 'content-type': 'application/json' }, payload: JSON.stringify(sampleObject(endpoint.body)) };
}

function paramVariant(endpoint: Endpoint): fc.Arbitrary<BadRequest> | null {
  const names = [...endpoint.path.matchAll(/:([A-Za-z0-9_]+)|\*$/g)].map((m) => m[1] ?? '*');
  if (names.length === 0) return null;
  return fc.tuple(fc.constantFrom(...names), badValue).map(([name, value]) => ({
    method: endpoint.method,
    url: pathWith(endpoint, name, value) + queryWith(endpoint),
    ...sampleBody(endpoint),
    label: `params.${name} = ${describeValue(value)}`,
  }));
}

function queryVariant(endpoint: Endpoint): fc.Arbitrary<BadRequest> {
  const keys = [...new Set([...Object.keys(fieldsOf(endpoint.query)), ...COMMON_QUERY_KEYS])];
  return fc.tuple(fc.oneof(fc.constantFrom(...keys), hostileKey), badValue).map(([key, value]) => ({
    method: endpoint.method,
    url: pathWith(endpoint) + queryWith(endpoint, queryPairs(key, value)),
    ...sampleBody(endpoint),
    label: `query.${describeValue(key)} = ${describeValue(value)}`,
  }));
}

/** A bad value in one body field, directly or inside an array element or nested object. */
function bodyFieldVariant(endpoint: Endpoint): fc.Arbitrary<BadRequest> {
  const fields = fieldsOf(endpoint.body);
  const base = sampleObject(endpoint.body);
  const keys = Object.keys(fields);
  const direct = fc
    .tuple(keys.length ? fc.oneof(fc.constantFrom(...keys), hostileKey) : hostileKey, badValue)
    .map(([key, value]) => jsonRequest(endpoint, withKey(base, key, value), `body.${describeValue(key)} = ${describeValue(value)}`));
  const nestable = keys.filter((k) => elementOf(fields[k] as z.ZodType) || Object.keys(fieldsOf(fields[k])).length);
  if (nestable.length === 0) return direct;
  const nested = fc.tuple(fc.constantFrom(...nestable), fc.oneof(hostileKey, fc.constant('x')), badValue).map(([key, inner, value]) => {
    const field = fields[key] as z.ZodType;
    const element = elementOf(field);
    const sample = sampleOf(element ?? unwrap(field));
    const holder = withKey(
      sample && typeof sample === 'object' && !Array.isArray(sample) ? (sample as Record<string, unknown>) : {},
      inner,
      value,
    );
    const label = `body.${key}${element ? '[0]' : ''}.${describeValue(inner)} = ${describeValue(value)}`;
    return jsonRequest(endpoint, withKey(base, key, element ? [holder] : holder), label);
  });
  return fc.oneof(direct, nested);
}

/** Bodies that are not the JSON object asked for: broken, truncated, prototype keys, deep nesting, other types. */
function wholeBodyVariant(endpoint: Endpoint): fc.Arbitrary<BadRequest> {
  const base = JSON.stringify(sampleObject(endpoint.body));
  const raw = fc.oneof(
    fc.constantFrom('{"a":', '{', ']', 'nul', '{"a":1}}', '[]', '"x"', '1', 'null', 'true', '{}'),
    fc.constantFrom(
      '{"__proto__":{"isAdmin":true}}',
      '{"constructor":{"prototype":{"isAdmin":true}}}',
      '{"a":"\\u0000"}',
      '{"a":"\\ud800"}',
    ),
    fc.integer({ min: 1, max: Math.max(1, base.length - 1) }).map((cut) => base.slice(0, cut)),
    fc.integer({ min: 65, max: 2_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
    hostileText.map((text) => JSON.stringify(text)),
  );
  const typed = fc.tuple(
    raw,
    fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1'),
  );
  return typed.map(([payload, type]) => ({
    ...jsonRequest(endpoint, payload, `body (${type}) ${describeValue(payload)}`),
    headers: { 'content-type': type },
  }));
}

const BOUNDARY = 'suilianBadInputBoundary';

function multipartBody(parts: { field: string; filename: string; content: Buffer }[], boundary = BOUNDARY): Buffer {
  const chunks = parts.flatMap((p) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${p.field}"; filename="${p.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    p.content,
    Buffer.from('\r\n'),
  ]);
  return Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]);
}

/** Uploads that are not one readable file part: no boundary, truncated, odd names, junk content. */
function uploadVariant(endpoint: Endpoint): fc.Arbitrary<BadRequest> {
  const content = fc.oneof(
    fc.constantFrom('null', '[]', '"x"', '{}', '{"document":null}', '', '\u0000\u0000', 'PK\u0003\u0004junk').map((s) => Buffer.from(s)),
    fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.from(bytes)),
    hostileText.map((s) => Buffer.from(JSON.stringify({ document: { title: s } }))),
  );
  const filename = fc.oneof(
    fc.constantFrom('a.json', 'a.xlsx', 'a.csv', ''),
    hostileText.filter((s) => !/["\r\n]/.test(s)),
  );
  const part = fc.record({ field: fc.constantFrom('file', 'other', '__proto__'), filename, content });
  const mode = fc.constantFrom('ok', 'no-boundary', 'truncated', 'long-boundary', 'three-files', 'json');
  return fc.tuple(mode, part, fc.integer({ min: 1, max: 400 })).map(([how, p, cut]) => {
    const url = pathWith(endpoint) + queryWith(endpoint);
    const label = `multipart ${how}: ${p.field} ${describeValue(p.filename)} ${describeValue(p.content.toString('utf8'))}`;
    if (how === 'json')
      return { method: endpoint.method, url, headers: { 'content-type': 'application/json' }, payload: '{"file":null}', label };
    const boundary = how === 'long-boundary' ? 'b'.repeat(300) : BOUNDARY;
    let body = multipartBody(how === 'three-files' ? [p, p, p] : [p], boundary);
    if (how === 'truncated') body = body.subarray(0, Math.min(cut, body.length - 1));
    const type = how === 'no-boundary' ? 'multipart/form-data' : `multipart/form-data; boundary=${boundary}`;
    return { method: endpoint.method, url, headers: { 'content-type': type }, payload: body, label };
  });
}

/** Every kind of bad request that applies to the endpoint. */
export function badRequests(endpoint: Endpoint): fc.Arbitrary<BadRequest> {
  const variants: fc.Arbitrary<BadRequest>[] = [queryVariant(endpoint)];
  const params = paramVariant(endpoint);
  if (params) variants.push(params);
  if (endpoint.upload) variants.push(uploadVariant(endpoint), uploadVariant(endpoint));
  else if (SENDS_BODY.has(endpoint.method) || endpoint.body) {
    variants.push(bodyFieldVariant(endpoint), wholeBodyVariant(endpoint));
    if (endpoint.body) variants.push(bodyFieldVariant(endpoint));
  }
  return fc.oneof(...variants);
}
