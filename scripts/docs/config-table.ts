import { describeSettings } from '../../apps/server/src/config.ts';

export const CONFIG_START = '<!-- config:start — generated from apps/server/src/config.ts by `npm run openapi`; do not edit -->';
export const CONFIG_END = '<!-- config:end -->';

// Chinese characters take two columns in a monospace editor.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/gu;
const displayWidth = (text: string) => text.length + (text.match(WIDE)?.length ?? 0);

/** The README's configuration table, columns padded so the Markdown source reads as a table too. */
export function renderConfigTable(): string {
  const rows = describeSettings().map((s) => [`\`${s.name}\``, s.shownDefault, s.description]);
  const header = ['Variable', 'Default', 'Meaning'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const pad = (cell: string, width: number) => cell + ' '.repeat(width - displayWidth(cell));
  const line = (cells: string[]) => `| ${cells.map((c, i) => pad(c, widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** The README with the text between the config markers replaced by the generated table. */
export function withConfigTable(readme: string): string {
  const start = readme.indexOf(CONFIG_START);
  const end = readme.indexOf(CONFIG_END);
  if (start < 0 || end < start) throw new Error(`README.md has no region between "${CONFIG_START}" and "${CONFIG_END}"`);
  return `${readme.slice(0, start + CONFIG_START.length)}\n${renderConfigTable()}\n${readme.slice(end)}`;
}

/** The variables whose row differs between two READMEs (added, removed or changed). */
export function summarizeConfigChange(committed: string, fresh: string): string[] {
  const rowsOf = (text: string) => {
    const region = text.slice(text.indexOf(CONFIG_START), text.indexOf(CONFIG_END));
    const rows = new Map<string, string>();
    for (const line of region.split('\n')) {
      const name = /^\|\s*`([A-Z0-9_]+)`/.exec(line)?.[1];
      if (name) rows.set(name, line.replace(/\s+/g, ' '));
    }
    return rows;
  };
  const before = rowsOf(committed);
  const after = rowsOf(fresh);
  const names = [...new Set([...before.keys(), ...after.keys()])];
  const lines = names.flatMap((n) => {
    if (!before.has(n)) return [`+ ${n}`];
    if (!after.has(n)) return [`- ${n}`];
    return before.get(n) === after.get(n) ? [] : [`~ ${n}`];
  });
  return lines.length ? lines : ['the table layout changed'];
}
