import { describe, expect, it } from 'vitest';
import type { Reference } from '../expression/ast.js';
import { parseExpression } from '../expression/parse.js';
import { evaluateSide } from './evaluate-side.js';

describe('evaluateSide', () => {
  it('asks for each distinct reference once, period offsets told apart', () => {
    const asked: Reference[] = [];
    const outcome = evaluateSide(
      parseExpression('#{a} + #{a} * 2 + #{a}.periodOffset(-1) + if(#{b} > 0, #{a}, 0)'),
      'NEVER_SKIP',
      (reference) => {
        asked.push(reference);
        return reference.kind === 'dataElement' && reference.periodOffset === -1 ? 10 : 1;
      },
    );
    expect(outcome).toEqual({ value: 1 + 2 + 10 + 1 });
    expect(asked).toEqual([
      { kind: 'dataElement', code: 'a', categoryOption: null, periodOffset: 0 },
      { kind: 'dataElement', code: 'a', categoryOption: null, periodOffset: -1 },
      { kind: 'dataElement', code: 'b', categoryOption: null, periodOffset: 0 },
    ]);
  });

  it('always has a value for a side without references', () => {
    expect(evaluateSide(parseExpression('10'), 'SKIP_IF_ALL_VALUES_MISSING', () => null)).toEqual({ value: 10 });
    expect(evaluateSide(parseExpression('10'), 'SKIP_IF_ANY_VALUE_MISSING', () => null)).toEqual({ value: 10 });
  });

  it('counts missing values as 0 inside if() as well, so a guarded formula still works', () => {
    expect(
      evaluateSide(parseExpression('if(#{b} > 0, #{a} / #{b}, 0)'), 'SKIP_IF_ALL_VALUES_MISSING', (r) => (r.code === 'a' ? 5 : null)),
    ).toEqual({ value: 0 });
  });
});
