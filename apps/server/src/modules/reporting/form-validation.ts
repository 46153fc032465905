import type { MissingValueStrategy, RuleResult, ValidationOperator, ValidationRule } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import { shiftPeriod } from './logic/periods/period-dates.js';
import { evaluateRules } from './logic/validation/evaluate-rule.js';
import { createReportingRepo, type DataSetRow, type ValidationRuleRow } from './reporting.repo.js';

/** How far back rules may look (`#{X}.periodOffset(-n)`); values further back are treated as missing. */
const LOOK_BACK = 12;

/** Runs a data set's validation rules on one district's form for one period. */
export async function validateForm(db: DbOrTx, dataSet: DataSetRow, period: string, orgId: string): Promise<RuleResult[]> {
  const repo = createReportingRepo(db);
  const rules = (await repo.findRules(dataSet.code)).map(toRule);
  if (rules.length === 0) return [];
  const elements = (await repo.findSetElements(dataSet.code)).map((e) => e.code);
  const periods = Array.from({ length: LOOK_BACK + 1 }, (_, i) => shiftPeriod(period, -i));
  const values = await repo.findValues(elements, periods, orgId);
  const byKey = new Map(values.map((v) => [`${v.dataElementCode}|${v.period}`, Number(v.value)]));
  return evaluateRules(rules, (reference) => {
    if (reference.kind !== 'dataElement' || -reference.periodOffset > LOOK_BACK) return null;
    const value = byKey.get(`${reference.code}|${shiftPeriod(period, reference.periodOffset)}`);
    return value === undefined || Number.isNaN(value) ? null : value;
  });
}

function toRule(row: ValidationRuleRow): ValidationRule {
  const strategy = row.strategy as MissingValueStrategy;
  return {
    code: row.code,
    name: row.nameZh,
    left: { expression: row.left, missingValueStrategy: strategy },
    operator: row.operator as ValidationOperator,
    right: { expression: row.right, missingValueStrategy: strategy },
  };
}
