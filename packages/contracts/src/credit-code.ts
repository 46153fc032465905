/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015.
 * 18 characters from a 31-character alphabet (digits and capitals without I, O, Z, S, V);
 * the last character is a check digit over the first 17 with weights 3^i mod 31.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'length' | 'charset' | 'check_digit';

/** Computes the GB 32100-2015 check character for the first 17 characters. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) throw new Error(`invalid credit code character at ${i}`);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET.charAt(check);
}

/** Returns null when the code is valid, otherwise which rule it breaks. */
export function checkCreditCode(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length';
  for (const ch of code) if (!CREDIT_CODE_ALPHABET.includes(ch)) return 'charset';
  return creditCodeCheckChar(code.slice(0, 17)) === code.charAt(17) ? null : 'check_digit';
}

export const CREDIT_CODE_RULE = 'GB 32100-2015: 18 characters from 0-9 and A-Y without I, O, Z, S, V; the 18th is the check digit';
