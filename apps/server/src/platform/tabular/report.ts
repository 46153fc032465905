import type { ImportRejection } from '@suilian/contracts';
import type { z } from 'zod';
import type { TableColumn } from './spec.js';

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
    let rule: string = issue.code;
    let message = issue.message;
    if (missing && (issue.code === 'invalid_type' || issue.code === 'too_small')) {
      rule = 'required';
      message = 'required: this column must not be empty';
    } else if (issue.code === 'too_big') {
      rule = 'max_length';
    } else if (issue.code === 'invalid_value') {
      rule = 'choice';
    } else if (issue.code === 'invalid_format' && column?.type === 'date') {
      rule = 'date';
      message = `${String(value)} is not a date: write 2024-03-05, 2024/3/5 or use a date cell`;
    } else if (issue.code === 'invalid_format' && column?.type === 'money' && /^\s*-/.test(String(value))) {
      rule = 'non_negative';
      message = `${String(value)}: amounts in 万元 must not be negative`;
    } else if (issue.code === 'invalid_format') {
      rule = 'format';
    } else if (issue.code === 'custom') {
      rule = customRules[field] ?? customRules[String(issue.path.at(-1) ?? '')] ?? 'rule';
    }
    return { row, column: column?.header ?? null, rule, message };
  });
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
