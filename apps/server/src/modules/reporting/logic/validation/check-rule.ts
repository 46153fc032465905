import type { ExpressionProblem, ValidationRule } from '@suilian/contracts';
import { ExpressionError } from '../expression/expression-error.js';
import { parseExpression } from '../expression/parse.js';
import { checkReferences, type KnownCodes } from '../expression/references.js';

/** What is wrong with a rule before it is saved: each side's syntax and type errors, then unknown codes. Empty when it is sound. */
export function checkRule(rule: ValidationRule, known?: KnownCodes): Array<{ side: 'left' | 'right'; problem: ExpressionProblem }> {
  const problems: Array<{ side: 'left' | 'right'; problem: ExpressionProblem }> = [];
  for (const side of ['left', 'right'] as const) {
    try {
      const expression = parseExpression(rule[side].expression);
      for (const error of known ? checkReferences(expression, known) : []) problems.push({ side, problem: error.toProblem() });
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      problems.push({ side, problem: error.toProblem() });
    }
  }
  return problems;
}
