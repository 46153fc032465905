import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisation } from '../organisations/organisation.table.js';

const ROLE_VALUES = [
  'city_admin',
  'city_analyst',
  'district_officer',
  'enterprise_user',
  'provider_user',
  'expert',
  'security_analyst',
  'auditor',
  'bank_user',
] as const;

export const appUser = pgTable(
  'app_user',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ROLE_VALUES }).notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisation.id),
    email: text('email'),
    phone: text('phone'),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    locale: text('locale', { enum: ['zh-CN', 'en-US'] })
      .notNull()
      .default('zh-CN'),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    /** The TOTP secret (base32) once confirmed; never returned after enrolment (ADR 0014). */
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** A secret handed out for enrolment and not yet confirmed with a code. */
    totpPendingSecret: text('totp_pending_secret'),
    /**
     * The TOTP time step of the last code accepted: a code of this step or an earlier one is refused
     * (RFC 6238 §5.2, a code works once). Moved forward by a conditional UPDATE, so of two logins with
     * the same code exactly one wins.
     */
    totpLastStep: integer('totp_last_step'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('app_user_username_uq').on(t.username), index('app_user_org_id_idx').on(t.orgId)],
);

/**
 * Failed logins per name as typed and client address. Kept for unknown names too, so that an
 * unknown name and a real account answer alike; a locked pair never locks the account for other
 * addresses. `locks` counts the locks since the last success and makes each lock longer.
 */
export const loginAttempt = pgTable(
  'login_attempt',
  {
    username: text('username').notNull(),
    clientIp: text('client_ip').notNull(),
    failures: integer('failures').notNull().default(0),
    locks: integer('locks').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.username, t.clientIp] }), index('login_attempt_last_failure_at_idx').on(t.lastFailureAt)],
);

/** Browser sessions; the cookie carries a random id, the table only its SHA-256. */
export const userSession = pgTable(
  'user_session',
  {
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    clientIp: text('client_ip'),
    userAgent: text('user_agent'),
    /** The password was right but the second factor is still to be given. */
    secondFactorPending: boolean('second_factor_pending').notNull().default(false),
  },
  (t) => [index('user_session_user_id_idx').on(t.userId), index('user_session_expires_at_idx').on(t.expiresAt)],
);

/** Single-use recovery codes of an account's second factor; only a SHA-256 of each is kept. */
export const recoveryCode = pgTable(
  'recovery_code',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

/** Machine credentials bound to an organisation and a role; only the SHA-256 of the token is kept. */
export const apiToken = pgTable(
  'api_token',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    role: text('role', { enum: ROLE_VALUES }).notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisation.id),
    createdById: uuid('created_by_id')
      .notNull()
      .references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** The token's Handle identity `<prefix>/<name>` (a record with HS_SECKEY at 300), when its organisation administers a prefix. */
    adminHandle: text('admin_handle'),
  },
  (t) => [
    uniqueIndex('api_token_token_hash_uq').on(t.tokenHash),
    index('api_token_org_id_idx').on(t.orgId),
    index('api_token_created_by_id_idx').on(t.createdById),
  ],
);
