/**
 * Chinese patent application numbers (专利申请号): 12 digits since 2003 (YYYY + type + 7-digit
 * serial) or 8 digits before (YY + type + 5-digit serial), then "." and a check character:
 * digits weighted 2,3,4,5,6,7,8,9,2,3,4,5 summed mod 11, 10 written X. A granted patent is
 * "ZL" + the application number. The type digit: 1 invention, 2 utility model, 3 design,
 * 8 PCT invention, 9 PCT utility model.
 */
export type PatentKind = 'invention' | 'utility_model' | 'design';

const WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
const KIND_BY_DIGIT: Record<string, PatentKind> = {
  '1': 'invention',
  '2': 'utility_model',
  '3': 'design',
  '8': 'invention',
  '9': 'utility_model',
};

export interface ParsedPatentNumber {
  /** Normalised: digits, ".", check character (no ZL/CN prefix, no spaces). */
  number: string;
  kind: PatentKind;
  year: number;
}

export type PatentNumberProblem = 'format' | 'type_digit' | 'check_digit';

export function patentCheckChar(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * (WEIGHTS[i] ?? 0);
  const check = sum % 11;
  return check === 10 ? 'X' : String(check);
}

/** Parses "ZL201710601862.3", "CN 2017 1 0601862.3", "201710601862.3" or the 8-digit form. */
export function parsePatentNumber(input: string): ParsedPatentNumber | PatentNumberProblem {
  const compact = input
    .toUpperCase()
    .replace(/\s+/g, '')
    .replace(/^(ZL|CN)/, '');
  const match = compact.match(/^(\d{12}|\d{8})\.?([0-9X])$/);
  if (!match) return 'format';
  const digits = match[1] ?? '';
  const check = match[2] ?? '';
  const typeDigit = digits.length === 12 ? digits[4] : digits[2];
  const kind = KIND_BY_DIGIT[typeDigit ?? ''];
  if (!kind) return 'type_digit';
  if (patentCheckChar(digits) !== check) return 'check_digit';
  const year =
    digits.length === 12 ? Number(digits.slice(0, 4)) : 1900 + Number(digits.slice(0, 2)) + (Number(digits.slice(0, 2)) < 85 ? 100 : 0);
  return { number: `${digits}.${check}`, kind, year };
}

export const PATENT_NUMBER_RULE =
  'a Chinese patent application number: 12 (or 8) digits, ".", and the mod-11 check character; the 5th digit says the type';
