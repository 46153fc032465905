import { z } from 'zod';
import { PERMISSIONS, ROLES } from './roles.js';

export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];

export const LoginSchema = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }).strict();
export type Login = z.infer<typeof LoginSchema>;

export const PASSWORD_MIN_LENGTH = 12;

/** Why a password is refused; the console words each (rules.password.<rule>). */
export const PASSWORD_RULES = ['length', 'classes', 'username', 'common'] as const;
export type PasswordRule = (typeof PASSWORD_RULES)[number];

export const PASSWORD_RULE =
  'at least 12 characters with 3 of: lower case, upper case, digits, symbols; not containing the username; not a common password';

// Look-alike substitutions undone before a common-password lookup (p@ssw0rd → password).
const UNLEET: Record<string, string> = { '@': 'a', '4': 'a', '3': 'e', '0': 'o', '1': 'i', '!': 'i', $: 's', '5': 's', '7': 't' };

/**
 * The forms of a password looked up in a common-password list: the whole of it lower-cased, and its
 * core — without the digits and symbols people put before and after a word (`Admin@123456` →
 * `admin`) — as typed and with look-alikes undone (`P@ssw0rd2026` → `p@ssw0rd`, `password`).
 */
export function commonPasswordCandidates(password: string): string[] {
  const lower = password.toLowerCase();
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  const forms = [lower];
  if (core.length >= 4)
    forms.push(
      core,
      core.replace(/[@430!$57]/g, (c) => UNLEET[c] ?? c),
    );
  return [...new Set(forms)];
}

/**
 * Returns null when the password satisfies the policy, otherwise the rule it breaks. The common-password
 * list is the caller's (the server ships one; the console checks the other rules as the user types).
 */
export function checkPasswordPolicy(password: string, username?: string, isCommon?: (candidate: string) => boolean): PasswordRule | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'length';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return 'classes';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return 'username';
  if (isCommon && commonPasswordCandidates(password).some(isCommon)) return 'common';
  return null;
}

export const ChangePasswordSchema = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) })
  .strict();
export type ChangePassword = z.infer<typeof ChangePasswordSchema>;

export const MeSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  orgId: z.uuid(),
  orgName: z.string(),
  orgKind: z.string(),
  districtId: z.uuid().nullable(),
  permissions: z.array(z.enum(PERMISSIONS)),
  mustChangePassword: z.boolean(),
  locale: z.enum(LOCALES),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  version: z.number().int(),
  /** The account has a second factor (TOTP) enrolled. */
  twoFactorEnabled: z.boolean(),
  /** The account's role must have a second factor (setting TWO_FACTOR_ROLES). */
  twoFactorRequired: z.boolean(),
  /** This session has passed the password but not yet the second factor. */
  secondFactorPending: z.boolean(),
  /** Present for cookie sessions: send it back as `X-CSRF-Token` on writes. */
  csrfToken: z.string().optional(),
  /** How the request authenticated. */
  via: z.enum(['session', 'token']),
});
export type Me = z.infer<typeof MeSchema>;

export const UpdateProfileSchema = z
  .object({
    version: z.number().int(),
    displayName: z.string().trim().min(1).max(64).optional(),
    email: z.email().max(254).nullable().optional(),
    phone: z
      .string()
      .regex(/^[0-9+\-() ]{5,32}$/, 'phone: digits, spaces and + - ( ) only, 5 to 32 characters')
      .nullable()
      .optional(),
    locale: z.enum(LOCALES).optional(),
  })
  .strict();
export type UpdateProfile = z.infer<typeof UpdateProfileSchema>;

export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'suilian_session';

/** Two-factor authentication's schemas live beside the login's. */
export * from './two-factor.js';
