import fc from 'fast-check';

/**
 * The bad values of the property-based input test (issue #11 item 2): text the database cannot
 * store or that is not text at all, huge strings, wrong types, extreme numbers and dates, nested
 * junk. Each is a JSON value, so it can go into a body, and has a query-string form.
 */

const around = (inner: fc.Arbitrary<string>) =>
  fc.tuple(fc.string({ maxLength: 8 }), inner, fc.string({ maxLength: 8 })).map(([a, x, b]) => `${a}${x}${b}`);

/** NUL, lone surrogates and control characters inside otherwise ordinary text. */
export const hostileText = fc.oneof(
  around(fc.constant('\u0000')),
  around(fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uDFFF\uD800')),
  fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 24 }),
  fc.constantFrom(
    "' OR 1=1 --",
    '%00',
    '\\',
    '\\u0000',
    '{{7*7}}',
    '../../etc/passwd',
    '<img src=x onerror=alert(1)>',
    "=cmd|' /C calc'!A0",
  ),
);

/** Strings far longer than any field allows. */
export const hugeText = fc
  .tuple(fc.integer({ min: 2_000, max: 20_000 }), fc.constantFrom('x', '穗', '😀', '%', ' '))
  .map(([length, unit]) => unit.repeat(length));

/** Dates and timestamps no calendar has, or at the edge of what JavaScript and PostgreSQL hold. */
export const extremeDate = fc.constantFrom(
  '0001-01-01',
  '0000-01-01',
  '0000-00-00',
  '9999-12-31',
  '2026-02-30',
  '2026-13-01',
  '-000001-01-01',
  '+275760-09-14',
  '1899-12-31',
  '2200-01-01',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59-14:00',
  '2026-01-01T25:61:61Z',
  '1970-01-01T00:00:00+99:99',
);

/** Numbers at and past the limits of integers, floats and PostgreSQL's integer columns. */
export const extremeNumber = fc.constantFrom(
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 63,
  1e308,
  -1e308,
  5e-324,
  0.5,
  -1,
  -0,
);

/** Values of the wrong JSON type for any field. */
export const wrongType = fc.constantFrom<unknown>(null, true, false, [], {}, [null], { a: 1 }, '', ' ', 0);

/** Nested junk: arbitrary JSON, and arrays and objects nested far deeper than any form. */
export const nestedJunk = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.integer({ min: 65, max: 1_000 }).map((depth) => {
    let value: unknown = 'deep';
    for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
    return value;
  }),
);

/** Any bad value for one field. */
export const badValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 1, arbitrary: hugeText },
  { weight: 2, arbitrary: extremeDate },
  { weight: 2, arbitrary: extremeNumber },
  { weight: 2, arbitrary: wrongType },
  { weight: 1, arbitrary: nestedJunk },
);

/** Keys that try to reach an object's prototype, or are not text. */
export const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'a\u0000b', '\uD800', '', 'toString', 'hasOwnProperty');

/**
 * Percent-encodes a value for a URL even when it is not well-formed UTF-16 (a lone surrogate goes
 * as the bytes of its code unit, which no decoder accepts as UTF-8).
 */
export function encodeLoosely(text: string): string {
  let out = '';
  for (const unit of text) {
    const code = unit.charCodeAt(0);
    if (unit.length === 1 && code >= 0xd800 && code <= 0xdfff)
      out += `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`;
    else out += encodeURIComponent(unit);
  }
  return out;
}

/**
 * A value as query-string pairs for `key`: arrays repeat the key, objects use brackets, null is a
 * bare key; past a few levels the rest goes as JSON text.
 */
export function queryPairs(key: string, value: unknown, depth = 0): string[] {
  const name = encodeLoosely(key);
  if (value === null) return [name];
  if (depth > 4 && typeof value === 'object') return [`${name}=${encodeLoosely(JSON.stringify(value))}`];
  if (Array.isArray(value)) return value.length ? value.flatMap((item) => queryPairs(key, item, depth + 1)) : [`${name}[]=`];
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => queryPairs(`${key}[${k}]`, v, depth + 1));
  return [`${name}=${encodeLoosely(String(value))}`];
}

/** A short, printable description of a value for failure messages. */
export function describeValue(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const shown = JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
  return text.length > 60 ? `${shown} (${text.length} chars)` : shown;
}
