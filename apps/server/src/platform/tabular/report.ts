import type { ImportRejection } from '@suilian/contracts';
import type { z } from 'zod';
import type { TableColumn } from './spec.js';

/** One row's check: the value to write, or every reason it is rejected. */
export type RowCheck<T> = { ok: true; value: T } | { ok: false; rejections: ImportRejection[] };

/** Names for custom (refine) rules by field, e.g. creditCode → credit_code. */
export type CustomRules = Record<string, string>;

/**
 * Turns a schema's issues for one row into report lines naming the row, the column (by its
 * header) and the rule. `columnOf` maps an issue path to the column that supplied the value.
 */
export function rejectionsFromIssues(
  row: number,
  issues: readonly z.core.$ZodIssue[],
  input: Record<string, unknown>,
  columnOf: (path: readonly PropertyKey[]) => TableColumn | null,
  customRules: CustomRules = {},
): ImportRejection[] {
  return issues.map((issue) => {
    const column = columnOf(issue.path);
    const field = String(issue.path[0] ?? '');
    const value = valueAt(input, issue.path);
    const missing = value === undefined || value === null || value === '';
    const header = column?.header ?? null;
    let rule: string = issue.code;
    let message = issue.message;
    let params: Record<string, string | number> = {};
    if (missing && (issue.code === 'invalid_type' || issue.code === 'too_small')) {
      rule = 'required';
      message = 'required: this column must not be empty';
    } else if (issue.code === 'too_small' && (issue.origin === 'number' || issue.origin === 'int')) {
      rule = 'range';
      params = { min: Number(issue.minimum) };
    } else if (issue.code === 'too_big' && (issue.origin === 'number' || issue.origin === 'int')) {
      rule = 'range';
      params = { max: Number(issue.maximum) };
    } else if (issue.code === 'too_big') {
      rule = 'max_length';
      params = { max: Number(issue.maximum) };
    } else if (issue.code === 'too_small') {
      rule = 'min_length';
      params = { min: Number(issue.minimum) };
    } else if (issue.code === 'invalid_value') {
      rule = 'choice';
      params = { allowed: allowedOf(column, issue.values) };
    } else if (issue.code === 'invalid_format' && column?.type === 'date') {
      rule = 'date';
      message = `${String(value)} is not a date: write 2024-03-05, 2024/3/5 or use a date cell`;
    } else if (issue.code === 'invalid_format' && column?.type === 'money' && /^\s*-/.test(String(value))) {
      rule = 'non_negative';
      message = `${String(value)}: amounts in 万元 must not be negative`;
    } else if (issue.code === 'invalid_format') {
      rule = 'format';
    } else if (issue.code === 'invalid_type') {
      rule = 'type';
      params = { expected: issue.expected };
    } else if (issue.code === 'custom') {
      rule = customRules[field] ?? customRules[String(issue.path.at(-1) ?? '')] ?? 'rule';
    }
    const reason = { code: reasonCodeOf(rule, params), params: { column: header ?? '', value: shown(value), ...params } };
    return { row, column: header, rule, message, reason };
  });
}

/**
 * The reason code of an import rule: `import.<rule>`; a range names its side (`import.range_min`,
 * `import.range_max`) and a type its expected kind (`import.type_number`) so each words in a sentence.
 */
export function reasonCodeOf(rule: string, params: Record<string, unknown> = {}): string {
  if (rule === 'range') return params.min !== undefined ? 'import.range_min' : 'import.range_max';
  if (rule === 'type') return params.expected === 'number' ? 'import.type_number' : 'import.type';
  return `import.${rule}`;
}

/** The values a drop-down column offers as the template names them (Chinese), else the schema's. */
function allowedOf(column: TableColumn | null, values: readonly unknown[]): string {
  return (column?.choices && column.choices.length > 0 ? column.choices : values.map(String)).join('、');
}

/** A cell's value for a sentence: at most 40 characters. */
function shown(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * The column that supplied the value at a schema path: `fields` maps a top-level field to its column
 * key; the items of a list field spread over several columns (scenarios by category) name their
 * column by header, one per item in `items.headers` (the list as a whole: `items.fallback`).
 */
export function columnAt(
  spec: { columns: readonly TableColumn[] },
  fields: Record<string, string>,
  items?: { field: string; headers: readonly string[]; fallback: string },
): (path: readonly PropertyKey[]) => TableColumn | null {
  return (path) => {
    const [field, index] = path;
    if (items && field === items.field) {
      const header = (typeof index === 'number' ? items.headers[index] : undefined) ?? items.fallback;
      return spec.columns.find((c) => c.header === header) ?? null;
    }
    const key = fields[String(field)];
    return spec.columns.find((c) => c.key === key) ?? null;
  };
}

/** A problem found turning a row's cells into the API's input (unknown name, unreadable number …). */
export type CellProblem = Omit<ImportRejection, 'row'>;

/**
 * Parses a row's input with the API's schema. The problems found reading the cells come first; a
 * schema issue for a column that already has a problem is dropped, so each cause is one line.
 * `extra` runs on the parsed value (scope, references) and adds its own lines.
 */
export function parseRow<T>(
  row: number,
  schema: z.ZodType<T>,
  input: Record<string, unknown>,
  problems: readonly CellProblem[],
  columnOf: (path: readonly PropertyKey[]) => TableColumn | null,
  options: { customRules?: CustomRules; extra?: (value: T) => CellProblem[] } = {},
): RowCheck<T> {
  const rejections: ImportRejection[] = problems.map((p) => ({ row, ...p }));
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const reported = new Set(problems.map((p) => p.column).filter((c) => c !== null));
    const issues = parsed.error.issues.filter((i) => !reported.has(columnOf(i.path)?.header ?? ''));
    rejections.push(...rejectionsFromIssues(row, issues, input, columnOf, options.customRules));
    return { ok: false, rejections };
  }
  if (options.extra) rejections.push(...options.extra(parsed.data).map((p) => ({ row, ...p })));
  return rejections.length === 0 ? { ok: true, value: parsed.data } : { ok: false, rejections };
}
