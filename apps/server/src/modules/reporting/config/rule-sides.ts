import type { FieldIssue, ReasonParams } from '@suilian/contracts';
import { ExpressionError } from '../logic/expression/expression-error.js';
import { parseExpression } from '../logic/expression/parse.js';
import { references } from '../logic/expression/references.js';

/** How far back a rule may look: form validation reads this many earlier periods (form-validation.ts). */
export const RULE_LOOK_BACK = 12;

/** What a rule may refer to: the data set's own elements, and every element with its value type. */
export interface RuleContext {
  dataSet: string;
  setElements: ReadonlySet<string>;
  valueTypes: ReadonlyMap<string, string>;
}

/**
 * Checks both sides of a validation rule before it is saved: the parser's message for syntax and
 * type errors, then every reference — unknown elements, elements outside the data set (the form
 * would never hold their values), non-numeric elements, indicators, and period offsets the form
 * validation cannot read. Empty when the rule can be evaluated on every form of the data set.
 */
export function checkRuleSides(sides: { left: string; right: string }, context: RuleContext): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const field of ['left', 'right'] as const) {
    // `reason` words the problem in the console (#12 item 3): formula.<code> with the 1-based position
    const issue = (rule: string, message: string, code: string, params: ReasonParams) =>
      issues.push({ field, rule, message, reason: { code: `formula.${code}`, params } });
    let expression: ReturnType<typeof parseExpression>;
    try {
      expression = parseExpression(sides[field]);
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      issues.push({ field, rule: error.kind, message: error.message, reason: error.reason });
      continue;
    }
    for (const item of references(expression).items) {
      const at = `at ${item.position}`;
      const where = { position: item.position + 1, code: item.code };
      if (item.kind === 'indicator') {
        issue(
          'indicator',
          `${at}: validation rules compare reported data elements, not indicators (I{${item.code}})`,
          'rule_indicator',
          where,
        );
        continue;
      }
      const type = context.valueTypes.get(item.code);
      if (type === undefined) issue('unknown_reference', `${at}: unknown data element ${item.code}`, 'unknown_element', where);
      else if (!context.setElements.has(item.code))
        issue(
          'not_in_data_set',
          `${at}: data element ${item.code} is not in data set ${context.dataSet}; add it to the data set first`,
          'not_in_data_set',
          {
            ...where,
            dataSet: context.dataSet,
          },
        );
      else if (type === 'text' || type === 'boolean')
        issue('value_type', `${at}: data element ${item.code} holds ${type} values, which cannot be compared as numbers`, 'value_type', {
          ...where,
          type,
        });
      else if (item.categoryOption !== null)
        issue('unknown_reference', `${at}: data element ${item.code} has no category option ${item.categoryOption}`, 'unknown_option', {
          ...where,
          option: item.categoryOption,
        });
      if (item.periodOffset > 0 || item.periodOffset < -RULE_LOOK_BACK)
        issue(
          'period_offset',
          `${at}: periodOffset must be between -${RULE_LOOK_BACK} and 0 (a rule looks back, never ahead)`,
          'period_offset',
          {
            ...where,
            max: RULE_LOOK_BACK,
          },
        );
    }
  }
  return issues;
}
