import type { MissingValueStrategy, RuleResult, ValidationOperator, ValidationRule } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import { shiftPeriod } from './logic/periods/period-dates.js';
import { evaluateRules } from './logic/validation/evaluate-rule.js';
import { createReportingRepo, type DataSetRow, type ValidationRuleRow } from './reporting.repo.js';

/** How far back rules may look (`#{X}.periodOffset(-n)`); values further back are treated as missing. */
export const LOOK_BACK = 12;

/** The periods a form's rules read: `period` and the LOOK_BACK before it. */
export function periodsRead(period: string): string[] {
  return Array.from({ length: LOOK_BACK + 1 }, (_, i) => shiftPeriod(period, -i));
}

/** Runs rules for one form; `lookup` gives an element's stored value in a period (null when missing or not a number). */
export function runRules(
  rules: readonly ValidationRule[],
  period: string,
  lookup: (element: string, period: string) => number | null,
): RuleResult[] {
  return evaluateRules(rules, (reference) => {
    if (reference.kind !== 'dataElement' || -reference.periodOffset > LOOK_BACK) return null;
    return lookup(reference.code, shiftPeriod(period, reference.periodOffset));
  });
}

/** Stored text as a number for the rules: null when missing or not numeric. */
export function numericValue(text: string | undefined): number | null {
  if (text === undefined) return null;
  const value = Number(text);
  return Number.isNaN(value) ? null : value;
}

/** Runs a data set's validation rules on one district's form for one period. */
export async function validateForm(db: DbOrTx, dataSet: DataSetRow, period: string, orgId: string): Promise<RuleResult[]> {
  const repo = createReportingRepo(db);
  const rules = (await repo.findRules(dataSet.code)).map(toRule);
  if (rules.length === 0) return [];
  const elements = (await repo.findSetElements(dataSet.code)).map((e) => e.code);
  const values = await repo.findValues(elements, periodsRead(period), orgId);
  const byKey = new Map(values.map((v) => [`${v.dataElementCode}|${v.period}`, v.value]));
  return runRules(rules, period, (element, p) => numericValue(byKey.get(`${element}|${p}`)));
}

export function toRule(row: ValidationRuleRow): ValidationRule {
  const strategy = row.strategy as MissingValueStrategy;
  return {
    code: row.code,
    name: row.nameZh,
    left: { expression: row.left, missingValueStrategy: strategy },
    operator: row.operator as ValidationOperator,
    right: { expression: row.right, missingValueStrategy: strategy },
  };
}
