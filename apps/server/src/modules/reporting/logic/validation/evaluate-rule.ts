import type {
  MissingValueStrategy,
  ReasonParams,
  RuleResult,
  ValidationOperator,
  ValidationRule,
  ValidationRuleSide,
} from '@suilian/contracts';
import type { ComparisonOperator, Expression } from '../expression/ast.js';
import { compareNumbers } from '../expression/compare-numbers.js';
import type { Resolver } from '../expression/evaluate.js';
import { parseExpression } from '../expression/parse.js';
import { evaluateSide, type SideOutcome } from './evaluate-side.js';

const COMPARISONS: Record<
  Exclude<ValidationOperator, 'compulsory_pair' | 'exclusive_pair'>,
  { symbol: ComparisonOperator; words: string }
> = {
  equal_to: { symbol: '==', words: 'equal to' },
  not_equal_to: { symbol: '!=', words: 'different from' },
  greater_than: { symbol: '>', words: 'greater than' },
  greater_than_or_equal_to: { symbol: '>=', words: 'greater than or equal to' },
  less_than: { symbol: '<', words: 'less than' },
  less_than_or_equal_to: { symbol: '<=', words: 'less than or equal to' },
};

interface CompiledSide {
  expression: Expression;
  strategy: MissingValueStrategy;
  label: string;
}

/** Parsed sides per rule object, so a batch over many forms parses each rule once (rules are not mutated after loading). */
const compiled = new WeakMap<ValidationRule, { left: CompiledSide; right: CompiledSide }>();

/**
 * Evaluates `left OP right` for one form (DHIS2 semantics): the pair operators look only at which
 * sides have values; the comparisons skip when a side has none (see evaluateSide). The message
 * names the rule and both sides' values. A side that cannot be computed (division by zero) skips
 * the rule and says why. Throws ExpressionError when a side does not parse: check rules on save.
 */
export function evaluateRule(rule: ValidationRule, resolve: Resolver): RuleResult {
  const sides = compileRule(rule);
  const left = evaluateSide(sides.left.expression, sides.left.strategy, resolve);
  const right = evaluateSide(sides.right.expression, sides.right.strategy, resolve);
  // The console words `reason` (code + the rule, its name, the operator and both sides); `message` stays for logs and API clients.
  const facts: ReasonParams = {
    rule: rule.code,
    name: rule.name,
    operator: rule.operator,
    left: left.value === null ? null : formatNumber(left.value),
    right: right.value === null ? null : formatNumber(right.value),
    leftLabel: sides.left.label,
    rightLabel: sides.right.label,
  };
  const result = (status: RuleResult['status'], detail: string, code: string, params: ReasonParams = {}): RuleResult => ({
    rule: rule.code,
    status,
    left: left.value,
    right: right.value,
    message: `Rule ${rule.code} (${rule.name}) ${status}: ${detail}`,
    reason: { code: `rule.${code}`, params: { ...facts, ...params } },
  });
  const leftText = describeSide('left', sides.left, left);
  const rightText = describeSide('right', sides.right, right);

  const named = [
    { name: 'left', side: sides.left, outcome: left },
    { name: 'right', side: sides.right, outcome: right },
  ] as const;
  for (const { name, outcome } of named) {
    if (outcome.skipped === 'error')
      return result('skipped', `the ${name} side cannot be computed (${outcome.error.message})`, 'skipped_error', {
        side: name,
        problem: outcome.error.kind,
      });
  }
  if (rule.operator === 'compulsory_pair') {
    if ((left.value === null) === (right.value === null))
      return result('passed', `${leftText} and ${rightText}: both or neither, as required`, 'passed_pair');
    return result('failed', `${leftText} but ${rightText}: fill both or neither`, 'failed_compulsory_pair');
  }
  if (rule.operator === 'exclusive_pair') {
    if (left.value !== null && right.value !== null)
      return result('failed', `${leftText} and ${rightText}: fill at most one of them`, 'failed_exclusive_pair');
    return result('passed', `${leftText} and ${rightText}: at most one, as required`, 'passed_pair');
  }
  if (left.value === null || right.value === null) {
    const missing = left.value === null ? named[0] : named[1];
    return result('skipped', `the ${missing.name} side ${skipReason(missing.outcome, missing.side)}`, 'skipped_missing', {
      side: missing.name,
      strategy: missing.side.strategy,
    });
  }
  const { symbol, words } = COMPARISONS[rule.operator];
  if (compareNumbers(symbol, left.value, right.value)) return result('passed', `${leftText} ${symbol} ${rightText}`, 'passed_comparison');
  return result('failed', `${leftText} should be ${words} ${rightText}`, 'failed_comparison');
}

/** Evaluates every rule for one form, in order. */
export function evaluateRules(rules: readonly ValidationRule[], resolve: Resolver): RuleResult[] {
  return rules.map((rule) => evaluateRule(rule, resolve));
}

/** Parses both sides once per rule object; throws ExpressionError (message prefixed with the side) when one does not parse. */
export function compileRule(rule: ValidationRule): { left: CompiledSide; right: CompiledSide } {
  const cached = compiled.get(rule);
  if (cached) return cached;
  const sides = { left: compileSide(rule.left, 'left'), right: compileSide(rule.right, 'right') };
  compiled.set(rule, sides);
  return sides;
}

function compileSide(side: ValidationRuleSide, name: 'left' | 'right'): CompiledSide {
  let expression: Expression;
  try {
    expression = parseExpression(side.expression);
  } catch (error) {
    if (error instanceof Error) error.message = `${name} side: ${error.message}`;
    throw error;
  }
  return { expression, strategy: side.missingValueStrategy ?? 'SKIP_IF_ALL_VALUES_MISSING', label: side.description || side.expression };
}

function describeSide(name: string, side: CompiledSide, outcome: SideOutcome): string {
  return outcome.value === null ? `${name} side ${side.label} has no value` : `${name} side ${side.label} = ${formatNumber(outcome.value)}`;
}

function skipReason(outcome: SideOutcome, side: CompiledSide): string {
  if (outcome.skipped === 'any_missing') return `has missing values (${side.strategy})`;
  return `has no values (${side.strategy})`;
}

/** Twelve significant digits: enough for any reported figure, few enough to hide floating-point noise. */
function formatNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}
