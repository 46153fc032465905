import { describe, expect, it } from 'vitest';
import type { Reference } from './ast.js';
import { evaluateExpression, type Resolver } from './evaluate.js';
import { ExpressionError } from './expression-error.js';
import { parseExpression } from './parse.js';
import { createMapResolver } from './references.js';

const values = createMapResolver({ '#{a}': 6, '#{b}': 3, '#{zero}': 0, '#{BS.5GA}': 40, '#{BS.MACRO}': 60, 'I{T-INF-1}': 1000 });
const run = (source: string, resolve: Resolver = values) => evaluateExpression(parseExpression(source), resolve);

function errorOf(source: string, resolve: Resolver = values): ExpressionError {
  try {
    run(source, resolve);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`expected ${source} to fail`);
}

describe('evaluateExpression', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 - 4 - 3', 3],
    ['12 / 4 / 3', 1],
    ['-2 * 3', -6],
    ['- -2', 2],
    ['#{a} / #{b}', 2],
    ['#{a} - -#{b}', 9],
    ['#{BS.5GA} + #{BS.MACRO}', 100],
    ['I{T-INF-1} / 4', 250],
    ['greatest(1, #{a}, 3)', 6],
    ['least(#{a}, 3, 4)', 3],
    ['if(#{a} > #{b}, 1, 0)', 1],
    ['if(#{a} == 6 and #{b} != 6, 10, 20)', 10],
    ['if(#{a} < 6 or #{b} >= 4, 10, 20)', 20],
    ['if(not #{a} <= 5, 10, 20)', 10],
    ['if(!(#{a} > 5), 10, 20)', 20],
    ['if(0.1 + 0.2 == 0.3, 1, 0)', 1],
    ['if(0.1 + 0.2 > 0.3, 1, 0)', 0],
    ['if(0.1 + 0.2 >= 0.3 and 0.1 + 0.2 <= 0.3, 1, 0)', 1],
    ['coalesce(#{missing}, #{b}, 5)', 3],
    ['coalesce(#{missing}, 0) + 1', 1],
    ['coalesce(#{missing}, #{other})', null],
  ])('%s = %s', (source, expected) => {
    expect(run(source)).toBe(expected);
  });

  it('propagates a missing value through arithmetic, comparisons, greatest and least', () => {
    for (const source of ['#{missing} + 1', '-#{missing}', 'greatest(1, #{missing})', 'least(#{missing}, 1)', 'if(#{missing} > 0, 1, 0)']) {
      expect(run(source), source).toBeNull();
    }
  });

  it('uses three-valued logic for and / or / not: a missing value decides nothing on its own', () => {
    expect(run('if(#{missing} > 0 and #{b} > 5, 1, 0)')).toBe(0); // missing and false = false
    expect(run('if(#{b} > 5 and #{missing} > 0, 1, 0)')).toBe(0);
    expect(run('if(#{missing} > 0 and #{b} > 1, 1, 0)')).toBeNull(); // missing and true = missing
    expect(run('if(#{missing} > 0 or #{b} > 1, 1, 0)')).toBe(1); // missing or true = true
    expect(run('if(#{missing} > 0 or #{b} > 5, 1, 0)')).toBeNull(); // missing or false = missing
    expect(run('if(not #{missing} > 0, 1, 0)')).toBeNull();
  });

  it('evaluates only the branch of if that is taken, so a guarded division works', () => {
    expect(run('if(#{zero} == 0, 0, #{a} / #{zero})')).toBe(0);
    const asked: string[] = [];
    const spy: Resolver = (reference) => {
      asked.push(reference.code);
      return 1;
    };
    expect(run('if(#{x} > 0, #{y}, #{z})', spy)).toBe(1);
    expect(asked).toEqual(['x', 'y']);
  });

  it('stops at the first value coalesce finds', () => {
    const asked: string[] = [];
    const spy: Resolver = (reference) => {
      asked.push(reference.code);
      return reference.code === 'b' ? 2 : null;
    };
    expect(run('coalesce(#{a}, #{b}, #{c})', spy)).toBe(2);
    expect(asked).toEqual(['a', 'b']);
  });

  it('hands the resolver each reference with its category option and period offset', () => {
    const asked: Reference[] = [];
    run('#{BS.5GA} - #{BS}.periodOffset(-1) + I{T-INF-1}', (reference) => {
      asked.push(reference);
      return 1;
    });
    expect(asked).toEqual([
      { kind: 'dataElement', code: 'BS', categoryOption: '5GA', periodOffset: 0 },
      { kind: 'dataElement', code: 'BS', categoryOption: null, periodOffset: -1 },
      { kind: 'indicator', code: 'T-INF-1' },
    ]);
  });

  it('evaluates the longest formula allowed, a chain of 2,000 terms', () => {
    const source = Array.from({ length: 2000 }, () => '1').join('+');
    expect(source.length).toBe(3999);
    expect(run(source)).toBe(2000);
  });

  it('treats undefined from the resolver as missing and never returns -0', () => {
    expect(run('#{a} + 1', () => undefined)).toBeNull();
    expect(Object.is(run('0 * -1'), 0)).toBe(true);
  });
});

describe('evaluateExpression: errors', () => {
  it('refuses division by zero, naming the division and the divisor', () => {
    const error = errorOf('#{a} / #{zero}');
    expect(error.kind).toBe('division_by_zero');
    expect(error.message).toBe('at 0: division by zero in #{a} / #{zero}: #{zero} is 0');
    expect(errorOf('1 + #{a} / (#{b} - 3)').message).toBe('at 4: division by zero in #{a} / (#{b} - 3): (#{b} - 3) is 0');
  });

  it('refuses division by zero even when the numerator is missing, since the formula needs a guard', () => {
    expect(errorOf('#{missing} / 0').kind).toBe('division_by_zero');
  });

  it('returns missing, not an error, when the divisor is missing', () => {
    expect(run('#{a} / #{missing}')).toBeNull();
  });

  it('refuses values and results that are not finite numbers', () => {
    expect(errorOf('1 + #{a}', () => Number.NaN).message).toBe('at 4: the value of #{a} is not a finite number');
    expect(errorOf('#{a} * #{a}', () => 1e200).message).toBe('at 0: #{a} * #{a} is too large to compute');
    expect(errorOf('#{a} * #{a}', () => 1e200).kind).toBe('not_finite');
  });
});
