import type { FieldIssue } from '@suilian/contracts';
import type { TableColumn } from './spec.js';

/** Header text compared loosely: no spaces or line breaks, no * marks, half-width brackets. */
export function headerKey(text: string): string {
  return text.replace(/\s+/g, '').replace(/\*/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

export interface HeaderCheck {
  /** Column index (0-based) in the file of each known column key. */
  positions: Map<string, number>;
  /** Problems by header name; empty when the file can be read. */
  issues: FieldIssue[];
}

/**
 * Matches a file's header row to the template columns. Required columns must be there; unknown
 * headers are refused too (their data would otherwise be dropped silently), and an unknown header
 * that looks like a missing one is reported as renamed.
 */
export function checkHeaders(found: readonly string[], columns: readonly TableColumn[]): HeaderCheck {
  const byKey = new Map(columns.map((c) => [headerKey(c.header), c]));
  const positions = new Map<string, number>();
  const unknown: string[] = [];
  const issues: FieldIssue[] = [];
  found.forEach((raw, index) => {
    const text = raw.trim();
    if (text === '') return;
    const column = byKey.get(headerKey(text));
    if (!column) unknown.push(text);
    else if (positions.has(column.key))
      issues.push({ field: column.header, rule: 'header_duplicate', message: `the column ${column.header} appears more than once` });
    else positions.set(column.key, index);
  });
  const absent = columns.filter((c) => !positions.has(c.key));
  const renamedTo = new Map<string, TableColumn>();
  for (const text of unknown) {
    const best = absent
      .filter((c) => ![...renamedTo.values()].includes(c))
      .map((c) => ({ c, score: similarity(headerKey(text), headerKey(c.header)) }))
      .sort((a, b) => b.score - a.score)[0];
    if (best && best.score >= 0.4) renamedTo.set(text, best.c);
  }
  for (const text of unknown) {
    const target = renamedTo.get(text);
    issues.push(
      target
        ? {
            field: text,
            rule: 'header_renamed',
            message: `unknown column ${text}: was it ${target.header}, renamed? Use the template's header ${target.header}`,
          }
        : {
            field: text,
            rule: 'header_unknown',
            message: `unknown column ${text}: not a column of the template; remove it or restore the template's header`,
          },
    );
  }
  const explained = new Set(renamedTo.values());
  for (const c of absent)
    if (c.required && !explained.has(c))
      issues.push({ field: c.header, rule: 'header_missing', message: `the required column ${c.header} is missing` });
  return { positions, issues };
}

/** Dice coefficient over character bigrams, with containment counting as a strong match. */
function similarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a.includes(b) || b.includes(a)) return 0.9;
  const grams = (s: string) => {
    const out = new Map<string, number>();
    const chars = [...s];
    for (let i = 0; i < chars.length - 1; i++) {
      const g = `${chars[i]}${chars[i + 1]}`;
      out.set(g, (out.get(g) ?? 0) + 1);
    }
    if (chars.length === 1) out.set(s, 1);
    return out;
  };
  const ga = grams(a);
  const gb = grams(b);
  let shared = 0;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  const size = (m: Map<string, number>) => [...m.values()].reduce((x, y) => x + y, 0);
  return (2 * shared) / (size(ga) + size(gb));
}
