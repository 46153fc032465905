/** What people see of a name outside the organiser's roster (a certificate's holder): the first character. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length <= 1 ? `${chars[0] ?? ''}*` : `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 3))}`;
}

/** A mobile as organisers see it: the first three and the last four digits. */
export function maskMobile(mobile: string): string {
  return `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
}

/** Where a code went, as the sign-up form says it: the first character of the mailbox and the domain. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at <= 0 ? '***' : `${email.charAt(0)}***${email.slice(at)}`;
}

/**
 * The form a name is compared in: Unicode-compatible (full-width letters fold), without spaces or
 * the middle dots of transliterated names, Latin letters in upper case.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s·•・.]/g, '')
    .toUpperCase();
}
