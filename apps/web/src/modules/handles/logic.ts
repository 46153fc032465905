/**
 * Pure helpers of the identifier console and the public resolve page: handle ↔ URL path, the four
 * permission bits of a value (RFC 3651) ↔ check boxes, and Handle.Net response codes.
 */

/** Where the public resolve page lives; the handle follows as the rest of the path. */
export const RESOLVE_BASE = '/resolve';

/**
 * A handle as URL path segments: only the characters a path cannot carry are escaped, `/` stays a
 * separator (Handle.Net's REST API and the DOI proxy take `88.118.8/A/B` as it is).
 */
export function encodeHandlePath(handle: string): string {
  return handle.split('/').map(encodeURIComponent).join('/');
}

/** The public resolve page of a handle (relative). */
export function resolvePagePath(handle: string): string {
  return `${RESOLVE_BASE}/${encodeHandlePath(handle)}`;
}

/** The absolute resolver URL printed in the QR code. */
export function resolverUrl(origin: string, handle: string): string {
  return `${origin.replace(/\/$/, '')}${resolvePagePath(handle)}`;
}

/**
 * The handle in a resolve page's path (`/resolve/88.118.8/A%2FB` → `88.118.8/A/B`): everything after the
 * base, decoded segment by segment; '' when there is none or the escapes are broken.
 */
export function handleFromPathname(pathname: string, base = RESOLVE_BASE): string {
  if (pathname !== base && !pathname.startsWith(`${base}/`)) return '';
  const rest = pathname.slice(base.length + 1);
  try {
    return rest.split('/').map(decodeURIComponent).join('/');
  } catch {
    return '';
  }
}

/** Prefix and suffix: only the first `/` separates them (RFC 3650). */
export function splitHandle(handle: string): { prefix: string; suffix: string } | null {
  const slash = handle.indexOf('/');
  if (slash <= 0) return null;
  return { prefix: handle.slice(0, slash), suffix: handle.slice(slash + 1) };
}

/** The four permission bits of a value, in the order Handle tools print them (`1110`). */
export const PERMISSION_FLAGS = ['adminRead', 'adminWrite', 'publicRead', 'publicWrite'] as const;
export type PermissionFlag = (typeof PERMISSION_FLAGS)[number];

/** Handle's default for new values: admins read and write, the public reads. */
export const DEFAULT_PERMISSIONS = '1110';

/** `1110` → the flags that are set (`['adminRead','adminWrite','publicRead']`); malformed → the default's. */
export function flagsOfBits(bits: string): PermissionFlag[] {
  const valid = /^[01]{4}$/.test(bits) ? bits : DEFAULT_PERMISSIONS;
  return PERMISSION_FLAGS.filter((_, i) => valid[i] === '1');
}

/** The flags that are set → `1110`. */
export function bitsOfFlags(flags: readonly string[]): string {
  return PERMISSION_FLAGS.map((flag) => (flags.includes(flag) ? '1' : '0')).join('');
}

/** Handle.Net response codes the API answers with (Handle.Net manual §14). */
export const RESPONSE_CODES = [1, 2, 3, 100, 101, 102, 200, 402] as const;
export type ResponseCode = (typeof RESPONSE_CODES)[number];

/** The response code as one of the known ones, or 2 (error) for anything else. */
export function knownResponseCode(code: unknown): ResponseCode {
  return RESPONSE_CODES.find((c) => c === code) ?? 2;
}

/** The GB/T 4754 division (two digits) of an industry class: `C3831` → `38`, for the industry code list. */
export function industryDivision(code: string): string {
  return /^[A-T](\d{2})/.exec(code)?.[1] ?? '';
}

/** Index 1001 holds the template version and attributes start at 2000 (IDIS); the rest are raw Handle values. */
export function isRawValue(index: number): boolean {
  return index < 2000 && index !== 1001;
}

interface ItemType {
  name: string;
  type: 'string' | 'number' | 'date' | 'url' | 'enum';
}

/** A date picker's value (dayjs) or anything else with `format`. */
function isDateLike(value: unknown): value is { format(pattern: string): string } {
  return typeof value === 'object' && value !== null && typeof (value as { format?: unknown }).format === 'function';
}

/** Form values → the `attributes` of a registration: dates as YYYY-MM-DD, numbers as numbers, blanks left out. */
export function attributesForSubmit(items: readonly ItemType[], raw: Record<string, unknown> | undefined): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const item of items) {
    const value = raw?.[item.name];
    if (value === undefined || value === null) continue;
    if (isDateLike(value)) out[item.name] = value.format('YYYY-MM-DD');
    else if (typeof value === 'number') out[item.name] = value;
    else if (typeof value === 'string' && value.trim() !== '') out[item.name] = value.trim();
  }
  return out;
}

/** A record's attributes (strings) → form values: numbers as numbers, dates through `toDate`. */
export function attributesForForm<D>(
  items: readonly ItemType[],
  attributes: Record<string, string>,
  toDate: (iso: string) => D,
): Record<string, string | number | D> {
  const out: Record<string, string | number | D> = {};
  for (const item of items) {
    const value = attributes[item.name];
    if (value === undefined) continue;
    if (item.type === 'number' && value.trim() !== '' && Number.isFinite(Number(value))) out[item.name] = Number(value);
    else if (item.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) out[item.name] = toDate(value);
    else out[item.name] = value;
  }
  return out;
}

/** The limits that apply to each item type; the editor shows only these and sends only these. */
export const LIMITS_BY_TYPE = {
  string: ['minLength', 'maxLength', 'pattern'],
  url: ['minLength', 'maxLength'],
  number: ['min', 'max'],
  date: ['minDate', 'maxDate'],
  enum: ['options'],
} as const;

const BASE_KEYS = ['name', 'label', 'type', 'required'] as const;

/** An edited template item → what the API takes: its type's limits only, blanks and empty lists dropped. */
export function cleanTemplateItem(item: Record<string, unknown>): Record<string, unknown> {
  const type = item.type as keyof typeof LIMITS_BY_TYPE;
  const keys = [...BASE_KEYS, ...(LIMITS_BY_TYPE[type] ?? [])];
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    let value = item[key];
    if (typeof value === 'string') value = value.trim();
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = value;
  }
  out.required = item.required === true;
  return out;
}

/**
 * The form path of an issue from the identifier API: `attributes.batchNo` → ['attributes','batchNo'],
 * `items[2].name` → ['items', 2, 'name'] (Form.List rows); null for paths no field stands for
 * (`values[index=3]`, `body`).
 */
export function issuePath(field: string): (string | number)[] | null {
  const path = field.replace(/^(body|querystring|query|params)(\.|$)/, '');
  if (path === '' || path.includes('=')) return null;
  const parts: (string | number)[] = [];
  for (const segment of path.split('.')) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(segment);
    if (!m?.[1]) return null;
    parts.push(m[1]);
    for (const index of (m[2] ?? '').matchAll(/\[(\d+)\]/g)) parts.push(Number(index[1]));
  }
  return parts;
}

/** Template rules the server reports per item, localised in the console (others keep the server's message). */
export const ITEM_RULES = [
  'required',
  'min_length',
  'max_length',
  'pattern',
  'number',
  'min',
  'max',
  'date',
  'min_date',
  'max_date',
  'url',
  'enum',
  'not_in_template',
] as const;
export type ItemRule = (typeof ITEM_RULES)[number];

export function isItemRule(rule: string): rule is ItemRule {
  return (ITEM_RULES as readonly string[]).includes(rule);
}
