import type { Expression, ExpressionNode, Reference } from './ast.js';
import type { Resolver } from './evaluate.js';
import { ExpressionError } from './expression-error.js';

/** What a formula refers to: distinct codes in order of first appearance, and every reference with its position. */
export interface ExpressionReferences {
  dataElements: string[];
  indicators: string[];
  items: Array<Reference & { position: number }>;
}

/** Lists the data elements and indicators a formula uses, so callers can refuse unknown ones and find cycles. */
export function references(expression: Expression): ExpressionReferences {
  const items: ExpressionReferences['items'] = [];
  collect(expression.root, items);
  const codes = (kind: Reference['kind']) => [...new Set(items.filter((r) => r.kind === kind).map((r) => r.code))];
  return { dataElements: codes('dataElement'), indicators: codes('indicator'), items };
}

function collect(node: ExpressionNode, into: ExpressionReferences['items']): void {
  switch (node.kind) {
    case 'dataElement':
      into.push({
        kind: 'dataElement',
        code: node.code,
        categoryOption: node.categoryOption,
        periodOffset: node.periodOffset,
        position: node.start,
      });
      return;
    case 'indicator':
      into.push({ kind: 'indicator', code: node.code, position: node.start });
      return;
    case 'unary':
      collect(node.operand, into);
      return;
    case 'binary':
      collect(node.left, into);
      collect(node.right, into);
      return;
    case 'call':
      for (const arg of node.args) collect(arg, into);
      return;
    case 'number':
      return;
  }
}

/** The codes a formula may use: data elements with their category options, and indicators. */
export interface KnownCodes {
  dataElements: ReadonlyMap<string, ReadonlySet<string>>;
  indicators: ReadonlySet<string>;
}

/** One error per reference to something that does not exist, in the order they appear; empty when all are known. */
export function checkReferences(expression: Expression, known: KnownCodes): ExpressionError[] {
  const errors: ExpressionError[] = [];
  for (const item of references(expression).items) {
    if (item.kind === 'indicator') {
      if (!known.indicators.has(item.code))
        errors.push(
          new ExpressionError('unknown_reference', item.position, `unknown indicator ${item.code}`, 'unknown_indicator', {
            code: item.code,
          }),
        );
      continue;
    }
    const options = known.dataElements.get(item.code);
    if (!options)
      errors.push(
        new ExpressionError('unknown_reference', item.position, `unknown data element ${item.code}`, 'unknown_element', {
          code: item.code,
        }),
      );
    else if (item.categoryOption !== null && !options.has(item.categoryOption)) {
      errors.push(
        new ExpressionError(
          'unknown_reference',
          item.position,
          `data element ${item.code} has no category option ${item.categoryOption}`,
          'unknown_option',
          { code: item.code, option: item.categoryOption },
        ),
      );
    }
  }
  return errors;
}

/** The canonical text of a reference without its period offset: `#{BS}`, `#{BS.5GA}`, `I{T-INF-1}`. */
export function referenceKey(reference: Reference): string {
  if (reference.kind === 'indicator') return `I{${reference.code}}`;
  return reference.categoryOption === null ? `#{${reference.code}}` : `#{${reference.code}.${reference.categoryOption}}`;
}

type Values = Readonly<Record<string, number | null | undefined>>;

/**
 * A resolver over plain records keyed by referenceKey: `current` for this period, `shifted[-1]`
 * for the previous one (what `.periodOffset(-1)` reads), and so on.
 */
export function createMapResolver(current: Values, shifted: Readonly<Record<number, Values>> = {}): Resolver {
  return (reference) => {
    const offset = reference.kind === 'dataElement' ? reference.periodOffset : 0;
    const values = offset === 0 ? current : shifted[offset];
    return values?.[referenceKey(reference)] ?? null;
  };
}
