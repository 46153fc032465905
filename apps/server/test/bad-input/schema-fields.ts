import type { z } from 'zod';

/**
 * Reads an endpoint's Zod schemas enough to aim bad values at its fields: which fields an object
 * has, and one value each field accepts (so a request is valid but for the one field under test,
 * and reaches the handler rather than stopping at the first missing field).
 */

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional']);

/** The schema under optional/nullable/default wrappers, pipes (their input side) and lazy getters. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let i = 0; i < 16; i++) {
    const def = defOf(current);
    if (WRAPPERS.has(def.type)) current = def.innerType as z.ZodType;
    else if (def.type === 'pipe') current = def.in as z.ZodType;
    else if (def.type === 'lazy') current = (def.getter as () => z.ZodType)();
    else break;
  }
  return current;
}

/** The fields of an object schema (the union of every option's fields for a union); none for anything else. */
export function fieldsOf(schema: z.ZodType | undefined): Record<string, z.ZodType> {
  if (!schema) return {};
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def.type === 'object') return (inner as unknown as { shape: Record<string, z.ZodType> }).shape;
  if (def.type === 'union') return Object.assign({}, ...(def.options as z.ZodType[]).map(fieldsOf));
  if (def.type === 'intersection') return { ...fieldsOf(def.left as z.ZodType), ...fieldsOf(def.right as z.ZodType) };
  return {};
}

/** The element schema of an array field, or null. */
export function elementOf(schema: z.ZodType): z.ZodType | null {
  const inner = unwrap(schema);
  const def = defOf(inner);
  return def.type === 'array' ? (def.element as z.ZodType) : null;
}

export const ZERO_UUID = '00000000-0000-4000-8000-000000000000';

/** Plain values tried in turn for a field without a more specific shape. */
const CANDIDATES: readonly unknown[] = [
  ZERO_UUID,
  'x',
  'Test value',
  '2026-01-01',
  '2026-06-30T00:00:00+08:00',
  '2026-01',
  '2026Q1',
  '2026',
  1,
  0,
  10,
  true,
  false,
  '440106',
  '914403001922038216',
  'test@example.com',
  'https://example.com/x',
  'CVE-2024-12345',
  'CNVD-2024-12345',
  '88.118',
  '88.118.1/X',
  'standards',
  'AB12',
  [],
  {},
];

const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

/** Whether a field may be left out. */
export const isOptional = (schema: z.ZodType) => accepts(schema, undefined);

/** One value the schema accepts (undefined when none of the tries fits). */
export function sampleOf(schema: z.ZodType, depth = 0): unknown {
  const inner = unwrap(schema);
  const def = defOf(inner);
  let value: unknown;
  if (def.type === 'enum') value = Object.values(def.entries as Record<string, unknown>)[0];
  else if (def.type === 'literal') value = (def.values as unknown[])[0];
  else if (def.type === 'object' && depth < 4) value = sampleObject(inner, depth);
  else if (def.type === 'array' && depth < 4) {
    const item = sampleOf(def.element as z.ZodType, depth + 1);
    value = item === undefined ? [] : [item];
  }
  if (value !== undefined && accepts(schema, value)) return value;
  return CANDIDATES.find((candidate) => accepts(schema, candidate));
}

/** An object with a sample of each required field (optional ones left out). */
export function sampleObject(schema: z.ZodType | undefined, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(fieldsOf(schema))) {
    if (isOptional(field)) continue;
    const value = sampleOf(field, depth + 1);
    if (value !== undefined) out[key] = value;
  }
  return out;
}
