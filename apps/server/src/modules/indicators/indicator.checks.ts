import type { ExpressionProblem, FormulaCheckResult, IndicatorDefinition } from '@suilian/contracts';
import { AppError, fieldError } from '../../platform/errors.js';
import { checkReferences, type Expression, ExpressionError, findCycle, parseExpression, references } from '../reporting/index.js';
import { isCounter } from './counter.repo.js';
import { type Catalogue, parseStored } from './indicator.measure.js';
import type { IndicatorInsert } from './indicator.repo.js';
import { createPlan, PlanError } from './logic/index.js';

export type FormulaCheck = Omit<FormulaCheckResult, 'value' | 'reason'> & { expression: Expression | null };

/**
 * Checks a formula as it would be saved for indicator `code`: it parses, every `#{element}` and
 * `I{indicator}` exists (retired indicators do not count), it reads elements as of the date (no
 * period offsets), and no chain of formulas leads back to itself.
 */
export function checkFormula(code: string, text: string, catalogue: Catalogue): FormulaCheck {
  const empty = { ok: false, cycle: null, dataElements: [], indicators: [], expression: null };
  let expression: Expression;
  try {
    expression = parseExpression(text);
  } catch (error) {
    if (error instanceof ExpressionError) return { ...empty, problems: [error.toProblem()] };
    throw error;
  }
  const refs = references(expression);
  const problems: ExpressionProblem[] = checkReferences(expression, {
    dataElements: new Map([...catalogue.elements.keys()].map((c) => [c, new Set<string>()])),
    // Its own code is "known" so that I{self} is reported as the cycle it is.
    indicators: new Set([...catalogue.indicators.keys(), code]),
  }).map((e) => e.toProblem());
  for (const item of refs.items) {
    if (item.kind === 'dataElement' && item.periodOffset !== 0) {
      problems.push(
        new ExpressionError(
          'syntax',
          item.position,
          `#{${item.code}}.periodOffset(${item.periodOffset}): an indicator reads each element as of its own date; period offsets belong in validation rules`,
        ).toProblem(),
      );
    }
  }
  problems.sort((a, b) => a.position - b.position);
  // The formula being saved goes first, so a cycle is told from it: I{A} → I{B} → I{A} when saving A.
  const graph = new Map<string, string[]>([[code, refs.indicators]]);
  for (const row of catalogue.indicators.values()) {
    if (row.code === code || row.kind !== 'formula' || !row.formula) continue;
    const stored = parseStored(row.formula);
    graph.set(row.code, stored instanceof ExpressionError ? [] : references(stored).indicators);
  }
  const cycle = findCycle(graph);
  return {
    ok: problems.length === 0 && cycle === null,
    problems,
    cycle,
    dataElements: refs.dataElements,
    indicators: refs.indicators,
    expression,
  };
}

/** The stored definition an administrator's fields make, or a 422 naming the first field at fault. */
export function checkDefinition(
  code: string,
  def: Omit<IndicatorDefinition, ProtectedMeta>,
  catalogue: Catalogue,
): Partial<IndicatorInsert> {
  const source = sourceColumns(code, def, catalogue);
  try {
    createPlan({
      baseline: { date: def.baselineDate, value: def.baseline },
      target: { date: def.targetDate, value: def.target },
      milestones: def.milestones,
      thresholds: def.thresholds,
    });
  } catch (error) {
    if (!(error instanceof PlanError)) throw error;
    const problem = error.problems[0] ?? error.message;
    const field = /milestone/.test(problem)
      ? 'milestones'
      : /threshold/.test(problem)
        ? 'thresholds'
        : /target date/.test(problem)
          ? 'targetDate'
          : /baseline date/.test(problem)
            ? 'baselineDate'
            : 'target';
    throw fieldError('VALIDATION_FAILED', field, 'plan', problem);
  }
  return {
    nameZh: def.nameZh,
    nameEn: def.nameEn,
    group: def.group,
    unit: def.unit,
    kind: def.kind,
    source: def.source,
    comparator: def.comparator,
    target: def.target,
    targetDate: def.targetDate,
    baseline: def.baseline,
    baselineDate: def.baselineDate,
    milestones: def.milestones && Object.keys(def.milestones).length > 0 ? def.milestones : null,
    thresholds: def.thresholds,
    definitionZh: def.definitionZh,
    definitionEn: def.definitionEn,
    sortOrder: def.sortOrder,
    isPublic: def.isPublic,
    ...source,
  };
}

type ProtectedMeta = 'code' | 'isPlanTarget' | 'protectedFields' | 'retiredAt' | 'retiredReason' | 'version' | 'updatedAt';

/** The `counter` and `formula` columns for where the value comes from; the kind, source and fields must agree. */
function sourceColumns(
  code: string,
  def: Omit<IndicatorDefinition, ProtectedMeta>,
  catalogue: Catalogue,
): { counter: string | null; formula: string | null } {
  const only = (allowed: 'counter' | 'dataElement' | 'formula') => {
    for (const field of ['counter', 'dataElement', 'formula'] as const) {
      if (field !== allowed && def[field] !== null && def[field] !== '')
        throw fieldError('VALIDATION_FAILED', field, 'not_applicable', `a ${def.kind} indicator from ${def.source} has no ${field}`);
    }
    const value = def[allowed];
    if (value === null || value.trim() === '')
      throw fieldError('VALIDATION_FAILED', allowed, 'required', `a ${def.kind} indicator from ${def.source} needs a ${allowed}`);
    return value.trim();
  };
  if (def.kind === 'formula') {
    if (def.source === 'records')
      throw fieldError('VALIDATION_FAILED', 'source', 'formula_source', 'a formula combines data elements or indicators, not records');
    const text = only('formula');
    const check = checkFormula(code, text, catalogue);
    const [problem] = check.problems;
    if (problem) {
      throw new AppError('VALIDATION_FAILED', `formula: ${problem.message}`, {
        issues: [{ field: 'formula', rule: problem.kind, message: problem.message, reason: problem.reason }],
        problems: check.problems,
      });
    }
    if (check.cycle) {
      const path = check.cycle.map((c) => `I{${c}}`).join(' → ');
      throw fieldError('VALIDATION_FAILED', 'formula', 'cycle', `${path} is a cycle: an indicator cannot depend on itself`);
    }
    return { counter: null, formula: text };
  }
  if (def.source === 'indicators')
    throw fieldError('VALIDATION_FAILED', 'source', 'formula_source', 'indicators are combined through a formula: choose the kind formula');
  if (def.source === 'records') {
    const counter = only('counter');
    if (!isCounter(counter))
      throw fieldError('VALIDATION_FAILED', 'counter', 'unknown_counter', `${counter} is not a known record counter`);
    return { counter, formula: null };
  }
  const element = only('dataElement');
  const info = catalogue.elements.get(element);
  if (!info) throw fieldError('VALIDATION_FAILED', 'dataElement', 'unknown_reference', `unknown data element ${element}`);
  if (def.kind === 'record_count')
    throw fieldError(
      'VALIDATION_FAILED',
      'kind',
      'kind_source',
      'reported values are cumulative (a LAST stock) or new since start (a SUM flow), not a record count',
    );
  const wanted = info.aggregation === 'LAST' ? 'cumulative' : 'new_since_start';
  if (def.kind !== wanted) {
    throw fieldError(
      'VALIDATION_FAILED',
      'kind',
      'kind_aggregation',
      `${element} aggregates by ${info.aggregation}, so the indicator is ${wanted}, not ${def.kind}`,
    );
  }
  return { counter: `${info.aggregation === 'LAST' ? 'last' : 'sum'}:${element}`, formula: null };
}
