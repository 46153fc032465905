import type { ComparisonOperator } from './ast.js';

/**
 * Compares two numbers with a relative tolerance of 1e-9, so sums of decimals such as
 * 0.1 + 0.2 == 0.3 hold the way people who fill in report forms expect.
 */
export function compareNumbers(operator: ComparisonOperator, a: number, b: number): boolean {
  const equal = Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  switch (operator) {
    case '==':
      return equal;
    case '!=':
      return !equal;
    case '>':
      return !equal && a > b;
    case '>=':
      return equal || a > b;
    case '<':
      return !equal && a < b;
    case '<=':
      return equal || a < b;
  }
}
