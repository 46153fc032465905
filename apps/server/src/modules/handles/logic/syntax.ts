import { HANDLE_LIMITS } from '@suilian/contracts';

/**
 * Handle syntax (RFC 3650 §3–4): `<prefix>/<suffix>`, only the first `/` separates them; a derived
 * prefix is its parent, `.`, and a segment without `/` or `.`. UTF-8 only. Comparison is ASCII
 * case-insensitive (the Handle.Net server default) with no other folding: `é` and `É` stay distinct.
 */
export interface SyntaxProblem {
  rule: 'missing_slash' | 'empty_prefix' | 'empty_suffix' | 'malformed_prefix' | 'invalid_utf8' | 'control_character' | 'too_long';
  message: string;
}

export interface ParsedHandle {
  handle: string;
  prefix: string;
  suffix: string;
  /** Lookup key: ASCII letters upper-cased, everything else as is. */
  key: string;
  prefixKey: string;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string can be encoded as UTF-8 (no lone surrogates, e.g. from a JSON `\ud800` escape). */
export function isWellFormed(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/** C0 control characters and DEL have no place in a handle or a value type. */
export function hasControl(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Upper-cases a–z only: the Handle.Net default case rule (no Unicode folding). */
export function asciiUpper(value: string): string {
  if (!/[a-z]/.test(value)) return value;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    out += c >= 97 && c <= 122 ? String.fromCharCode(c - 32) : value[i];
  }
  return out;
}

export function utf8Length(value: string): number {
  return Buffer.byteLength(value, 'utf8');
}

/**
 * Percent-decodes a URL path part into a string, refusing malformed escapes and byte sequences
 * that are not UTF-8 (`%FF`, overlong forms, lone surrogates).
 */
export function decodePathPart(raw: string): string | SyntaxProblem {
  // Hot path: most handles arrive without escapes.
  if (!raw.includes('%')) return raw;
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (ch === '%') {
      const hex = raw.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return { rule: 'invalid_utf8', message: `malformed percent-escape at position ${i}` };
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      for (const b of Buffer.from(ch, 'utf8')) bytes.push(b);
    }
  }
  try {
    return utf8.decode(Uint8Array.from(bytes));
  } catch {
    return { rule: 'invalid_utf8', message: 'the handle is not valid UTF-8' };
  }
}

/** Checks a prefix: segments separated by `.`, none empty, no `/`, no control characters, bounded length. */
export function prefixProblem(prefix: string): SyntaxProblem | null {
  if (prefix.length === 0) return { rule: 'empty_prefix', message: 'the prefix is empty' };
  if (!isWellFormed(prefix)) return { rule: 'invalid_utf8', message: 'the prefix is not valid UTF-8' };
  if (hasControl(prefix)) return { rule: 'control_character', message: 'the prefix contains a control character' };
  if (utf8Length(prefix) > HANDLE_LIMITS.prefixBytes) {
    return { rule: 'too_long', message: `the prefix is longer than ${HANDLE_LIMITS.prefixBytes} bytes` };
  }
  if (prefix.includes('/')) return { rule: 'malformed_prefix', message: 'a prefix cannot contain "/"' };
  if (prefix.split('.').some((segment) => segment.length === 0)) {
    return { rule: 'malformed_prefix', message: 'a prefix is segments separated by single dots, none empty (e.g. 88.118.8)' };
  }
  return null;
}

/** Splits and checks a handle; returns the problem when it breaks a rule. */
export function parseHandle(handle: string): ParsedHandle | SyntaxProblem {
  if (!isWellFormed(handle)) return { rule: 'invalid_utf8', message: 'the handle is not valid UTF-8' };
  const slash = handle.indexOf('/');
  if (slash < 0) return { rule: 'missing_slash', message: 'a handle is <prefix>/<suffix>; there is no "/"' };
  const prefix = handle.slice(0, slash);
  const suffix = handle.slice(slash + 1);
  const problem = prefixProblem(prefix);
  if (problem) return problem;
  if (suffix.length === 0) return { rule: 'empty_suffix', message: 'the suffix after "/" is empty' };
  if (hasControl(suffix)) return { rule: 'control_character', message: 'the suffix contains a control character' };
  if (utf8Length(suffix) > HANDLE_LIMITS.suffixBytes) {
    return { rule: 'too_long', message: `the suffix is longer than ${HANDLE_LIMITS.suffixBytes} bytes` };
  }
  if (utf8Length(handle) > HANDLE_LIMITS.handleBytes) {
    return { rule: 'too_long', message: `the handle is longer than ${HANDLE_LIMITS.handleBytes} bytes` };
  }
  return { handle, prefix, suffix, key: asciiUpper(handle), prefixKey: asciiUpper(prefix) };
}

export function isSyntaxProblem(value: unknown): value is SyntaxProblem {
  return typeof value === 'object' && value !== null && 'rule' in value && 'message' in value;
}

/** `88.118.8` → `88.118`; a top-level prefix has no parent. */
export function parentOf(prefix: string): string | null {
  const dot = prefix.lastIndexOf('.');
  return dot > 0 ? prefix.slice(0, dot) : null;
}

/** The derived prefix `parent.segment` (RFC 3650 §3), or the problem. */
export function derivePrefix(parent: string, segment: string): string | SyntaxProblem {
  const problem = prefixProblem(parent);
  if (problem) return problem;
  if (segment.length === 0 || segment.includes('.') || segment.includes('/')) {
    return { rule: 'malformed_prefix', message: 'the new segment must be non-empty and contain neither "." nor "/"' };
  }
  const derived = `${parent}.${segment}`;
  return prefixProblem(derived) ?? derived;
}
