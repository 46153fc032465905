import { z } from 'zod';
import { PERMISSIONS, ROLES } from './roles.js';

export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];

export const LoginSchema = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }).strict();
export type Login = z.infer<typeof LoginSchema>;

export const PASSWORD_RULE = 'at least 10 characters with 3 of: lower case, upper case, digits, symbols; not the username';

/** Returns null when the password satisfies the policy, otherwise a rule id. */
export function checkPasswordPolicy(password: string, username?: string): 'length' | 'classes' | 'username' | null {
  if (password.length < 10) return 'length';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return 'classes';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return 'username';
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
