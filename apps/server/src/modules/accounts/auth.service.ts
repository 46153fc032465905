import {
  type ChangePassword,
  type Login,
  type Me,
  PASSWORD_RULE,
  ROLE_DEFINITIONS,
  type Role,
  type UpdateProfile,
} from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, fieldError, refusal, staleVersion } from '../../platform/errors.js';
import type { OrganisationService } from '../organisations/index.js';
import { actorFor } from './actor-of.js';
import { accountLocked, lockDurationMs } from './lockout.js';
import { type AttemptKey, attemptKeyOf, createLoginAttemptRepo } from './login-attempt.repo.js';
import { hashPassword, randomSecret, sha256, verifyAgainstDummy, verifyPassword } from './password.js';
import { checkPassword } from './password-policy.js';
import type { SessionCache } from './session-cache.js';
import type { SessionRevocation } from './session-revocation.js';
import { createUserRepo, type UserWithOrg } from './user.repo.js';

export interface AuthServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  sessions: SessionCache;
  revocations: Pick<SessionRevocation, 'notify'>;
  /** Roles that must have a second factor (setting TWO_FACTOR_ROLES). */
  twoFactorRoles: ReadonlySet<Role>;
  organisations: Pick<OrganisationService, 'findById'>;
  sessionTtlMs: number;
  maxFailures: number;
  /** The first lock's length; each further lock of the same name and address doubles it. */
  lockMs: number;
}

/** Failures (and the count of past locks) of a name and address are forgotten after a quiet day. */
const ATTEMPT_MEMORY_MS = 24 * 60 * 60_000;

export interface RequestMeta {
  requestId: string;
  clientIp: string;
  userAgent?: string | undefined;
}

export interface ResolvedSession {
  actor: Actor;
  me: Me;
  mustChangePassword: boolean;
  secondFactorPending: boolean;
  enrolmentRequired: boolean;
  csrfToken: string;
  idHash: string;
}

/** Login with lockout, browser sessions, the caller's own profile and password. */
export function createAuthService(deps: AuthServiceDeps) {
  const users = createUserRepo(deps.db);
  const attempts = createLoginAttemptRepo(deps.db);

  function meOf(user: UserWithOrg, via: Me['via'], csrfToken?: string, secondFactorPending = false): Me {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      orgId: user.orgId,
      orgName: user.orgName,
      orgKind: user.orgKind,
      districtId: user.orgDistrictId,
      permissions: [...ROLE_DEFINITIONS[user.role].permissions],
      mustChangePassword: user.mustChangePassword,
      locale: user.locale,
      email: user.email,
      phone: user.phone,
      version: user.version,
      twoFactorEnabled: user.totpSecret !== null,
      twoFactorRequired: deps.twoFactorRoles.has(user.role),
      secondFactorPending,
      via,
      ...(csrfToken ? { csrfToken } : {}),
    };
  }

  function actorOf(user: UserWithOrg, meta: Pick<RequestMeta, 'requestId' | 'clientIp'> | null): Actor {
    return {
      ...actorFor({
        userId: user.id,
        name: user.username,
        role: user.role,
        orgId: user.orgId,
        districtId: user.orgDistrictId,
        via: 'session',
      }),
      displayName: user.displayName,
      requestId: meta?.requestId ?? null,
      clientIp: meta?.clientIp ?? null,
    };
  }

  /**
   * Counts a failed login for the pair; past the limit the pair is locked, each lock longer than the
   * one before. Real accounts get an audit entry. Returns the lock's end when this failure locked.
   */
  async function recordFailure(key: AttemptKey, user: UserWithOrg | null, meta: RequestMeta, now: Date): Promise<Date | null> {
    return deps.db.transaction(async (tx) => {
      const repo = createLoginAttemptRepo(tx);
      const row = await repo.addFailure(key, now);
      const locks = row.failures >= deps.maxFailures;
      const lockedUntil = locks ? new Date(now.getTime() + lockDurationMs(row.locks + 1, deps)) : null;
      if (lockedUntil) await repo.lock(key, lockedUntil);
      if (user) {
        // The account shows the latest lock running from any address (informative: logins check the pair).
        if (lockedUntil) await createUserRepo(tx).update(user.id, { lockedUntil: await repo.lockedUntilOf(user.username, now) });
        await deps.audit.append(tx, actorOf(user, meta), {
          action: locks ? 'auth.lock' : 'auth.login_failed',
          entityType: 'user',
          entityId: user.id,
          after: { failures: row.failures, locks: row.locks + (locks ? 1 : 0), lockedUntil, clientIp: meta.clientIp },
        });
      }
      return lockedUntil;
    });
  }

  return {
    /**
     * Checks the password and opens a session; returns the cookie value once. Unknown names and real
     * accounts answer alike (401, or 423 once the name is locked from this address): failures are
     * counted per name as typed and client address, and an unknown name costs a verification too.
     */
    async login(input: Login, meta: RequestMeta): Promise<{ sessionId: string; me: Me }> {
      const now = deps.clock.now();
      const key = attemptKeyOf(input.username, meta.clientIp);
      const attempt = await attempts.find(key);
      if (attempt?.lockedUntil && attempt.lockedUntil > now) throw accountLocked(attempt.lockedUntil);
      const user = await users.findByUsername(input.username);
      const passwordMatches = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
      if (!user || !passwordMatches) {
        const lockedUntil = await recordFailure(key, user, meta, now);
        if (lockedUntil) throw accountLocked(lockedUntil);
        throw new AppError('INVALID_CREDENTIALS', 'username or password is wrong');
      }
      if (user.status !== 'active') throw new AppError('ACCOUNT_DISABLED', 'this account is disabled');

      const sessionId = randomSecret();
      const csrfToken = randomSecret(24);
      // With a second factor the session reaches only the code step until the code is given.
      const secondFactorPending = user.totpSecret !== null;
      await deps.db.transaction(async (tx) => {
        const repo = createUserRepo(tx);
        const attemptRepo = createLoginAttemptRepo(tx);
        await attemptRepo.clear(key);
        // Other addresses may still be locked out; the account shows the latest of their locks.
        const lockedUntil = await attemptRepo.lockedUntilOf(user.username, now);
        await repo.update(user.id, { failedLoginCount: 0, lockedUntil, lastLoginAt: now });
        await repo.insertSession({
          idHash: sha256(sessionId),
          userId: user.id,
          csrfToken,
          createdAt: now,
          expiresAt: new Date(now.getTime() + deps.sessionTtlMs),
          clientIp: meta.clientIp,
          userAgent: meta.userAgent?.slice(0, 256) ?? null,
          secondFactorPending,
        });
        await deps.audit.append(tx, actorOf(user, meta), {
          action: 'auth.login',
          entityType: 'user',
          entityId: user.id,
          ...(secondFactorPending ? { after: { secondFactorPending } } : {}),
        });
      });
      return { sessionId, me: meOf(user, 'session', csrfToken, secondFactorPending) };
    },

    /** Resolves a session cookie to its actor; null when unknown or expired. */
    async resolveSession(sessionId: string, meta: Pick<RequestMeta, 'requestId' | 'clientIp'>): Promise<ResolvedSession | null> {
      const idHash = sha256(sessionId);
      const now = deps.clock.now().getTime();
      const cached = deps.sessions.get(idHash, now);
      if (cached) {
        return {
          actor: { ...cached.actor, ...meta },
          me: cached.me,
          mustChangePassword: cached.mustChangePassword,
          secondFactorPending: cached.secondFactorPending,
          enrolmentRequired: cached.enrolmentRequired,
          csrfToken: cached.csrfToken,
          idHash,
        };
      }
      const session = await users.findSession(idHash, new Date(now));
      if (!session) return null;
      const user = await users.findById(session.userId);
      if (!user || user.status !== 'active') return null;
      const actor = actorOf(user, meta);
      const me = meOf(user, 'session', session.csrfToken, session.secondFactorPending);
      const stage = {
        mustChangePassword: user.mustChangePassword,
        secondFactorPending: session.secondFactorPending,
        enrolmentRequired: me.twoFactorRequired && !me.twoFactorEnabled,
      };
      deps.sessions.set(idHash, {
        actor,
        me,
        meJson: JSON.stringify(me),
        userId: user.id,
        ...stage,
        csrfToken: session.csrfToken,
        sessionExpiresAt: session.expiresAt.getTime(),
        cachedUntil: now + deps.sessions.ttlMs,
      });
      return { actor, me, ...stage, csrfToken: session.csrfToken, idHash };
    },

    /** Removes expired sessions; run periodically so the table stays small. */
    async purgeExpiredSessions(): Promise<void> {
      const now = deps.clock.now();
      await users.deleteExpiredSessions(now);
      await attempts.purge(new Date(now.getTime() - ATTEMPT_MEMORY_MS), now);
    },

    async logout(actor: Actor, idHash: string): Promise<void> {
      deps.sessions.delete(idHash);
      await deps.db.transaction(async (tx) => {
        await createUserRepo(tx).deleteSession(idHash);
        await deps.audit.append(tx, actor, { action: 'auth.logout', entityType: 'user', entityId: actor.userId });
        await deps.revocations.notify(tx, { idHash });
      });
    },

    /** The caller's own account as Me; for tokens, the token's principal. */
    /** The serialised Me of a session resolved a moment ago for this very request, if cached. */
    cachedMeJson(sessionIdHash: string | undefined): string | null {
      return sessionIdHash ? (deps.sessions.get(sessionIdHash, deps.clock.now().getTime())?.meJson ?? null) : null;
    },

    async me(actor: Actor, csrfToken?: string): Promise<Me> {
      if (!actor.userId) {
        const org = await deps.organisations.findById(actor.orgId);
        return {
          id: actor.tokenId ?? '00000000-0000-0000-0000-000000000000',
          username: actor.name,
          displayName: actor.name,
          role: actor.role,
          orgId: actor.orgId,
          orgName: org?.name ?? '',
          orgKind: org?.kind ?? '',
          districtId: actor.districtId,
          permissions: [...actor.permissions],
          mustChangePassword: false,
          locale: 'zh-CN',
          email: null,
          phone: null,
          version: 0,
          twoFactorEnabled: false,
          twoFactorRequired: false,
          secondFactorPending: false,
          via: 'token',
        };
      }
      const user = await users.findById(actor.userId);
      if (!user) throw new AppError('UNAUTHENTICATED', 'the account no longer exists');
      return meOf(user, actor.via === 'token' ? 'token' : 'session', csrfToken);
    },

    async updateProfile(actor: Actor, input: UpdateProfile, csrfToken?: string): Promise<Me> {
      if (!actor.userId) throw refusal('FORBIDDEN', 'account.token_no_profile', 'API tokens have no profile');
      const userId = actor.userId;
      const { version, ...patch } = input;
      await deps.db.transaction(async (tx) => {
        const repo = createUserRepo(tx);
        const before = await repo.findById(userId);
        const updated = await repo.updateVersioned(userId, version, { ...patch, updatedAt: deps.clock.now() });
        if (!updated) throw staleVersion('profile');
        await deps.audit.append(tx, actor, {
          action: 'user.profile_update',
          entityType: 'user',
          entityId: userId,
          before: before && pickProfile(before),
          after: pickProfile(updated),
        });
        await deps.revocations.notify(tx, { userId });
      });
      deps.sessions.deleteUser(userId);
      return this.me(actor, csrfToken);
    },

    /** Changes the caller's own password; other sessions of the account are ended. */
    async changePassword(actor: Actor, input: ChangePassword, keepSessionIdHash?: string): Promise<void> {
      if (!actor.userId) throw refusal('FORBIDDEN', 'account.token_no_password', 'API tokens have no password');
      const user = await users.findById(actor.userId);
      if (!user) throw new AppError('UNAUTHENTICATED', 'the account no longer exists');
      if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
        throw fieldError('INVALID_CREDENTIALS', 'currentPassword', 'matches', 'the current password is wrong');
      const problem = checkPassword(input.newPassword, user.username);
      if (problem) throw fieldError('PASSWORD_POLICY', 'newPassword', problem, PASSWORD_RULE);
      if (input.newPassword === input.currentPassword)
        throw fieldError('PASSWORD_POLICY', 'newPassword', 'changed', 'the new password must differ from the current one');
      const passwordHash = await hashPassword(input.newPassword);
      const now = deps.clock.now();
      await deps.db.transaction(async (tx) => {
        const repo = createUserRepo(tx);
        await repo.update(user.id, { passwordHash, mustChangePassword: false, passwordChangedAt: now, updatedAt: now });
        await repo.deleteSessionsOf(user.id, keepSessionIdHash);
        await deps.audit.append(tx, actor, { action: 'user.password_change', entityType: 'user', entityId: user.id });
        await deps.revocations.notify(tx, { userId: user.id });
      });
      deps.sessions.deleteUser(user.id);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

function pickProfile(u: { displayName: string; email: string | null; phone: string | null; locale: string }) {
  return { displayName: u.displayName, email: u.email, phone: u.phone, locale: u.locale };
}
