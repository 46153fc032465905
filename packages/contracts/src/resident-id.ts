/**
 * 公民身份号码 (citizen identity number), GB 11643-1999: 17 digits and a check character
 * (ISO 7064 MOD 11-2, `X` for 10). Only the form is checked; whether the person exists is not.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type ResidentIdProblem = 'length' | 'charset' | 'birth_date' | 'check_digit';

/** Computes the GB 11643-1999 check character for the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHECK.charAt(sum % 11);
}

/** Returns null when the number is well formed, otherwise which rule it breaks. */
export function checkResidentId(value: string): ResidentIdProblem | null {
  if (value.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(value)) return 'charset';
  const birth = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const date = new Date(`${birth}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== birth || birth < '1900-01-01') return 'birth_date';
  return residentIdCheckChar(value.slice(0, 17)) === value.charAt(17) ? null : 'check_digit';
}

/** The form shown anywhere after entry: the region's first four digits and the check character only. */
export function maskResidentId(value: string): string {
  return `${value.slice(0, 4)}${'*'.repeat(13)}${value.slice(17)}`;
}

export const RESIDENT_ID_RULE = 'GB 11643-1999: 17 digits with a valid birth date, then the MOD 11-2 check character (0-9 or X)';
