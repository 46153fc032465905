import { checkPasswordPolicy, type PasswordRule } from '@suilian/contracts';
import { dictionary } from '@zxcvbn-ts/language-common';

// The common-password list of zxcvbn-ts (MIT, ~49 000 passwords from public breach corpora), lower-case.
let common: Set<string> | null = null;
function isCommon(candidate: string): boolean {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common.has(candidate);
}

/** The full password policy: the shared rules plus the common-password list only the server ships. */
export function checkPassword(password: string, username?: string): PasswordRule | null {
  return checkPasswordPolicy(password, username, isCommon);
}
