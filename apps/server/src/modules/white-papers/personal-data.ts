/**
 * Personal data the public white paper must never carry: resident ID numbers (18 characters,
 * GB 11643), mainland mobile numbers, landlines with an area code, and e-mail addresses. The city's
 * commentary is free text, so it is masked before rendering; tests scan the output with the same
 * patterns.
 */
export const PERSONAL_DATA_PATTERNS: Readonly<Record<'residentId' | 'mobile' | 'landline' | 'email', RegExp>> = {
  residentId: /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g,
  mobile: /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g,
  landline: /(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g,
  email: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g,
};

/** Replaces every personal datum in `text` with a mask of the same kind. */
export function maskPersonalData(text: string): string {
  return text
    .replace(PERSONAL_DATA_PATTERNS.email, '［邮箱已隐去］')
    .replace(PERSONAL_DATA_PATTERNS.residentId, '［证件号已隐去］')
    .replace(PERSONAL_DATA_PATTERNS.mobile, '［电话已隐去］')
    .replace(PERSONAL_DATA_PATTERNS.landline, '［电话已隐去］');
}

/** The kinds of personal data found in `text` (empty when none). */
export function findPersonalData(text: string): string[] {
  return Object.entries(PERSONAL_DATA_PATTERNS)
    .filter(([, pattern]) => new RegExp(pattern.source, pattern.flags).test(text))
    .map(([kind]) => kind);
}
