import type { BatchValidationQuery, BatchValidationResult, RuleImportance, Violation } from '@suilian/contracts';
import type { Db } from '../../../db/client.js';
import type { Actor } from '../../../platform/actor.js';
import { fieldError, notFound } from '../../../platform/errors.js';
import type { OrganisationService } from '../../organisations/index.js';
import { districtsFor } from '../districts.js';
import { LOOK_BACK, numericValue, runRules, toRule } from '../form-validation.js';
import { comparePeriods, shiftPeriod } from '../logic/periods/period-dates.js';
import { validatePeriodId } from '../logic/periods/period-id.js';
import { formPolicy } from '../reporting.policy.js';
import { createReportingRepo } from '../reporting.repo.js';

/** Periods one batch may span (ten years of months). */
export const MAX_BATCH_PERIODS = 120;
const IMPORTANCE_ORDER: Record<RuleImportance, number> = { high: 0, medium: 1, low: 2 };

/** The periods from `from` to `to` of the data set's type, both included; errors name the field. */
export function periodRange(periodType: 'monthly' | 'quarterly' | 'yearly', from: string, to: string): string[] {
  for (const [field, id] of [
    ['from', from],
    ['to', to],
  ] as const) {
    const check = validatePeriodId(id, periodType);
    if (!check.ok) throw fieldError('VALIDATION_FAILED', field, 'period_type', check.message);
  }
  if (comparePeriods(from, to) > 0) throw fieldError('VALIDATION_FAILED', 'to', 'range', `${to} is before ${from}`);
  const periods: string[] = [];
  for (let p = from; comparePeriods(p, to) <= 0; p = shiftPeriod(p, 1)) {
    periods.push(p);
    if (periods.length > MAX_BATCH_PERIODS)
      throw fieldError('VALIDATION_FAILED', 'to', 'range', `at most ${MAX_BATCH_PERIODS} periods at once`);
  }
  return periods;
}

/**
 * 批量校验: every validation rule of a data set over a range of periods and the districts in the
 * actor's scope (DHIS2's validation rule analysis). Values are read once for the whole range plus
 * the look-back, then each form is evaluated in memory exactly as on completion.
 */
export function createBatchValidation(deps: { db: Db; organisations: Pick<OrganisationService, 'list'> }) {
  return async function run(actor: Actor, query: BatchValidationQuery): Promise<BatchValidationResult> {
    formPolicy.authorize(actor, 'read');
    const repo = createReportingRepo(deps.db);
    const dataSet = await repo.findDataSet(query.dataSet);
    if (!dataSet) throw notFound('data set');
    const periods = periodRange(dataSet.periodType, query.from, query.to);
    const districts = await districtsFor(deps.organisations, actor, 'read', query.orgUnit);
    const ruleRows = await repo.findRules(dataSet.code);
    const rules = ruleRows.map(toRule);
    const elements = (await repo.findSetElements(dataSet.code)).map((e) => e.code);
    const read = Array.from({ length: LOOK_BACK }, (_, i) => shiftPeriod(periods[0] as string, -LOOK_BACK + i)).concat(periods);
    const values = await repo.findValuesOf(
      elements,
      read,
      districts.map((d) => d.id),
    );
    const byKey = new Map(values.map((v) => [`${v.orgId}|${v.dataElementCode}|${v.period}`, v.value]));
    const rowOf = new Map(ruleRows.map((r) => [r.code, r]));
    const violations: Violation[] = [];
    let evaluations = 0;
    let skipped = 0;
    for (const district of districts) {
      for (const period of periods) {
        const results = runRules(rules, period, (element, p) => numericValue(byKey.get(`${district.id}|${element}|${p}`)));
        evaluations += results.length;
        for (const result of results) {
          if (result.status === 'skipped') skipped++;
          if (result.status !== 'failed') continue;
          const row = rowOf.get(result.rule);
          if (!row) continue;
          violations.push({
            rule: row.code,
            ruleNameZh: row.nameZh,
            ruleNameEn: row.nameEn,
            importance: row.importance,
            operator: row.operator as Violation['operator'],
            orgUnit: district.id,
            orgUnitName: district.name,
            period,
            left: result.left,
            right: result.right,
            message: result.message,
          });
        }
      }
    }
    violations.sort(
      (a, b) =>
        IMPORTANCE_ORDER[a.importance] - IMPORTANCE_ORDER[b.importance] ||
        a.rule.localeCompare(b.rule) ||
        a.orgUnitName.localeCompare(b.orgUnitName, 'zh') ||
        comparePeriods(a.period, b.period),
    );
    return {
      dataSet: dataSet.code,
      periods,
      orgUnits: districts.length,
      rules: rules.length,
      evaluations,
      skipped,
      violations,
    };
  };
}
