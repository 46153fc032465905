import type { SCENARIO_CATEGORIES } from '@suilian/contracts';

export type ScenarioCategory = (typeof SCENARIO_CATEGORIES)[number];

/** One chosen scenario: a code from the scenario list, or a custom name; with its production category. */
export interface ScenarioRow {
  code: string | null;
  customName: string | null;
  category: ScenarioCategory;
  goLiveDate?: string | null;
}

/** The key a row has in the multi-select: its code, or its custom name. */
export const rowKey = (row: ScenarioRow) => row.code ?? row.customName ?? '';

/**
 * New rows for the values of the multi-select: known codes become code rows, anything typed becomes a
 * custom scenario; rows that stay keep their category and go-live date.
 */
export function rowsFromSelection(values: string[], previous: ScenarioRow[], codes: ReadonlySet<string>): ScenarioRow[] {
  const byKey = new Map(previous.map((r) => [rowKey(r), r]));
  const seen = new Set<string>();
  const rows: ScenarioRow[] = [];
  for (const raw of values) {
    const value = raw.trim();
    if (!value || seen.has(value)) continue;
    seen.add(value);
    const kept = byKey.get(value);
    if (kept) rows.push(kept);
    else if (codes.has(value)) rows.push({ code: value, customName: null, category: 'auxiliary' });
    else rows.push({ code: null, customName: value.slice(0, 64), category: 'auxiliary' });
  }
  return rows;
}

/**
 * The catalogue entry a typed text means, so Enter picks it instead of creating a custom scenario
 * (#12 item 7): the entry named exactly so (ignoring case and spaces), else the only entry whose
 * name contains the text; undefined when none or several match.
 */
export function catalogueMatch(text: string, options: ReadonlyArray<{ value: string; label: string }>): string | undefined {
  const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  const typed = norm(text);
  if (!typed) return undefined;
  const exact = options.find((o) => norm(o.label) === typed || o.value.toLowerCase() === typed);
  if (exact) return exact.value;
  const partial = options.filter((o) => norm(o.label).includes(typed));
  return partial.length === 1 ? partial[0]?.value : undefined;
}
