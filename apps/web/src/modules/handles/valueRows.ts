import type { HandleValueInput } from '@suilian/contracts';

/** One raw value in the editor; admin values keep their data as JSON text (shown, not edited). */
export interface ValueRow {
  index: number;
  type: string;
  format: 'string' | 'base64' | 'hex' | 'admin';
  data: string;
  ttl: number;
  permissions: string;
}

/** A stored value → an editor row. */
export function rowOf(v: {
  index: number;
  type: string;
  data: { format: string; value: unknown };
  ttl: number;
  permissions: string;
}): ValueRow {
  const format = (['string', 'base64', 'hex', 'admin'] as const).find((f) => f === v.data.format) ?? 'string';
  return {
    index: v.index,
    type: v.type,
    format,
    data: typeof v.data.value === 'string' ? v.data.value : JSON.stringify(v.data.value),
    ttl: v.ttl,
    permissions: v.permissions,
  };
}

/** An editor row → a value to send (admin data parsed back from its JSON). */
export function inputOf(row: ValueRow): HandleValueInput {
  const data =
    row.format === 'admin'
      ? { format: 'admin' as const, value: JSON.parse(row.data) as { handle: string; index: number; permissions: string } }
      : { format: row.format, value: row.data };
  return { index: row.index, type: row.type, data, ttl: row.ttl, permissions: row.permissions };
}
