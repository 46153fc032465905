// How two drizzle-kit snapshots (apps/server/drizzle/meta/*_snapshot.json) differ, in words:
// tables added or removed, and per table the columns, indexes, keys and constraints that changed.

type Named = Record<string, Record<string, unknown>>;
interface Table {
  columns?: Named;
  indexes?: Named;
  foreignKeys?: Named;
  compositePrimaryKeys?: Named;
  uniqueConstraints?: Named;
  checkConstraints?: Named;
  policies?: Named;
  isRLSEnabled?: boolean;
}
export interface Snapshot {
  tables?: Record<string, Table>;
  [section: string]: unknown;
}

const TABLE_PARTS: [keyof Table, string][] = [
  ['columns', 'column'],
  ['indexes', 'index'],
  ['foreignKeys', 'foreign key'],
  ['compositePrimaryKeys', 'primary key'],
  ['uniqueConstraints', 'unique constraint'],
  ['checkConstraints', 'check constraint'],
  ['policies', 'policy'],
];
/** Snapshot sections other than tables that hold named objects, with the word for one of them. */
const OTHER_SECTIONS: [string, string][] = [
  ['enums', 'enum'],
  ['schemas', 'schema'],
  ['sequences', 'sequence'],
  ['roles', 'role'],
  ['policies', 'policy'],
  ['views', 'view'],
];

const json = (v: unknown) => JSON.stringify(v ?? null);
const names = (a: object | undefined, b: object | undefined) => [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].sort();

function describeColumn(c: Record<string, unknown>): string {
  return [c.type, c.notNull ? 'NOT NULL' : '', c.default !== undefined ? `DEFAULT ${String(c.default)}` : ''].filter(Boolean).join(' ');
}

/** `type text → integer, notNull false → true` for the fields of one object that changed. */
function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>): string {
  return names(before, after)
    .filter((k) => json(before[k]) !== json(after[k]))
    .map((k) => {
      const b = before[k];
      const a = after[k];
      const short = (v: unknown) => (v === undefined ? '∅' : typeof v === 'object' ? 'changed' : String(v));
      return typeof b === 'object' || typeof a === 'object' ? `${k} changed` : `${k} ${short(b)} → ${short(a)}`;
    })
    .join(', ');
}

function diffNamed(kind: string, before: Named | undefined, after: Named | undefined): string[] {
  const out: string[] = [];
  for (const name of names(before, after)) {
    const b = before?.[name];
    const a = after?.[name];
    if (!b && a) out.push(`${kind} "${name}" added${kind === 'column' ? ` (${describeColumn(a)})` : ''}`);
    else if (b && !a) out.push(`${kind} "${name}" removed`);
    else if (b && a && json(b) !== json(a)) out.push(`${kind} "${name}" changed (${fieldChanges(b, a)})`);
  }
  return out;
}

/** One line per table or object that differs between the committed snapshot and the schema's. */
export function describeSchemaChanges(committed: Snapshot, current: Snapshot): string[] {
  const lines: string[] = [];
  for (const table of names(committed.tables, current.tables)) {
    const b = committed.tables?.[table];
    const a = current.tables?.[table];
    if (!b) lines.push(`table ${table}: added (${Object.keys(a?.columns ?? {}).length} columns)`);
    else if (!a) lines.push(`table ${table}: removed`);
    else {
      const changes = TABLE_PARTS.flatMap(([part, kind]) => diffNamed(kind, b[part] as Named, a[part] as Named));
      if (b.isRLSEnabled !== a.isRLSEnabled) changes.push(`row-level security ${a.isRLSEnabled ? 'on' : 'off'}`);
      if (changes.length) lines.push(`table ${table}: ${changes.join('; ')}`);
    }
  }
  for (const [section, kind] of OTHER_SECTIONS) lines.push(...diffNamed(kind, committed[section] as Named, current[section] as Named));
  return lines;
}
