import type { ModelMatchKind } from './types.js';

/**
 * Comparison form of a model / order number (订货号): upper case, full-width folded, separators
 * (space, dash, underscore, dot, slash) dropped — `6ES7 518-4AX00-1AB0` = `6es75184ax001ab0`.
 */
export function normaliseModel(model: string): string {
  return model
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_./\\]+/g, '');
}

/** Whether a written model number is a pattern (`*`, `?`, lower-case `x` placeholders, an optional `(…)` suffix). */
export function isModelPattern(pattern: string): boolean {
  return /[*?]/.test(pattern) || (/x/.test(pattern) && /[A-Z]/.test(pattern)) || OPTIONAL_PART.test(pattern);
}

/** `CJ2H-CPU**(-EIP)`, `FX5U(C)`: a parenthesised part glued to a code is optional. */
const OPTIONAL_PART = /[A-Za-z0-9*]\([-_A-Za-z0-9*?]+\)/;

const SEPARATOR = /[\s\-_./\\]/;
const compiled = new Map<string, RegExp | null>();

function literal(ch: string): string {
  return ch.toUpperCase().replace(/[^A-Z0-9]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A pattern's characters as a regular expression over normalised models (#13 item 3): each `*`
 * or `?` is exactly one character (`CJ2M-CPU**` is `CJ2M-CPU` and two more), a parenthesised part
 * is optional (`CJ2H-CPU**(-EIP)`), and a run of `*` after a separator at the end is an optional
 * variant suffix (`BND-2051W000-**`). One lone `*` at the very end keeps the part-number reading
 * "and anything after" (`BMXP34*`). A lower-case `x` in an otherwise upper-case number is one
 * character (`6ES7 5xx`); upper-case `X` is a literal, as in Siemens MLFBs.
 */
function patternSource(pattern: string, placeholderX: boolean): string {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '(') {
      const close = pattern.indexOf(')', i);
      if (close > i) {
        const inner = patternSource(pattern.slice(i + 1, close), placeholderX);
        if (inner) source += `(?:${inner})?`;
        i = close;
        continue;
      }
    }
    if (SEPARATOR.test(ch)) {
      const stars = /^[\s\-_./\\]+(\*+)$/.exec(pattern.slice(i));
      if (stars && (stars[1] as string).length > 1) {
        source += `(?:.{${(stars[1] as string).length}})?`;
        break;
      }
      continue;
    }
    if (ch === '*' && i === pattern.length - 1 && pattern[i - 1] !== '*') source += '.*';
    else if (ch === '*' || ch === '?' || (placeholderX && ch === 'x')) source += '.';
    else source += literal(ch);
  }
  return source;
}

function compile(pattern: string): RegExp | null {
  const cached = compiled.get(pattern);
  if (cached !== undefined) return cached;
  const written = pattern.normalize('NFKC').trim();
  const placeholderX = /x/.test(written) && /[A-Z]/.test(written);
  const source = patternSource(written, placeholderX);
  const re = source.replace(/[.*]|\(\?:\.\{\d+\}\)\?/g, '') === '' ? null : new RegExp(`^${source}$`);
  if (compiled.size > 50_000) compiled.clear();
  compiled.set(pattern, re);
  return re;
}

/**
 * Matches an asset's model number against an advisory's model number or pattern: `exact` after
 * normalisation, `pattern` through wildcards, null otherwise (also for empty input).
 */
export function matchModel(pattern: string, model: string): ModelMatchKind | null {
  if (typeof pattern !== 'string' || typeof model !== 'string') return null;
  const m = normaliseModel(model);
  if (m === '') return null;
  if (!isModelPattern(pattern)) return normaliseModel(pattern) === m && m !== '' ? 'exact' : null;
  const re = compile(pattern);
  return re?.test(m) ? 'pattern' : null;
}

/**
 * Model numbers written inside product names: `M800VW (BND-2051W000-**)`,
 * `SIMATIC S7-1500 CPU 1518-4 PN/DP MFP (6ES7518-4AX00-1AB0)`. A parenthesised code counts when
 * it has digits, letters and a dash or wildcard and no spaces.
 */
export function modelsInName(name: string): { models: string[]; rest: string } {
  const models: string[] = [];
  const rest = name.replace(/[(（]([^()（）]+)[)）]/g, (whole, inner: string) => {
    const candidates = inner.split(/\s*[,/;，]\s*/);
    const codes = candidates.filter(
      (c) => /^[A-Za-z0-9*?]+(?:[-_.][A-Za-z0-9*?]+)+$/.test(c) && /\d/.test(c) && /[A-Za-z]/.test(c) && c.length >= 6,
    );
    if (codes.length === 0 || codes.length !== candidates.length) return whole;
    models.push(...codes);
    return ' ';
  });
  return { models, rest: rest.replace(/\s+/g, ' ').trim() };
}

/** Words that qualify a model code in a product name without being part of it (`1756-EN2T Series A`). */
const QUALIFIERS = /\s+(?:series|serie|ser\.|rev\.?|revision)\s+[A-Za-z0-9/]{1,8}$/i;
const FILLER_WORDS = /\s+(?:series|engines?|products?|units?|modules?|family)$/i;

/** A code word: letters and digits (and wildcards), no spaces, not a version (`V7.5`), 5+ characters. */
function isCodeWord(w: string): boolean {
  if (!/^[A-Za-z0-9*?()\-_./]+$/.test(w) || !/\d/.test(w) || !/[A-Za-z]/.test(w)) return false;
  if (/^[VvRr]?\d+(?:[._]\d+)*$/.test(w) || /^[Vv]\d/.test(w)) return false;
  return normaliseModel(w.replace(/[()*?]/g, '')).length >= 4;
}

/**
 * `CS1D-CPU**H/-CPU**P` is `CS1D-CPU**H` and `CS1D-CPU**P`; `CS1H/G-CPU**H` is `CS1H-CPU**H` and
 * `CS1G-CPU**H`. Other slashes belong to the code (`FX5-ENET/IP`, Mitsubishi `FX5UJ-24MR/ES` patterns).
 */
function slashAlternatives(word: string): string[] {
  const [first, ...rest] = word.split('/');
  if (!first || rest.length !== 1) return [word];
  const second = rest[0] as string;
  if (second.startsWith('-') && first.includes('-')) return [first, `${first.slice(0, first.indexOf('-'))}${second}`];
  const head = second.split('-')[0] as string;
  if (!first.includes('-') && second.includes('-') && head.length > 0 && head.length < first.length) {
    const tail = second.slice(head.length);
    return [`${first}${tail}`, `${first.slice(0, first.length - head.length)}${head}${tail}`];
  }
  return [word];
}

/**
 * Product names that are themselves model numbers or model patterns (#13 item 3): `RJ71EIP91`,
 * `SW1DNN-EIPCT-BD`, `1756-EN4TR`, `1756-EN2T Series A`, `CJ2M-CPU**`, `CS1H/G-CPU**H, CJ1G-CPU**P`.
 * Each comma-separated item that is one code word (after dropping qualifiers such as `Series A`)
 * gives a model; names with other words (`SIMATIC S7-1500 CPU 1518-4`) give none.
 */
export function modelsOfProductName(name: string): string[] {
  const out: string[] = [];
  for (const item of name.split(/\s*[,，;；]\s*/)) {
    let s = item.replace(/\s*[(（][^()（）]*\s[^()（）]*[)）]/g, '').trim();
    s = s.replace(QUALIFIERS, '').replace(FILLER_WORDS, '').trim();
    if (!s || /\s/.test(s) || !isCodeWord(s)) continue;
    for (const alt of slashAlternatives(s)) if (isCodeWord(alt)) out.push(alt);
  }
  return [...new Set(out)];
}
