/**
 * What a reported value may be, by its data element's value type (issue #12 item 4). The server
 * refuses a value that breaks its type's rule and the console checks the same rule as the user
 * types, so a value is either stored exactly as typed or refused — never clamped or rounded.
 */
export type ReportValueType = 'integer' | 'number' | 'percentage' | 'boolean' | 'text';

/** The declared range of a value type: bounds (inclusive) and the most decimals it keeps. */
export interface ReportValueRange {
  min?: number;
  max?: number;
  decimals?: number;
}

/** The range every value type declares; the console words the rule from these numbers. */
export const REPORT_VALUE_RANGES: Readonly<Record<ReportValueType, ReportValueRange>> = {
  integer: { min: 0, decimals: 0 },
  number: { decimals: 6 },
  percentage: { min: 0, max: 100, decimals: 2 },
  boolean: {},
  text: {},
};

/** Why a value was refused: the rule is its value type, the params its declared range. */
export interface ReportValueRefusal {
  ok: false;
  rule: ReportValueType;
  params: ReportValueRange;
  /** English, for logs and API clients; the console words the rule itself. */
  message: string;
}

const ENGLISH: Record<ReportValueType, string> = {
  integer: 'a whole number of zero or more',
  number: 'a number with at most 6 decimals',
  percentage: 'a percentage from 0 to 100 with at most 2 decimals',
  boolean: 'true or false',
  text: 'some text',
};

const MAX_DIGITS = 12;

/** Checks one typed value against its type's rule; returns the normalised text or the broken rule. */
export function checkReportValue(valueType: ReportValueType, raw: string): { ok: true; value: string } | ReportValueRefusal {
  const value = raw.trim();
  const refuse = (): ReportValueRefusal => ({
    ok: false,
    rule: valueType,
    params: REPORT_VALUE_RANGES[valueType],
    message: ENGLISH[valueType],
  });
  if (valueType === 'boolean') return value === 'true' || value === 'false' ? { ok: true, value } : refuse();
  if (valueType === 'text') return value.length > 0 ? { ok: true, value } : refuse();
  const { min, max, decimals = 0 } = REPORT_VALUE_RANGES[valueType];
  const shape = new RegExp(`^-?\\d{1,${MAX_DIGITS}}${decimals > 0 ? `(\\.\\d{1,${decimals}})?` : ''}$`);
  if (!shape.test(value)) return refuse();
  const n = Number(value);
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) return refuse();
  // Whole numbers drop leading zeros ('0120' → '120'); decimals are kept exactly as typed.
  return { ok: true, value: valueType === 'integer' ? String(n) : value };
}
