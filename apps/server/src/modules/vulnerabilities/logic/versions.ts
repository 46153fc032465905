import type { Comparison, ParsedVersion, VersionToken } from './types.js';

/** Longer strings are not versions (they are sentences pasted into the field). */
const MAX_VERSION_LENGTH = 80;

/** Words that mark a pre-release: `1.2rc1` comes before `1.2`. Ordered as they progress. */
const PRE_RELEASE = ['dev', 'alpha', 'beta', 'pre', 'preview', 'rc'];

/** Words that name a service pack / update / build number that follows them. */
const MARKERS: Record<string, 'sp' | 'update' | 'build'> = {
  sp: 'sp',
  servicepack: 'sp',
  service_pack: 'sp',
  update: 'update',
  upd: 'update',
  u: 'update',
  hotfix: 'update',
  hf: 'update',
  patch: 'update',
  p: 'update',
  build: 'build',
  b: 'build',
  bld: 'build',
};

/**
 * Mitsubishi-style revision codes (`A8`, `FB`, `BF`, `LF`): 1–3 characters, starting with a
 * letter, no separators. They order character by character with digits before letters.
 */
const REVISION_CODE = /^[A-Za-z][A-Za-z0-9]{0,2}$/;

/**
 * A leading product prefix before the V (`MX-V4.0.2.33`, `FW V2.1`, `Version 3`), or a release
 * letter R written like V (Honeywell `R160.1`, #13 item 3): neither is part of the number.
 */
const PREFIX = /^(?:(?:[a-z]{1,4}[-_ ]?)?v(?:ersions?)?|ver\.?|rev\.?|release|firmware|fw|r(?=\d))[\s._-]*(?=\d)/i;

/** Reads a version string into tokens; never throws. `ok` is false when nothing version-like is there. */
export function parseVersion(raw: string): ParsedVersion {
  const text = typeof raw === 'string' ? raw : String(raw ?? '');
  const s = text.normalize('NFKC').trim();
  if (s === '') return { raw: text, tokens: [], ok: false, reason: 'empty version' };
  if (s.length > MAX_VERSION_LENGTH)
    return { raw: text, tokens: [], ok: false, reason: `version longer than ${MAX_VERSION_LENGTH} characters` };
  if (REVISION_CODE.test(s) && !/^(?:v|sp)\d+$/i.test(s)) {
    return { raw: text, tokens: [{ kind: 'word', value: `#${s.toUpperCase()}` }], ok: true };
  }
  const body = s.replace(PREFIX, '');
  const parts = body.toLowerCase().match(/\d+|[a-z]+/g) ?? [];
  const tokens: VersionToken[] = [];
  let hasNumber = false;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (/^\d/.test(part)) {
      hasNumber = true;
      tokens.push({ kind: 'num', value: Number(part), text: part.replace(/^0+(?=\d)/, '') });
      continue;
    }
    const next = parts[i + 1];
    const marker = MARKERS[part];
    // `sp2`, `update 3`, `build 1234`; a bare `b` after a number with nothing numeric next is a letter suffix.
    if (marker && next !== undefined && /^\d/.test(next)) {
      tokens.push({ kind: marker, value: Number(next) });
      hasNumber = true;
      i++;
      continue;
    }
    if (part === 'service' && next === 'pack' && parts[i + 2] && /^\d/.test(parts[i + 2] as string)) {
      tokens.push({ kind: 'sp', value: Number(parts[i + 2]) });
      hasNumber = true;
      i += 2;
      continue;
    }
    tokens.push({ kind: 'word', value: part });
  }
  if (!hasNumber) return { raw: text, tokens, ok: false, reason: 'no version number in it' };
  return { raw: text, tokens: trimZeros(tokens), ok: true };
}

/** `3.2.0 SP2` equals `3.2 SP2`: trailing zero numbers of a numeric run say nothing (before a marker or at the end). */
function trimZeros(tokens: VersionToken[]): VersionToken[] {
  const out: VersionToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as VersionToken;
    if (t.kind === 'num' && t.text === '0' && out.length > 0 && out[out.length - 1]?.kind === 'num') {
      let j = i;
      while (j < tokens.length && tokens[j]?.kind === 'num' && (tokens[j] as { text: string }).text === '0') j++;
      // A letter glued to the run is part of it (`1.00A` is 1.0 revision A, not 1 revision A).
      if (j === tokens.length || (tokens[j]?.kind !== 'num' && tokens[j]?.kind !== 'word')) {
        i = j - 1;
        continue;
      }
    }
    out.push(t);
  }
  return out;
}

function compareDigits(a: string, b: string): Comparison {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Base-36 character order: digits before letters, as vendors number revision codes. */
function compareCodes(a: string, b: string): Comparison | null {
  if (a.length !== b.length) return null;
  for (let i = 0; i < a.length; i++) {
    const x = Number.parseInt(a[i] as string, 36);
    const y = Number.parseInt(b[i] as string, 36);
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function preRank(word: string): number {
  return PRE_RELEASE.indexOf(word);
}

function compareTokens(a: VersionToken, b: VersionToken): Comparison | null {
  if (a.kind === 'num' && b.kind === 'num') return compareDigits(a.text, b.text);
  if (a.kind === 'word' && b.kind === 'word') {
    const ca = a.value.startsWith('#');
    const cb = b.value.startsWith('#');
    if (ca || cb) return ca && cb ? compareCodes(a.value.slice(1), b.value.slice(1)) : null;
    if (a.value === b.value) return 0;
    const ra = preRank(a.value);
    const rb = preRank(b.value);
    if (ra >= 0 && rb >= 0) return ra < rb ? -1 : 1;
    if (ra >= 0 || rb >= 0) return null;
    // Single letter suffixes (`1.2b` < `1.2c`) order alphabetically; other words are not comparable.
    if (a.value.length === 1 && b.value.length === 1) return a.value < b.value ? -1 : 1;
    return null;
  }
  if (a.kind === b.kind && a.kind !== 'word' && a.kind !== 'num') {
    const x = a.value as number;
    const y = b.value as number;
    return x === y ? 0 : x < y ? -1 : 1;
  }
  return null;
}

/** What a token left over at the end of the longer version means for it. */
function tailSign(t: VersionToken): Comparison | null {
  switch (t.kind) {
    case 'num':
      return t.text === '0' ? 0 : 1;
    case 'sp':
    case 'update':
    case 'build':
      return t.value === 0 ? 0 : 1;
    case 'word':
      if (t.value.startsWith('#')) return null;
      if (preRank(t.value) >= 0) return -1;
      // `1.2b` after `1.2`, `4.0.2.33.r2` after `4.0.2.33`.
      return t.value.length <= 2 ? 1 : null;
  }
}

function asParsed(v: string | ParsedVersion): ParsedVersion {
  if (v !== null && typeof v === 'object' && Array.isArray(v.tokens)) return v;
  return parseVersion(typeof v === 'string' ? v : '');
}

/**
 * Orders two versions: -1, 0 or 1, or null when they cannot be compared (unreadable, or written
 * in incompatible schemes such as `A8` against `2.1`). Never throws.
 */
export function compareVersions(a: string | ParsedVersion, b: string | ParsedVersion): Comparison | null {
  const pa = asParsed(a);
  const pb = asParsed(b);
  if (!pa.ok || !pb.ok) return null;
  const ta = pa.tokens;
  const tb = pb.tokens;
  const n = Math.min(ta.length, tb.length);
  for (let i = 0; i < n; i++) {
    const c = compareTokens(ta[i] as VersionToken, tb[i] as VersionToken);
    if (c !== 0) return c;
  }
  const longer = ta.length > tb.length ? ta : tb;
  const sign = ta.length > tb.length ? 1 : -1;
  for (let i = n; i < longer.length; i++) {
    const t = tailSign(longer[i] as VersionToken);
    if (t === null) return null;
    if (t !== 0) return (t * sign) as Comparison;
  }
  return 0;
}

/** A short description of how a version was read, for match reasons. */
export function describeVersion(v: ParsedVersion): string {
  if (!v.ok) return `"${v.raw}" (unreadable: ${v.reason})`;
  return `"${v.raw}"`;
}
