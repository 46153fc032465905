import type { ExpressionNode, ValueType } from './ast.js';
import { ExpressionError } from './expression-error.js';

/**
 * Checks that numbers and conditions are used where each belongs, so a formula is refused when it
 * is saved rather than when it is first evaluated. The whole formula must give a number.
 */
export function checkTypes(root: ExpressionNode, source: string): void {
  if (typeOf(root, source) === 'boolean') {
    throw new ExpressionError(
      'type',
      root.start,
      'the formula gives true/false, not a number: wrap the condition in if(…, 1, 0)',
      'boolean_result',
    );
  }
}

/** Each child's type is computed once, so nested calls stay linear in the size of the formula. */
function typeOf(node: ExpressionNode, source: string): ValueType {
  switch (node.kind) {
    case 'number':
    case 'dataElement':
    case 'indicator':
      return 'number';
    case 'unary': {
      const negation = node.operator === '-';
      const wanted: ValueType = negation ? 'number' : 'boolean';
      const found = typeOf(node.operand, source);
      if (found !== wanted)
        throw mismatch(node.operand, source, negation ? "'-' needs a number" : "'not' needs a condition such as #{a} > 0", found);
      return wanted;
    }
    case 'binary': {
      const { operator } = node;
      const logical = operator === 'and' || operator === 'or';
      const wanted: ValueType = logical ? 'boolean' : 'number';
      for (const side of [node.left, node.right]) {
        const found = typeOf(side, source);
        if (found !== wanted)
          throw mismatch(side, source, logical ? `'${operator}' joins conditions` : `'${operator}' needs numbers`, found);
      }
      return ['+', '-', '*', '/'].includes(operator) ? 'number' : 'boolean';
    }
    case 'call':
      return typeOfCall(node, source);
  }
}

function typeOfCall(node: ExpressionNode & { kind: 'call' }, source: string): ValueType {
  const types = node.args.map((arg) => typeOf(arg, source));
  if (node.name === 'if') {
    const [condition, , whenFalse] = node.args;
    if (condition && types[0] !== 'boolean')
      throw mismatch(condition, source, 'the first argument of if must be a condition such as #{a} > 0', 'number');
    if (whenFalse && types[1] !== types[2])
      throw new ExpressionError('type', whenFalse.start, 'the two results of if must both be numbers or both be conditions');
    return types[1] ?? 'number';
  }
  const wanted = node.name === 'coalesce' ? (types[0] ?? 'number') : 'number';
  node.args.forEach((arg, i) => {
    const found = types[i] ?? wanted;
    if (found !== wanted) throw mismatch(arg, source, `${node.name} takes ${wanted === 'number' ? 'numbers' : 'conditions'}`, found);
  });
  return wanted;
}

function mismatch(node: ExpressionNode, source: string, rule: string, found: ValueType): ExpressionError {
  const what = found === 'boolean' ? 'a condition (true/false)' : 'a number';
  const part = source.slice(node.start, node.end);
  return new ExpressionError(
    'type',
    node.start,
    `${rule}, but ${part} is ${what}`,
    found === 'boolean' ? 'needs_number' : 'needs_condition',
    {
      part,
    },
  );
}
