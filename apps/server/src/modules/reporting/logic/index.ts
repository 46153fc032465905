/**
 * Pure reporting logic (issue #4): the formula language shared by validation rules and indicator
 * formulas, DHIS2 periods and when a form may be edited, validation rules, and aggregation of
 * reported values over time. No database, no HTTP: services wire these to tables and routes.
 */

export { aggregateValue, lastValueOn, type PeriodValue, sumOfLastValues, sumValuesBetween } from './aggregate.js';
export type { Expression, ExpressionNode, Reference } from './expression/ast.js';
export { evaluateExpression, type Resolver } from './expression/evaluate.js';
export { ExpressionError } from './expression/expression-error.js';
export { findCycle } from './expression/find-cycle.js';
export { parseExpression } from './expression/parse.js';
export {
  checkReferences,
  createMapResolver,
  type ExpressionReferences,
  type KnownCodes,
  referenceKey,
  references,
} from './expression/references.js';
export { addDays, dayNumber, isIsoDate } from './periods/calendar.js';
export { type EntryForm, entryState } from './periods/entry-state.js';
export {
  comparePeriods,
  nextPeriod,
  periodContaining,
  periodEnd,
  periodStart,
  periodsBetween,
  previousPeriod,
  shiftPeriod,
} from './periods/period-dates.js';
export { formatPeriod, type Period, PeriodError, parsePeriod, validatePeriodId } from './periods/period-id.js';
export { checkRule } from './validation/check-rule.js';
export { compileRule, evaluateRule, evaluateRules } from './validation/evaluate-rule.js';
export type { SideOutcome } from './validation/evaluate-side.js';
