/**
 * The syntax tree of a formula. Every node records the span [start, end) of its source text so
 * errors can quote the sub-expression they are about. `type` is filled in by the type check.
 */

export type ValueType = 'number' | 'boolean';

interface Span {
  start: number;
  end: number;
}

export interface NumberNode extends Span {
  kind: 'number';
  value: number;
}

/** `#{code}`, `#{code.option}`, optionally followed by `.periodOffset(n)` (DHIS2's syntax). */
export interface DataElementNode extends Span {
  kind: 'dataElement';
  code: string;
  categoryOption: string | null;
  periodOffset: number;
}

/** `I{code}`. */
export interface IndicatorNode extends Span {
  kind: 'indicator';
  code: string;
}

export type UnaryOperator = '-' | 'not';
export type ArithmeticOperator = '+' | '-' | '*' | '/';
export type ComparisonOperator = '==' | '!=' | '>' | '>=' | '<' | '<=';
export type LogicalOperator = 'and' | 'or';
export type BinaryOperator = ArithmeticOperator | ComparisonOperator | LogicalOperator;

export interface UnaryNode extends Span {
  kind: 'unary';
  operator: UnaryOperator;
  /** Offset of the operator itself, for error messages. */
  at: number;
  operand: ExpressionNode;
}

export interface BinaryNode extends Span {
  kind: 'binary';
  operator: BinaryOperator;
  at: number;
  left: ExpressionNode;
  right: ExpressionNode;
}

export const FUNCTION_NAMES = ['if', 'greatest', 'least', 'coalesce'] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

export interface CallNode extends Span {
  kind: 'call';
  name: FunctionName;
  args: ExpressionNode[];
}

export type ExpressionNode = NumberNode | DataElementNode | IndicatorNode | UnaryNode | BinaryNode | CallNode;

/** A parsed, type-checked formula; it always evaluates to a number (or null when values are missing). */
export interface Expression {
  source: string;
  root: ExpressionNode;
}

/** What a formula refers to, as handed to a resolver (no source positions). */
export type Reference =
  | { kind: 'dataElement'; code: string; categoryOption: string | null; periodOffset: number }
  | { kind: 'indicator'; code: string };
