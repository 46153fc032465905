/** One field of an audit entry's before/after, as a row of the diff. */
export interface DiffRow {
  /** The field's path: `name`, `contact.phone`; arrays are one field. */
  path: string;
  before: string | undefined;
  after: string | undefined;
  changed: boolean;
}

/** Nested plain objects flattened to `a.b` paths; arrays and scalars are leaves, shown as text. */
function flatten(value: unknown, prefix: string, out: Map<string, string>, depth: number): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && depth < 3) {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>))
      flatten(inner, prefix ? `${prefix}.${key}` : key, out, depth + 1);
    return;
  }
  if (prefix === '' && (value === null || value === undefined)) return;
  out.set(prefix || '—', shown(value));
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * The before/after of an audit entry as rows, one per field in either side, in the order the record
 * lists them (after's order first): a creation has only `after`, a deletion only `before`.
 */
export function auditDiff(before: unknown, after: unknown): DiffRow[] {
  const b = new Map<string, string>();
  const a = new Map<string, string>();
  flatten(before, '', b, 0);
  flatten(after, '', a, 0);
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  return paths.map((path) => {
    const was = b.get(path);
    const is = a.get(path);
    return { path, before: was, after: is, changed: was !== is };
  });
}
