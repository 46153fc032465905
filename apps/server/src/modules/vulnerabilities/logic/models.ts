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

/** Whether a written model number is a pattern (`*`, `?`, or lower-case `x` placeholders). */
export function isModelPattern(pattern: string): boolean {
  return /[*?]/.test(pattern) || (/x/.test(pattern) && /[A-Z]/.test(pattern));
}

const compiled = new Map<string, RegExp | null>();

/**
 * A pattern as a regular expression over normalised models: a run of `*` matches any rest (vendors
 * write `-**` for "any two-character suffix" but also for "any suffix"), `?` one character, and a
 * lower-case `x` in an otherwise upper-case number one character (`6ES7 5xx`); upper-case `X` is a
 * literal, as in Siemens MLFBs (`6ES7518-4AX00-1AB0`).
 */
function compile(pattern: string): RegExp | null {
  const cached = compiled.get(pattern);
  if (cached !== undefined) return cached;
  const placeholderX = /x/.test(pattern) && /[A-Z]/.test(pattern);
  let source = '';
  for (const ch of pattern.normalize('NFKC').replace(/[\s\-_./\\]+/g, '')) {
    if (ch === '*') source += source.endsWith('.*') ? '' : '.*';
    else if (ch === '?' || (placeholderX && ch === 'x')) source += '.';
    else source += ch.toUpperCase().replace(/[^A-Z0-9]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  const re = source === '' || source === '.*' ? null : new RegExp(`^${source}$`);
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
