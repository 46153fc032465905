import { describe, expect, it } from 'vitest';
import type { ExpressionNode } from './ast.js';
import { ExpressionError } from './expression-error.js';
import { parseExpression } from './parse.js';

/** The tree as a Lisp-like string, so precedence is visible at a glance. */
function show(node: ExpressionNode): string {
  switch (node.kind) {
    case 'number':
      return String(node.value);
    case 'dataElement': {
      const option = node.categoryOption === null ? '' : `.${node.categoryOption}`;
      return `#${node.code}${option}${node.periodOffset === 0 ? '' : `@${node.periodOffset}`}`;
    }
    case 'indicator':
      return `I${node.code}`;
    case 'unary':
      return `(${node.operator} ${show(node.operand)})`;
    case 'binary':
      return `(${node.operator} ${show(node.left)} ${show(node.right)})`;
    case 'call':
      return `(${node.name} ${node.args.map(show).join(' ')})`;
  }
}

const tree = (source: string) => show(parseExpression(source).root);

function errorOf(source: string): ExpressionError {
  try {
    parseExpression(source);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`expected ${source} to be refused`);
}

describe('parseExpression: structure', () => {
  it.each([
    ['1 + 2 * 3', '(+ 1 (* 2 3))'],
    ['(1 + 2) * 3', '(* (+ 1 2) 3)'],
    ['10 - 4 - 3', '(- (- 10 4) 3)'],
    ['12 / 4 / 3', '(/ (/ 12 4) 3)'],
    ['-2 * 3', '(* (- 2) 3)'],
    ['2 * -3', '(* 2 (- 3))'],
    ['- -2', '(- (- 2))'],
    ['#{a} - -#{b}', '(- #a (- #b))'],
    ['#{BS_TOTAL.5GA} + #{BS_TOTAL.VENUE}', '(+ #BS_TOTAL.5GA #BS_TOTAL.VENUE)'],
    ['I{T-INF-1} / 1000', '(/ IT-INF-1 1000)'],
    ['#{基站}', '#基站'],
    ['#{BS}.periodOffset(-1)', '#BS@-1'],
    ['#{BS.5GA}.periodOffset(2)', '#BS.5GA@2'],
    ['if(#{a} > 0 and #{b} <= 1 or not #{c} == 2, 1, 0)', '(if (or (and (> #a 0) (<= #b 1)) (not (== #c 2))) 1 0)'],
    ['if(#{a} > 0 && #{b} < 1 || !#{c} != 2, 1, 0)', '(if (or (and (> #a 0) (< #b 1)) (not (!= #c 2))) 1 0)'],
    ['if(not #{a} > 0 and #{b} >= 1, 1, 0)', '(if (and (not (> #a 0)) (>= #b 1)) 1 0)'],
    ['greatest(1, #{a}, 3) + least(#{b})', '(+ (greatest 1 #a 3) (least #b))'],
    ['coalesce(#{a}, #{b}, 0)', '(coalesce #a #b 0)'],
    ['IF(#{a} > 0, 1, 0) + Greatest(1, 2)', '(+ (if (> #a 0) 1 0) (greatest 1 2))'],
    ['if(if(#{a} > 0, #{a} > 1, #{b} > 1) AND 1 > 0, 1, 0)', '(if (and (if (> #a 0) (> #a 1) (> #b 1)) (> 1 0)) 1 0)'],
    ['3.25 + 0.5', '(+ 3.25 0.5)'],
  ])('%s → %s', (source, expected) => {
    expect(tree(source)).toBe(expected);
  });

  it('records the source span of every node, parentheses and period offsets included', () => {
    const { root } = parseExpression('1 + (#{a} - 2) * #{b}.periodOffset(-1)');
    expect(root).toMatchObject({ kind: 'binary', operator: '+', at: 2, start: 0, end: 38 });
    if (root.kind !== 'binary' || root.right.kind !== 'binary') throw new Error('unexpected shape');
    expect(root.right).toMatchObject({ operator: '*', start: 4, end: 38, left: { start: 4, end: 14 }, right: { start: 17, end: 38 } });
  });
});

describe('parseExpression: errors name the position and what was expected', () => {
  it.each([
    ['', 'syntax', 'at 0: the formula is empty'],
    ['(1 + 2', 'syntax', "at 6: expected ')' but found end of input"],
    ['if(#{a} > 0, 1', 'syntax', "at 14: expected ',' or ')' but found end of input"],
    ['1 +', 'syntax', 'at 3: expected a value but found end of input'],
    ['1 * )', 'syntax', "at 4: expected a value but found ')'"],
    ['1 2', 'syntax', "at 2: expected an operator or the end of the formula but found '2'"],
    ['(1))', 'syntax', "at 3: ')' without a matching '('"],
    ['sqrt(#{a})', 'unknown_function', 'at 0: unknown function sqrt: use if, greatest, least or coalesce'],
    ['abc + 1', 'syntax', "at 0: unexpected name 'abc': data elements are written #{code}, indicators I{code}"],
    ['if (1)', 'arity', 'at 0: if takes 3 arguments but got 1: if(condition, value if true, value if false)'],
    ['least(1,)', 'syntax', "at 8: expected a value but found ')'"],
    ['#{abc + 1', 'syntax', 'at 0: #{ without a closing }'],
    ['1 + I{T-INF-1', 'syntax', 'at 4: I{ without a closing }'],
    ['#{a b}', 'syntax', "at 3: unexpected ' ' in a data element code: codes are letters, digits, '_' and '-'"],
    ['#{}', 'syntax', 'at 2: expected a data element code after #{'],
    ['#{a.b.c}', 'syntax', 'at 5: a data element takes at most one category option: #{element.option}'],
    ['#{a.}', 'syntax', "at 4: expected a category option code after '.'"],
    ['I{a.b}', 'syntax', 'at 3: an indicator has no category options: write I{code}'],
    ['I{}', 'syntax', 'at 2: expected an indicator code after I{'],
    ['# {a}', 'syntax', "at 0: expected '{' after '#': data elements are written #{code}"],
    ['#{a}.offset(1)', 'syntax', "at 5: expected periodOffset(n) after '.' but found 'offset'"],
    ['#{a}.periodOffset(1.5)', 'syntax', "at 18: periodOffset takes a whole number of periods, such as -1, but found '1.5'"],
    ['I{X}.periodOffset(-1)', 'syntax', 'at 4: periodOffset applies to data elements only'],
    ['#{a} = 1', 'syntax', "at 5: unexpected '=': use '==' to compare"],
    ['#{a} & #{b}', 'syntax', "at 5: unexpected '&': use '&&' or 'and'"],
    ['greatest（1, 2)', 'syntax', "at 8: unexpected '（': type '(' instead"],
    ['1 $ 2', 'syntax', "at 2: unexpected character '$'"],
    ['1.', 'syntax', "at 2: expected a digit after the decimal point '.'"],
    ['1 < 2 < 3', 'syntax', "at 6: comparisons cannot be chained: join them with 'and', as in a < b and b < c"],
    ['if(1 > 0, 1)', 'arity', 'at 0: if takes 3 arguments but got 2: if(condition, value if true, value if false)'],
    ['greatest()', 'arity', 'at 0: greatest takes at least 1 argument but got 0: greatest(a, b, …)'],
    ['#{a} > 0', 'type', 'at 0: the formula gives true/false, not a number: wrap the condition in if(…, 1, 0)'],
    ['(#{a} > 0) + 1', 'type', "at 0: '+' needs numbers, but (#{a} > 0) is a condition (true/false)"],
    ['if(#{a}, 1, 2)', 'type', 'at 3: the first argument of if must be a condition such as #{a} > 0, but #{a} is a number'],
    ['if(#{a} > 0, 1, #{b} > 0)', 'type', 'at 16: the two results of if must both be numbers or both be conditions'],
    ['if(#{a} and 1 > 0, 1, 0)', 'type', "at 3: 'and' joins conditions, but #{a} is a number"],
    ['if(not #{a}, 1, 0)', 'type', "at 7: 'not' needs a condition such as #{a} > 0, but #{a} is a number"],
    ['-(1 > 0)', 'type', "at 1: '-' needs a number, but (1 > 0) is a condition (true/false)"],
    ['greatest(1, 2 > 1)', 'type', 'at 12: greatest takes numbers, but 2 > 1 is a condition (true/false)'],
    ['coalesce(1, 2 > 1)', 'type', 'at 12: coalesce takes numbers, but 2 > 1 is a condition (true/false)'],
  ])('%j → %s %s', (source, kind, message) => {
    const error = errorOf(source);
    expect(error.kind).toBe(kind);
    expect(error.message).toBe(message);
    const position = Number(message.slice(3, message.indexOf(':')));
    expect(error.toProblem()).toMatchObject({ kind, position, message });
    // (#12 item 3) a code the console words, with the 1-based position
    expect(error.toProblem().reason).toMatchObject({
      code: expect.stringMatching(/^formula\.[a-z_]+$/),
      params: { position: position + 1 },
    });
  });

  it('refuses a formula longer than 4,000 characters', () => {
    expect(errorOf(`1${'+1'.repeat(2000)}`).message).toBe('at 4000: the formula is longer than 4000 characters');
  });

  it('refuses nesting deeper than 100 levels, and accepts 99', () => {
    expect(tree(`${'('.repeat(99)}1${')'.repeat(99)}`)).toBe('1');
    expect(errorOf(`${'('.repeat(101)}1${')'.repeat(101)}`).message).toBe('at 100: the formula nests deeper than 100 levels');
  });
});
