import type { ComparisonOperator, Expression, ExpressionNode, Reference } from './ast.js';
import { compareNumbers } from './compare-numbers.js';
import { ExpressionError } from './expression-error.js';

/** Gives the value a formula refers to; null (or undefined) when it is missing. */
export type Resolver = (reference: Reference) => number | null | undefined;

type Value = number | boolean | null;

/**
 * Evaluates a parsed formula. A missing value makes the result missing (null) except inside
 * coalesce; `and`/`or` follow three-valued logic (false and missing is false). Dividing by zero
 * is an error naming the division, even when the numerator is missing, because it means the
 * formula needs an if() guard. Only the branch of if() that is taken is evaluated.
 */
export function evaluateExpression(expression: Expression, resolve: Resolver): number | null {
  const value = evaluateNode(expression.root, { source: expression.source, resolve });
  if (typeof value === 'boolean') throw new Error('a parsed expression always gives a number');
  return value === 0 ? 0 : value; // -0 reads as 0
}

interface Context {
  source: string;
  resolve: Resolver;
}

function evaluateNode(node: ExpressionNode, context: Context): Value {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'dataElement':
      return lookUp(
        node,
        { kind: 'dataElement', code: node.code, categoryOption: node.categoryOption, periodOffset: node.periodOffset },
        context,
      );
    case 'indicator':
      return lookUp(node, { kind: 'indicator', code: node.code }, context);
    case 'unary': {
      const operand = evaluateNode(node.operand, context);
      if (operand === null) return null;
      return node.operator === '-' ? -(operand as number) : !operand;
    }
    case 'binary':
      return evaluateBinary(node, context);
    case 'call':
      return evaluateCall(node, context);
  }
}

function lookUp(node: ExpressionNode, reference: Reference, context: Context): number | null {
  const value = context.resolve(reference) ?? null;
  if (value !== null && !Number.isFinite(value)) {
    throw new ExpressionError('not_finite', node.start, `the value of ${quote(node, context)} is not a finite number`);
  }
  return value;
}

function evaluateBinary(node: ExpressionNode & { kind: 'binary' }, context: Context): Value {
  const { operator } = node;
  if (operator === 'and' || operator === 'or') {
    const decisive = operator === 'or';
    const left = evaluateNode(node.left, context);
    if (left === decisive) return decisive;
    const right = evaluateNode(node.right, context);
    if (right === decisive) return decisive;
    return left === null || right === null ? null : !decisive;
  }
  const left = evaluateNode(node.left, context) as number | null;
  const right = evaluateNode(node.right, context) as number | null;
  if (operator === '/' && right === 0) {
    throw new ExpressionError(
      'division_by_zero',
      node.start,
      `division by zero in ${quote(node, context)}: ${quote(node.right, context)} is 0`,
    );
  }
  if (left === null || right === null) return null;
  if (operator !== '+' && operator !== '-' && operator !== '*' && operator !== '/')
    return compareNumbers(operator as ComparisonOperator, left, right);
  const result = operator === '+' ? left + right : operator === '-' ? left - right : operator === '*' ? left * right : left / right;
  if (!Number.isFinite(result)) throw new ExpressionError('not_finite', node.start, `${quote(node, context)} is too large to compute`);
  return result;
}

function evaluateCall(node: ExpressionNode & { kind: 'call' }, context: Context): Value {
  if (node.name === 'if') {
    const [condition, whenTrue, whenFalse] = node.args;
    if (!condition || !whenTrue || !whenFalse) throw new Error('the parser checks that if has three arguments');
    const decision = evaluateNode(condition, context);
    if (decision === null) return null;
    return evaluateNode(decision ? whenTrue : whenFalse, context);
  }
  if (node.name === 'coalesce') {
    for (const arg of node.args) {
      const value = evaluateNode(arg, context);
      if (value !== null) return value;
    }
    return null;
  }
  const values = node.args.map((arg) => evaluateNode(arg, context) as number | null);
  if (values.some((v) => v === null)) return null;
  return node.name === 'greatest' ? Math.max(...(values as number[])) : Math.min(...(values as number[]));
}

function quote(node: ExpressionNode, context: Context): string {
  return context.source.slice(node.start, node.end);
}
