import { z } from 'zod';
import { LOCALES } from './auth.js';
import { ListQuerySchema, sortOf } from './common.js';
import { ROLES } from './roles.js';

export const USER_STATUSES = ['active', 'disabled'] as const;

export const UserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  orgId: z.uuid(),
  orgName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.enum(USER_STATUSES),
  mustChangePassword: z.boolean(),
  locale: z.enum(LOCALES),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  /** A second factor (TOTP) is enrolled; administrators can reset it. */
  twoFactorEnabled: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type User = z.infer<typeof UserSchema>;

export const UsernameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_.-]{2,31}$/, 'username: 3 to 32 characters, lower-case letters, digits, _ . -, starting with a letter');

export const CreateUserSchema = z
  .object({
    username: UsernameSchema,
    displayName: z.string().trim().min(1).max(64),
    role: z.enum(ROLES),
    orgId: z.uuid(),
    email: z.email().max(254).nullable().optional(),
    phone: z
      .string()
      .regex(/^[0-9+\-() ]{5,32}$/, 'phone: digits, spaces and + - ( ) only, 5 to 32 characters')
      .nullable()
      .optional(),
  })
  .strict();
export type CreateUser = z.infer<typeof CreateUserSchema>;

export const UpdateUserSchema = CreateUserSchema.pick({ displayName: true, email: true, phone: true })
  .partial()
  .extend({ version: z.number().int() })
  .strict();
export type UpdateUser = z.infer<typeof UpdateUserSchema>;

/**
 * A new role and organisation for an account (city administrators only): the account's sessions end
 * on every instance; sends the version it was loaded with.
 */
export const ChangeUserRoleSchema = z
  .object({
    role: z.enum(ROLES),
    orgId: z.uuid(),
    version: z.number().int(),
  })
  .strict();
export type ChangeUserRole = z.infer<typeof ChangeUserRoleSchema>;

/** Returned once when an account is created or its password reset; never stored in clear. */
export const OneTimePasswordSchema = z.object({ user: UserSchema, oneTimePassword: z.string() });

export const UserListQuerySchema = ListQuerySchema.extend({
  sort: sortOf(['username', 'displayName', 'role', 'createdAt', 'lastLoginAt']),
  role: z.enum(ROLES).optional(),
  orgId: z.uuid().optional(),
  status: z.enum(USER_STATUSES).optional(),
}).strict();
export type UserListQuery = z.infer<typeof UserListQuerySchema>;
