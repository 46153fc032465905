import { type BinaryOperator, type Expression, type ExpressionNode, FUNCTION_NAMES, type FunctionName } from './ast.js';
import { checkTypes } from './check-types.js';
import { ExpressionError } from './expression-error.js';
import { type Operator, type Token, tokenize } from './tokenize.js';

/**
 * Binding powers, loosest first: or < and < not < comparisons < + - < * / < unary minus.
 * `not` binds looser than comparisons (as in SQL), so `not #{a} > 0` means `not (#{a} > 0)`.
 */
const INFIX: Partial<Record<Operator, number>> = {
  or: 1,
  and: 2,
  '==': 4,
  '!=': 4,
  '>': 4,
  '>=': 4,
  '<': 4,
  '<=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
};
const NOT_POWER = 3;
const COMPARISON_POWER = 4;
const NEGATION_POWER = 7;
const MAX_DEPTH = 100;
/** Long enough for any real formula; short enough that walking a left-deep chain of terms stays well inside the stack. */
const MAX_LENGTH = 4000;

const ARITY: Record<FunctionName, { min: number; max: number; usage: string }> = {
  if: { min: 3, max: 3, usage: 'if(condition, value if true, value if false)' },
  greatest: { min: 1, max: Number.POSITIVE_INFINITY, usage: 'greatest(a, b, …)' },
  least: { min: 1, max: Number.POSITIVE_INFINITY, usage: 'least(a, b, …)' },
  coalesce: { min: 1, max: Number.POSITIVE_INFINITY, usage: 'coalesce(a, b, …)' },
};

/** Parses and type-checks a formula that gives a number; throws ExpressionError naming the position and what was expected. */
export function parseExpression(source: string): Expression {
  if (source.trim() === '') throw new ExpressionError('syntax', 0, 'the formula is empty', 'empty');
  if (source.length > MAX_LENGTH)
    throw new ExpressionError('syntax', MAX_LENGTH, `the formula is longer than ${MAX_LENGTH} characters`, 'too_long', {
      max: MAX_LENGTH,
    });
  const root = new Parser(tokenize(source)).parseAll();
  checkTypes(root, source);
  return { source, root };
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parseAll(): ExpressionNode {
    const root = this.parseBinary(0);
    const rest = this.peek();
    if (rest.type === 'end') return root;
    if (rest.type === 'operator' && rest.operator === ')')
      throw new ExpressionError('syntax', rest.start, "')' without a matching '('", 'unmatched_close');
    throw new ExpressionError(
      'syntax',
      rest.start,
      `expected an operator or the end of the formula but found ${describe(rest)}`,
      'expected_operator',
      {
        found: rest.text,
      },
    );
  }

  private parseBinary(minPower: number): ExpressionNode {
    if (++this.depth > MAX_DEPTH)
      throw new ExpressionError('syntax', this.peek().start, `the formula nests deeper than ${MAX_DEPTH} levels`, 'too_deep', {
        max: MAX_DEPTH,
      });
    let left = this.parsePrefix();
    for (;;) {
      const token = this.peek();
      const power = token.type === 'operator' ? INFIX[token.operator] : undefined;
      if (token.type !== 'operator' || power === undefined || power <= minPower) break;
      this.index++;
      const right = this.parseBinary(power);
      const after = this.peek();
      if (power === COMPARISON_POWER && after.type === 'operator' && INFIX[after.operator] === COMPARISON_POWER) {
        throw new ExpressionError(
          'syntax',
          after.start,
          `comparisons cannot be chained: join them with 'and', as in a < b and b < c`,
          'chained_comparison',
        );
      }
      const operator = token.operator as BinaryOperator;
      left = { kind: 'binary', operator, at: token.start, left, right, start: left.start, end: right.end };
    }
    this.depth--;
    return left;
  }

  private parsePrefix(): ExpressionNode {
    const token = this.next();
    switch (token.type) {
      case 'number':
        return { kind: 'number', value: token.value, start: token.start, end: token.end };
      case 'dataElement': {
        const offset = this.parsePeriodOffset();
        const { code, categoryOption, start } = token;
        return { kind: 'dataElement', code, categoryOption, periodOffset: offset?.periods ?? 0, start, end: offset?.end ?? token.end };
      }
      case 'indicator':
        if (this.isOperator('.'))
          throw new ExpressionError('syntax', this.peek().start, 'periodOffset applies to data elements only', 'offset_on_indicator');
        return { kind: 'indicator', code: token.code, start: token.start, end: token.end };
      case 'name':
        return this.parseCall(token);
      case 'operator':
        return this.parsePrefixOperator(token);
      case 'end':
        throw new ExpressionError('syntax', token.start, 'expected a value but found end of input', 'unexpected_end');
    }
  }

  private parsePrefixOperator(token: Token & { type: 'operator' }): ExpressionNode {
    if (token.operator === '(') {
      const inner = this.parseBinary(0);
      const close = this.expect(')');
      // The span takes in the parentheses so messages quote balanced text: "(#{b} - #{c}) is 0".
      return { ...inner, start: token.start, end: close.end };
    }
    if (token.operator === '-' || token.operator === 'not') {
      const operand = this.parseBinary(token.operator === '-' ? NEGATION_POWER : NOT_POWER);
      return { kind: 'unary', operator: token.operator, at: token.start, operand, start: token.start, end: operand.end };
    }
    throw new ExpressionError('syntax', token.start, `expected a value but found ${describe(token)}`, 'expected_value', {
      found: token.text,
    });
  }

  private parseCall(token: Token & { type: 'name' }): ExpressionNode {
    const name = token.name.toLowerCase();
    if (!isFunctionName(name)) {
      if (this.isOperator('('))
        throw new ExpressionError(
          'unknown_function',
          token.start,
          `unknown function ${token.name}: use if, greatest, least or coalesce`,
          undefined,
          {
            name: token.name,
          },
        );
      throw new ExpressionError(
        'syntax',
        token.start,
        `unexpected name '${token.name}': data elements are written #{code}, indicators I{code}`,
        'unknown_name',
        { name: token.name },
      );
    }
    this.expect('(');
    const args: ExpressionNode[] = [];
    if (!this.isOperator(')')) {
      do args.push(this.parseBinary(0));
      while (this.accept(','));
    }
    const close = this.expect(')', args.length > 0 ? "',' or ')'" : undefined);
    const { min, max, usage } = ARITY[name];
    if (args.length < min || args.length > max) {
      const wanted = min === max ? `${min} arguments` : `at least ${min} argument`;
      throw new ExpressionError('arity', token.start, `${name} takes ${wanted} but got ${args.length}: ${usage}`, undefined, {
        name,
        usage,
        got: args.length,
      });
    }
    return { kind: 'call', name, args, start: token.start, end: close.end };
  }

  /** `.periodOffset(-1)` after a data element, or null when there is none. */
  private parsePeriodOffset(): { periods: number; end: number } | null {
    if (!this.accept('.')) return null;
    const name = this.next();
    if (name.type !== 'name' || name.name.toLowerCase() !== 'periodoffset') {
      throw new ExpressionError(
        'syntax',
        name.start,
        `expected periodOffset(n) after '.' but found ${describe(name)}`,
        'expected_period_offset',
      );
    }
    this.expect('(');
    const sign = this.accept('-') ? -1 : 1;
    const count = this.next();
    if (count.type !== 'number' || !Number.isInteger(count.value)) {
      throw new ExpressionError(
        'syntax',
        count.start,
        `periodOffset takes a whole number of periods, such as -1, but found ${describe(count)}`,
        'period_offset_whole',
      );
    }
    const close = this.expect(')');
    return { periods: sign * count.value, end: close.end };
  }

  private expect(operator: Operator, wanted = `'${operator}'`): Token {
    const token = this.next();
    if (token.type === 'operator' && token.operator === operator) return token;
    const detail = `expected ${wanted} but found ${describe(token)}`;
    if (token.type === 'end') throw new ExpressionError('syntax', token.start, detail, 'unexpected_end');
    throw new ExpressionError('syntax', token.start, detail, 'expected', { expected: wanted, found: token.text });
  }

  private accept(operator: Operator): boolean {
    if (!this.isOperator(operator)) return false;
    this.index++;
    return true;
  }

  private isOperator(operator: Operator): boolean {
    const token = this.peek();
    return token.type === 'operator' && token.operator === operator;
  }

  private peek(): Token {
    return this.tokens[this.index] ?? this.last();
  }

  private next(): Token {
    const token = this.peek();
    if (token.type !== 'end') this.index++;
    return token;
  }

  private last(): Token {
    const end = this.tokens[this.tokens.length - 1];
    if (!end) throw new Error('tokenize always ends with an end token');
    return end;
  }
}

function isFunctionName(name: string): name is FunctionName {
  return (FUNCTION_NAMES as readonly string[]).includes(name);
}

function describe(token: Token): string {
  return token.type === 'end' ? 'end of input' : `'${token.text}'`;
}
