import type { ValidationOperator, ValidationRule } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import { createMapResolver } from '../expression/references.js';
import { checkRule } from './check-rule.js';
import { compileRule, evaluateRule, evaluateRules } from './evaluate-rule.js';

const rule = (operator: ValidationOperator, left = '#{a}', right = '#{b}'): ValidationRule => ({
  code: 'R1',
  name: 'test rule',
  left: { expression: left },
  operator,
  right: { expression: right },
});
const values = (a: number | null, b: number | null) => createMapResolver({ '#{a}': a, '#{b}': b });

describe('evaluateRule: the six comparison operators', () => {
  it.each([
    ['equal_to', 5, 5, 'passed'],
    ['equal_to', 5, 6, 'failed'],
    ['not_equal_to', 5, 6, 'passed'],
    ['not_equal_to', 5, 5, 'failed'],
    ['greater_than', 6, 5, 'passed'],
    ['greater_than', 5, 5, 'failed'],
    ['greater_than_or_equal_to', 5, 5, 'passed'],
    ['greater_than_or_equal_to', 4, 5, 'failed'],
    ['less_than', 4, 5, 'passed'],
    ['less_than', 5, 5, 'failed'],
    ['less_than_or_equal_to', 5, 5, 'passed'],
    ['less_than_or_equal_to', 6, 5, 'failed'],
  ] as const)('%s with %d and %d: %s', (operator, a, b, status) => {
    expect(evaluateRule(rule(operator), values(a, b))).toMatchObject({ rule: 'R1', status, left: a, right: b });
  });

  it('names the rule and both sides with their values', () => {
    expect(evaluateRule(rule('greater_than_or_equal_to'), values(4, 5)).message).toBe(
      'Rule R1 (test rule) failed: left side #{a} = 4 should be greater than or equal to right side #{b} = 5',
    );
    expect(evaluateRule(rule('not_equal_to'), values(4, 5)).message).toBe(
      'Rule R1 (test rule) passed: left side #{a} = 4 != right side #{b} = 5',
    );
  });

  it('compares decimals with a tolerance, and prints them without floating-point noise', () => {
    const result = evaluateRule(rule('equal_to', '0.1 + 0.2', '0.3'), values(null, null));
    expect(result.status).toBe('passed');
    expect(result.message).toBe('Rule R1 (test rule) passed: left side 0.1 + 0.2 = 0.3 == right side 0.3 = 0.3');
  });
});

describe('evaluateRule: the pair operators look only at which sides have values', () => {
  it.each([
    ['compulsory_pair', 1, 2, 'passed'],
    ['compulsory_pair', null, null, 'passed'],
    ['compulsory_pair', 1, null, 'failed'],
    ['compulsory_pair', null, 0, 'failed'],
    ['exclusive_pair', 1, null, 'passed'],
    ['exclusive_pair', null, 2, 'passed'],
    ['exclusive_pair', null, null, 'passed'],
    ['exclusive_pair', 1, 0, 'failed'],
  ] as const)('%s with %s and %s: %s', (operator, a, b, status) => {
    expect(evaluateRule(rule(operator), values(a, b))).toMatchObject({ status, left: a, right: b });
  });

  it('says which side is missing', () => {
    expect(evaluateRule(rule('compulsory_pair'), values(1, null)).message).toBe(
      'Rule R1 (test rule) failed: left side #{a} = 1 but right side #{b} has no value: fill both or neither',
    );
    expect(evaluateRule(rule('exclusive_pair'), values(1, 2)).message).toBe(
      'Rule R1 (test rule) failed: left side #{a} = 1 and right side #{b} = 2: fill at most one of them',
    );
  });
});

describe('evaluateRule: missing-value strategies', () => {
  const sum = (strategy: 'SKIP_IF_ANY_VALUE_MISSING' | 'SKIP_IF_ALL_VALUES_MISSING' | 'NEVER_SKIP'): ValidationRule => ({
    code: 'R2',
    name: 'sum at most 10',
    left: { expression: '#{a} + #{b}', missingValueStrategy: strategy },
    operator: 'less_than_or_equal_to',
    right: { expression: '10' },
  });

  it('SKIP_IF_ANY_VALUE_MISSING skips when any value is missing', () => {
    expect(evaluateRule(sum('SKIP_IF_ANY_VALUE_MISSING'), values(4, 5))).toMatchObject({ status: 'passed', left: 9, right: 10 });
    expect(evaluateRule(sum('SKIP_IF_ANY_VALUE_MISSING'), values(4, null))).toMatchObject({
      rule: 'R2',
      status: 'skipped',
      left: null,
      right: 10,
      message: 'Rule R2 (sum at most 10) skipped: the left side has missing values (SKIP_IF_ANY_VALUE_MISSING)',
      reason: { code: 'rule.skipped_missing', params: { rule: 'R2', side: 'left', strategy: 'SKIP_IF_ANY_VALUE_MISSING' } },
    });
  });

  it('SKIP_IF_ALL_VALUES_MISSING counts a missing value as 0 unless all are missing', () => {
    expect(evaluateRule(sum('SKIP_IF_ALL_VALUES_MISSING'), values(12, null))).toMatchObject({ status: 'failed', left: 12 });
    expect(evaluateRule(sum('SKIP_IF_ALL_VALUES_MISSING'), values(null, null))).toMatchObject({
      status: 'skipped',
      left: null,
      message: 'Rule R2 (sum at most 10) skipped: the left side has no values (SKIP_IF_ALL_VALUES_MISSING)',
    });
  });

  it('NEVER_SKIP counts missing values as 0', () => {
    expect(evaluateRule(sum('NEVER_SKIP'), values(null, null))).toMatchObject({ status: 'passed', left: 0, right: 10 });
    const atLeastOne = { ...sum('NEVER_SKIP'), operator: 'greater_than' as const, right: { expression: '0' } };
    expect(evaluateRule(atLeastOne, values(null, null))).toMatchObject({ status: 'failed', left: 0, right: 0 });
  });

  it('defaults to SKIP_IF_ALL_VALUES_MISSING, as DHIS2 does', () => {
    expect(evaluateRule(rule('equal_to', '#{a} + #{b}', '5'), values(5, null)).status).toBe('passed');
    expect(evaluateRule(rule('equal_to', '#{a} + #{b}', '5'), values(null, null)).status).toBe('skipped');
  });

  it('skips, naming the division, when a side divides by zero', () => {
    expect(evaluateRule(rule('less_than', '#{a} / #{b}', '1'), values(3, 0))).toMatchObject({
      status: 'skipped',
      message: 'Rule R1 (test rule) skipped: the left side cannot be computed (at 0: division by zero in #{a} / #{b}: #{b} is 0)',
    });
  });
});

describe('evaluateRule: the district monthly report', () => {
  const neverFalls: ValidationRule = {
    code: 'BS-NEVER-FALLS',
    name: '5G 基站累计数不下降',
    left: { expression: '#{BS}', description: 'this month' },
    operator: 'greater_than_or_equal_to',
    right: { expression: '#{BS}.periodOffset(-1)', description: 'last month' },
  };

  it('a cumulative figure never falls: this period ≥ the previous period', () => {
    const fell = createMapResolver({ '#{BS}': 1150 }, { [-1]: { '#{BS}': 1200 } });
    expect(evaluateRule(neverFalls, fell)).toMatchObject({
      rule: 'BS-NEVER-FALLS',
      status: 'failed',
      left: 1150,
      right: 1200,
      message:
        'Rule BS-NEVER-FALLS (5G 基站累计数不下降) failed: left side this month = 1150 should be greater than or equal to right side last month = 1200',
    });
    // (#12 item 3) the console words the outcome from the code, the rule's name, the operator and both values
    expect(evaluateRule(neverFalls, fell).reason).toEqual({
      code: 'rule.failed_comparison',
      params: {
        rule: 'BS-NEVER-FALLS',
        name: '5G 基站累计数不下降',
        operator: 'greater_than_or_equal_to',
        left: '1150',
        right: '1200',
        leftLabel: 'this month',
        rightLabel: 'last month',
      },
    });
    expect(evaluateRule(neverFalls, createMapResolver({ '#{BS}': 1250 }, { [-1]: { '#{BS}': 1200 } })).status).toBe('passed');
    expect(evaluateRule(neverFalls, createMapResolver({ '#{BS}': 1200 }, { [-1]: { '#{BS}': 1200 } })).status).toBe('passed');
  });

  it('skips the first report, which has no previous period', () => {
    expect(evaluateRule(neverFalls, createMapResolver({ '#{BS}': 900 })).message).toBe(
      'Rule BS-NEVER-FALLS (5G 基站累计数不下降) skipped: the right side has no values (SKIP_IF_ALL_VALUES_MISSING)',
    );
  });

  const categoriesSum: ValidationRule = {
    code: 'BS-SUM',
    name: 'categories sum to the total',
    left: { expression: '#{BS}' },
    operator: 'equal_to',
    right: { expression: '#{BS.MACRO} + #{BS.SMALL} + #{BS.5GA}', missingValueStrategy: 'SKIP_IF_ANY_VALUE_MISSING' },
  };
  const form = (total: number, macro: number | null, small: number, fiveGA: number) =>
    createMapResolver({ '#{BS}': total, '#{BS.MACRO}': macro, '#{BS.SMALL}': small, '#{BS.5GA}': fiveGA });

  it('categories sum to the total', () => {
    expect(evaluateRule(categoriesSum, form(100, 60, 30, 10))).toMatchObject({ status: 'passed', left: 100, right: 100 });
    expect(evaluateRule(categoriesSum, form(100, 60, 30, 15))).toMatchObject({
      status: 'failed',
      message:
        'Rule BS-SUM (categories sum to the total) failed: left side #{BS} = 100 should be equal to right side #{BS.MACRO} + #{BS.SMALL} + #{BS.5GA} = 105',
    });
    expect(evaluateRule(categoriesSum, form(100, null, 30, 10)).status).toBe('skipped');
  });

  it('runs a list of rules in order, parsing each rule object once', () => {
    expect(compileRule(neverFalls)).toBe(compileRule(neverFalls));
    const resolve = createMapResolver({ '#{BS}': 100, '#{BS.MACRO}': 60, '#{BS.SMALL}': 30, '#{BS.5GA}': 10 }, { [-1]: { '#{BS}': 120 } });
    expect(evaluateRules([neverFalls, categoriesSum], resolve).map((r) => `${r.rule}:${r.status}`)).toEqual([
      'BS-NEVER-FALLS:failed',
      'BS-SUM:passed',
    ]);
  });
});

describe('checkRule', () => {
  const known = { dataElements: new Map([['BS', new Set(['MACRO'])]]), indicators: new Set<string>() };

  it('finds nothing wrong with a sound rule', () => {
    expect(checkRule(rule('equal_to', '#{BS}', '#{BS.MACRO}'), known)).toEqual([]);
  });

  it('reports syntax and unknown codes side by side', () => {
    expect(checkRule(rule('equal_to', '#{BS} +', '#{BS.VENUE} + I{T-INF-1}'), known)).toMatchObject([
      { side: 'left', problem: { kind: 'syntax', position: 7, message: 'at 7: expected a value but found end of input' } },
      { side: 'right', problem: { kind: 'unknown_reference', position: 0, message: 'at 0: data element BS has no category option VENUE' } },
      { side: 'right', problem: { kind: 'unknown_reference', position: 14, message: 'at 14: unknown indicator T-INF-1' } },
    ]);
    expect(checkRule(rule('equal_to', '#{BS} +', '#{BS.VENUE} + I{T-INF-1}'), known).map((p) => p.problem.reason)).toEqual([
      { code: 'formula.unexpected_end', params: { position: 8 } },
      { code: 'formula.unknown_option', params: { position: 1, code: 'BS', option: 'VENUE' } },
      { code: 'formula.unknown_indicator', params: { position: 15, code: 'T-INF-1' } },
    ]);
  });

  it('makes evaluateRule throw for a rule that does not parse, naming the side', () => {
    expect(() => evaluateRule(rule('equal_to', '#{a}', 'sqrt(#{b})'), values(1, 1))).toThrow(
      'right side: at 0: unknown function sqrt: use if, greatest, least or coalesce',
    );
  });
});
