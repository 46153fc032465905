import type { MissingValueStrategy } from '@suilian/contracts';
import type { Expression, Reference } from '../expression/ast.js';
import { evaluateExpression, type Resolver } from '../expression/evaluate.js';
import { ExpressionError } from '../expression/expression-error.js';
import { referenceKey, references } from '../expression/references.js';

/** A side's value, or why it has none. */
export type SideOutcome =
  | { value: number; skipped?: undefined }
  | { value: null; skipped: 'any_missing' | 'all_missing' }
  | { value: null; skipped: 'error'; error: ExpressionError };

/**
 * DHIS2's missing-value strategies, applied per side before the operator:
 * SKIP_IF_ANY_VALUE_MISSING gives no value when any referenced value is missing;
 * SKIP_IF_ALL_VALUES_MISSING gives none only when every one is (a side without references always
 * has a value); otherwise missing values count as 0, so NEVER_SKIP always gives a value.
 */
export function evaluateSide(expression: Expression, strategy: MissingValueStrategy, resolve: Resolver): SideOutcome {
  // Each distinct reference is resolved once, here; evaluation then reads these values.
  const known = new Map<string, number | null>();
  for (const item of references(expression).items) {
    const reference = toReference(item);
    const key = keyOf(reference);
    if (!known.has(key)) known.set(key, resolve(reference) ?? null);
  }
  const missing = [...known.values()].filter((v) => v === null).length;
  if (strategy === 'SKIP_IF_ANY_VALUE_MISSING' && missing > 0) return { value: null, skipped: 'any_missing' };
  if (strategy === 'SKIP_IF_ALL_VALUES_MISSING' && known.size > 0 && missing === known.size) return { value: null, skipped: 'all_missing' };
  try {
    const value = evaluateExpression(expression, (reference) => known.get(keyOf(reference)) ?? 0);
    // Every reference resolves to a number here, so only a formula without references could give null.
    return value === null ? { value: null, skipped: 'all_missing' } : { value };
  } catch (error) {
    if (error instanceof ExpressionError) return { value: null, skipped: 'error', error };
    throw error;
  }
}

function keyOf(reference: Reference): string {
  return `${referenceKey(reference)}@${reference.kind === 'dataElement' ? reference.periodOffset : 0}`;
}

function toReference(item: Reference): Reference {
  if (item.kind === 'indicator') return { kind: 'indicator', code: item.code };
  return { kind: 'dataElement', code: item.code, categoryOption: item.categoryOption, periodOffset: item.periodOffset };
}
