import type { ComparisonOperator } from './ast.js';

/**
 * Compares two numbers, treating as equal those that differ only by floating-point noise: by at
 * most 1e-9, or by at most 1e-14 of the larger for big figures. So 0.1 + 0.2 == 0.3 holds the way
 * people filling in report forms expect, while 1,000,000,000,000 and 1,000,000,000,001 still differ.
 */
export function compareNumbers(operator: ComparisonOperator, a: number, b: number): boolean {
  const equal = Math.abs(a - b) <= Math.max(1e-9, 1e-14 * Math.max(Math.abs(a), Math.abs(b)));
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
