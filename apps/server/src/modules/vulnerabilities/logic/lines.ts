import type { VersionRange } from './types.js';
import { parseVersion } from './versions.js';

/**
 * `V7.5`, `V19`, `V4.x` as a word of a product name: the release line the name is about — unless
 * the words around make it a bound (`< V4.x`, `prior to V4.7`, `V7.2 and earlier`).
 */
const LINE_WORD =
  /(?<!(?:<|≤|prior to|before|to|than)\s*)(?:^|\s)V(\d{1,4}(?:\.(?:\d{1,3}|x))?)(?=\s|$)(?!\s+(?:and|or|&)\s+(?:earlier|prior|below|older|before|newer|later|above|higher))/gi;

/**
 * The version line a product name names (`SIMATIC WinCC V7.5` → `7.5`, `WinCC Runtime Professional
 * V19` → `19`) and the name without it (#13 item 3). The last such word counts; `.x` means the
 * major line. Names without one give no line and are returned as they are.
 */
export function versionLineOf(name: string): { line?: string; rest: string; dotted?: boolean } {
  const found = [...(name ?? '').matchAll(LINE_WORD)];
  const last = found.at(-1);
  if (!last || last.index === undefined) return { rest: name };
  const rest = `${name.slice(0, last.index)} ${name.slice(last.index + last[0].length)}`.replace(/\s+/g, ' ').trim();
  if (!rest) return { rest: name };
  return { line: (last[1] as string).replace(/\.x$/i, ''), rest, dotted: /\./.test(last[1] as string) };
}

/** The leading numbers of a version (`V7.5 SP2 Update 15` → ['7', '5']), before any other token. */
function leadingNumbers(version: string): string[] | null {
  const parsed = parseVersion(version);
  if (!parsed.ok) return null;
  const out: string[] = [];
  for (const t of parsed.tokens) {
    if (t.kind !== 'num') break;
    out.push(t.text);
  }
  return out.length ? out : null;
}

/**
 * Whether a version lies on a release line: its leading numbers start with the line's (`7.5.2`,
 * `V7.5 SP2` are on 7.5; `7.4`, `7.50` are not). null when the version says nothing (empty,
 * unreadable or not numeric): then the line cannot restrict and the match needs review.
 */
export function onVersionLine(line: string, version: string): boolean | null {
  const mine = leadingNumbers(version);
  if (!mine) return null;
  const want = line.split('.').map((n) => n.replace(/^0+(?=\d)/, ''));
  // trimZeros drops `.0` at the end: `V8.0` reads as `8`, which is on line 8 and on line 8.0.
  return want.every((n, i) => mine[i] === n || (mine[i] === undefined && n === '0'));
}

/**
 * Whether a line word of an advisory's product name is a release line for this entry's versions:
 * every bound of the range lies on it (`WinCC V7.5`, `<V7.5 SP2 Update 15`), or the range is
 * "all versions" — but then only a dotted line (`V7.5`) or one whose bounds agree, since
 * `SINAMICS V90` with `< V1.01` is a product, not a line.
 */
export function isReleaseLine(line: string, dotted: boolean, range: VersionRange): boolean {
  if (range.kind === 'unknown') return false;
  const bounds = range.anyOf.flat().filter((c) => c.op !== '!=');
  if (bounds.length === 0) return range.kind === 'all' && (dotted || range.raw !== '');
  return bounds.every((c) => onVersionLine(line, c.version) === true);
}
