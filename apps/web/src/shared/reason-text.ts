import { RefusalReasonSchema } from '@suilian/contracts';
import type { TFunction } from 'i18next';

/**
 * A reason `{ code, params }` (RefusalReasonSchema: refusals, field issues, rule results, formula
 * problems, match reasons) in the user's language from the `reasons` catalogue, or null when it is
 * malformed or the catalogue has no wording for its code.
 */
export function reasonText(t: TFunction, reason: unknown): string | null {
  const parsed = RefusalReasonSchema.safeParse(reason);
  if (!parsed.success) return null;
  const key = `reasons.${parsed.data.code}`;
  // a missing value (null) reads as a dash, never as 'null'
  const params = Object.fromEntries(Object.entries(parsed.data.params ?? {}).map(([k, v]) => [k, v ?? '—']));
  const worded = (t as unknown as (k: string, o: object) => string)(key, { ...params, defaultValue: '' });
  return worded && worded !== key ? worded : null;
}
