import { checkReportValue, type FieldIssue, REPORT_VALUE_RANGES, type ReportValueType } from '@suilian/contracts';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/http';

/**
 * The rule a typed value breaks, in the user's language, or null when it may be saved as typed
 * (issue #12 item 4: nothing is clamped; an empty cell clears the value). Same rule as the server
 * (contracts' checkReportValue), worded from the element's declared range.
 */
export function cellProblem(t: TFunction, valueType: ReportValueType, raw: string | null): string | null {
  if (raw === null || raw.trim() === '') return null;
  const checked = checkReportValue(valueType, raw);
  return checked.ok ? null : ruleText(t, checked.rule);
}

/** The wording of a value type's rule with its declared range (min, max, decimals). */
export function ruleText(t: TFunction, rule: string): string {
  const params = REPORT_VALUE_RANGES[rule as ReportValueType] ?? {};
  const key = `reportValues.rules.${rule}`;
  const worded = (t as unknown as (k: string, o: object) => string)(key, { ...params, defaultValue: '' });
  return worded && worded !== key ? worded : t('reportValues.rules.invalid');
}

/**
 * The server's refusal of a save mapped back to the cells: issue `values.<i>.value` is about the
 * i-th value sent. Cells the server did not name are absent.
 */
export function serverCellProblems(t: TFunction, error: unknown, sent: readonly string[]): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const issue of error.issues as FieldIssue[]) {
    const match = /^(?:body\.)?values\.(\d+)\.(value|element)$/.exec(issue.field);
    const element = match ? sent[Number(match[1])] : undefined;
    if (element) out[element] = ruleText(t, issue.rule);
  }
  return out;
}
