import {
  DEFAULT_VALUE_PERMISSIONS,
  DEFAULT_VALUE_TTL,
  HANDLE_LIMITS,
  type HandleIssue,
  type HandleValue,
  type HandleValueData,
  type HandleValueInput,
  HS_ADMIN_INDEX,
} from '@suilian/contracts';
import { asciiUpper, hasControl, isWellFormed } from './syntax.js';

/**
 * The value model of RFC 3651 §3.1 as stored: every field present, permissions explicit. Stored
 * in one JSONB array per handle so a resolution is one primary-key read.
 */
export interface StoredValue {
  index: number;
  type: string;
  data: HandleValueData;
  ttl: number;
  timestamp: string;
  permissions: string;
}

/** HS_ADMIN default permission mask: everything but add/delete naming authority (RFC 3651 §3.2.2). */
export const DEFAULT_ADMIN_MASK = '011111110011';

/** The four bits: admin read, admin write, public read, public write. */
export const canPublicRead = (permissions: string) => permissions[2] === '1';
export const canAdminRead = (permissions: string) => permissions[0] === '1';

/**
 * Normalises the values a client sent: data strings become `{format:'string'}`, hex is lower-cased,
 * defaults filled, timestamp set to `now` unless the value is unchanged from `previous` (same index,
 * type, data, ttl, permissions keep their old timestamp so retries do not churn).
 */
export function normaliseValues(
  inputs: readonly HandleValueInput[],
  now: Date,
  previous: readonly StoredValue[] = [],
  field = 'values',
): { values: StoredValue[]; issues: HandleIssue[] } {
  const issues: HandleIssue[] = [];
  const seen = new Map<number, number>();
  const prior = new Map(previous.map((v) => [v.index, v]));
  const values: StoredValue[] = [];
  inputs.forEach((input, position) => {
    const at = `${field}[${position}]`;
    const first = seen.get(input.index);
    if (first !== undefined) {
      issues.push({
        field: `${at}.index`,
        rule: 'duplicate_index',
        message: `index ${input.index} appears twice (also at ${field}[${first}])`,
      });
      return;
    }
    seen.set(input.index, position);
    if (!isWellFormed(input.type) || hasControl(input.type)) {
      issues.push({ field: `${at}.type`, rule: 'invalid_type', message: 'the type must be UTF-8 text without control characters' });
      return;
    }
    const data: HandleValueData = typeof input.data === 'string' ? { format: 'string', value: input.data } : input.data;
    const isAdminType = asciiUpper(input.type) === 'HS_ADMIN';
    if (isAdminType !== (data.format === 'admin')) {
      issues.push({ field: `${at}.data.format`, rule: 'admin_format', message: 'HS_ADMIN values and only they use the admin format' });
      return;
    }
    if (data.format === 'string' && !isWellFormed(data.value)) {
      issues.push({ field: `${at}.data.value`, rule: 'invalid_utf8', message: 'string data must be valid UTF-8' });
      return;
    }
    const normalised: HandleValueData = data.format === 'hex' ? { format: 'hex', value: data.value.toLowerCase() } : data;
    const candidate = {
      index: input.index,
      type: input.type,
      data: normalised,
      ttl: input.ttl ?? DEFAULT_VALUE_TTL,
      permissions: input.permissions ?? DEFAULT_VALUE_PERMISSIONS,
    };
    const old = prior.get(input.index);
    const timestamp = old && sameContent(old, candidate) ? old.timestamp : isoSeconds(now);
    values.push({ ...candidate, timestamp });
  });
  if (inputs.length > 0 && values.length === 0 && issues.length === 0) issues.push({ field, rule: 'empty', message: 'no values' });
  return { values, issues };
}

/** The HS_ADMIN value a new handle gets when the client sent none: the prefix's admin group. */
export function defaultAdminValue(prefix: string, now: Date): StoredValue {
  return {
    index: HS_ADMIN_INDEX,
    type: 'HS_ADMIN',
    data: { format: 'admin', value: { handle: `0.NA/${prefix}`, index: 200, permissions: DEFAULT_ADMIN_MASK } },
    ttl: DEFAULT_VALUE_TTL,
    timestamp: isoSeconds(now),
    permissions: DEFAULT_VALUE_PERMISSIONS,
  };
}

/** Whether two values hold the same content (timestamps aside). */
export function sameContent(a: Omit<StoredValue, 'timestamp'>, b: Omit<StoredValue, 'timestamp'>): boolean {
  return a.index === b.index && a.type === b.type && a.ttl === b.ttl && a.permissions === b.permissions && sameData(a.data, b.data);
}

/** Data equality regardless of key order (JSONB hands objects back with its own key order). */
export function sameData(a: HandleValueData, b: HandleValueData): boolean {
  if (a.format !== b.format) return false;
  if (a.format === 'admin' && b.format === 'admin') {
    return a.value.handle === b.value.handle && a.value.index === b.value.index && a.value.permissions === b.value.permissions;
  }
  return a.value === b.value;
}

/** Data with its keys in the manual's order: format, value (and handle, index, permissions for admin). */
export function orderedData(data: HandleValueData): HandleValueData {
  if (data.format === 'admin')
    return { format: 'admin', value: { handle: data.value.handle, index: data.value.index, permissions: data.value.permissions } };
  return { format: data.format, value: data.value } as HandleValueData;
}

/** Two records with the same values by index (order and timestamps aside). */
export function sameRecord(a: readonly StoredValue[], b: readonly StoredValue[]): boolean {
  if (a.length !== b.length) return false;
  const byIndex = new Map(b.map((v) => [v.index, v]));
  return a.every((v) => {
    const other = byIndex.get(v.index);
    return other !== undefined && sameContent(v, other);
  });
}

/** Handle.Net wire form (HS_SECKEY data blanked); `permissions` only when it is not the default 1110 (as the proxy prints). */
export function toWire(value: StoredValue): HandleValue {
  const wire: HandleValue = {
    index: value.index,
    type: value.type,
    // A secret key is listed (clients check an identity exists) but its data never leaves the server.
    data: asciiUpper(value.type) === 'HS_SECKEY' ? { format: 'string', value: '' } : orderedData(value.data),
    ttl: value.ttl,
    timestamp: value.timestamp,
  };
  if (value.permissions !== DEFAULT_VALUE_PERMISSIONS) wire.permissions = value.permissions;
  return wire;
}

/**
 * The `index=` / `type=` filter of GET /api/handles: a value matches when its index is listed or
 * its type matches one listed; `URL.` matches `URL` and its subtypes `URL.x…`; types compare ASCII
 * case-insensitively. No filter: every value.
 */
export function matchesFilter(value: { index: number; type: string }, indexes: readonly number[], types: readonly string[]): boolean {
  if (indexes.length === 0 && types.length === 0) return true;
  if (indexes.includes(value.index)) return true;
  const type = asciiUpper(value.type);
  return types.some((t) => {
    const wanted = asciiUpper(t);
    if (wanted.endsWith('.')) return type === wanted.slice(0, -1) || type.startsWith(wanted);
    return type === wanted;
  });
}

/** The smallest TTL among values, in seconds (how long a cached record stays fresh). */
export function recordTtl(values: readonly StoredValue[], fallback = DEFAULT_VALUE_TTL): number {
  return values.reduce((min, v) => Math.min(min, v.ttl), values.length ? Number.POSITIVE_INFINITY : fallback);
}

/** A string data value longer than this is not indexed for reverse lookup. */
export const REVERSE_INDEX_MAX = 2048;
export const TYPE_MAX = HANDLE_LIMITS.types;

export function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
