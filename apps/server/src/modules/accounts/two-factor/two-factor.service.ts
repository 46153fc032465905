import type { Role, TwoFactorEnrolment, TwoFactorStatus } from '@suilian/contracts';
import type { Db } from '../../../db/client.js';
import type { Actor } from '../../../platform/actor.js';
import type { AuditService } from '../../../platform/audit/audit.service.js';
import type { Clock } from '../../../platform/clock.js';
import type { Sealer } from '../../../platform/crypto/sealed.js';
import { AppError, fieldError, refusal } from '../../../platform/errors.js';
import { accountLocked, lockDurationMs } from '../lockout.js';
import { type AttemptKey, createLoginAttemptRepo } from '../login-attempt.repo.js';
import { verifyPassword } from '../password.js';
import type { SessionCache } from '../session-cache.js';
import type { SessionRevocation } from '../session-revocation.js';
import { createUserRepo, type UserWithOrg } from '../user.repo.js';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from './recovery-codes.js';
import { totpSealContext } from './sealed-secrets.js';
import { enrolmentUri, matchingTotpStep, newTotpSecret } from './totp.js';
import { createTwoFactorRepo } from './two-factor.repo.js';

export interface TwoFactorServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  sessions: SessionCache;
  revocations: Pick<SessionRevocation, 'notify'>;
  /** TOTP secrets are stored sealed (SM4 + HMAC-SM3, ADR 0014). */
  sealer: Sealer;
  /** Roles that must have a second factor (setting TWO_FACTOR_ROLES). */
  requiredRoles: ReadonlySet<Role>;
  maxFailures: number;
  lockMs: number;
}

/**
 * Code failures are counted per account, not per address: whoever tries codes already has the
 * password, and spreading guesses over many addresses must not multiply them (ADR 0014). The
 * pseudo-address cannot be a real one, and an administrator's unlock clears it with the others.
 */
export const SECOND_FACTOR_ATTEMPTS = 'second-factor';
const attemptKey = (username: string): AttemptKey => ({ username: username.toLowerCase(), clientIp: SECOND_FACTOR_ATTEMPTS });

/** TOTP enrolment, the second step of a login, recovery codes, turning it off. */
export function createTwoFactorService(deps: TwoFactorServiceDeps) {
  const users = createUserRepo(deps.db);
  const isRequired = (role: Role) => deps.requiredRoles.has(role);

  async function userOf(actor: Actor): Promise<UserWithOrg> {
    if (!actor.userId) throw refusal('FORBIDDEN', 'two_factor.token', 'API tokens have no second factor');
    const user = await users.findById(actor.userId);
    if (!user) throw new AppError('UNAUTHENTICATED', 'the account no longer exists');
    return user;
  }

  async function reauthenticate(user: UserWithOrg, password: string): Promise<void> {
    if (!(await verifyPassword(user.passwordHash, password)))
      throw fieldError('INVALID_CREDENTIALS', 'password', 'matches', 'the password is wrong');
  }

  /**
   * Counts a wrong or replayed code against the account; past the limit it locks like failed
   * passwords do. A replayed code counts too: it is what someone who saw a code over a shoulder or
   * through a proxy sends, and a person who pressed twice loses one of five tries (ADR 0014).
   */
  async function recordFailure(actor: Actor, user: UserWithOrg, now: Date, reused = false): Promise<Date | null> {
    return deps.db.transaction(async (tx) => {
      const attempts = createLoginAttemptRepo(tx);
      const row = await attempts.addFailure(attemptKey(user.username), now);
      const locks = row.failures >= deps.maxFailures;
      const lockedUntil = locks ? new Date(now.getTime() + lockDurationMs(row.locks + 1, deps)) : null;
      if (lockedUntil) {
        await attempts.lock(attemptKey(user.username), lockedUntil);
        await createUserRepo(tx).update(user.id, { lockedUntil: await attempts.lockedUntilOf(user.username, now) });
      }
      await deps.audit.append(tx, actor, {
        action: locks ? 'auth.second_factor_lock' : 'auth.second_factor_failed',
        entityType: 'user',
        entityId: user.id,
        after: { failures: row.failures, lockedUntil, clientIp: actor.clientIp, ...(reused ? { reused: true } : {}) },
      });
      return lockedUntil;
    });
  }

  return {
    isRequired,

    async status(actor: Actor): Promise<TwoFactorStatus> {
      const user = await userOf(actor);
      return {
        enabled: user.totpSecret !== null,
        required: isRequired(user.role),
        enabledAt: user.totpEnabledAt?.toISOString() ?? null,
        recoveryCodesLeft: user.totpSecret ? await createTwoFactorRepo(deps.db).unusedRecoveryCodes(user.id) : 0,
      };
    },

    /** A new secret for the caller, kept pending until a code from it confirms it. */
    async startEnrolment(actor: Actor): Promise<TwoFactorEnrolment> {
      const user = await userOf(actor);
      if (user.totpSecret)
        throw refusal('CONFLICT', 'two_factor.already_enabled', 'a second factor is already enrolled; turn it off first');
      const secret = newTotpSecret();
      await createTwoFactorRepo(deps.db).setPendingSecret(user.id, deps.sealer.seal(secret, totpSealContext(user.id)));
      return { secret, ...(await enrolmentUri(secret, user.username)) };
    },

    /**
     * Turns the second factor on with a code from the pending secret and returns fresh recovery codes
     * (once). The account's other sessions end: they were opened with the password alone.
     */
    async confirmEnrolment(actor: Actor, code: string, keepSessionIdHash?: string): Promise<string[]> {
      const user = await userOf(actor);
      if (user.totpSecret) throw refusal('CONFLICT', 'two_factor.already_enabled', 'a second factor is already enrolled');
      const sealedSecret = user.totpPendingSecret;
      if (!sealedSecret) throw refusal('CONFLICT', 'two_factor.no_enrolment', 'start the enrolment first');
      const now = deps.clock.now();
      const step = matchingTotpStep(deps.sealer.open(sealedSecret, totpSealContext(user.id)), code, now.getTime());
      if (step === null) throw fieldError('INVALID_SECOND_FACTOR', 'code', 'matches', 'the code does not match the new secret');
      const codes = newRecoveryCodes();
      await deps.db.transaction(async (tx) => {
        const repo = createTwoFactorRepo(tx);
        // The confirming code's step is used up: it cannot open the next login (RFC 6238 §5.2).
        if (!(await repo.enable(user.id, sealedSecret, step, now)))
          throw refusal('CONFLICT', 'two_factor.already_enabled', 'a second factor is already enrolled');
        await repo.replaceRecoveryCodes(
          user.id,
          codes.map((c) => hashRecoveryCode(user.id, c)),
          now,
        );
        await createUserRepo(tx).deleteSessionsOf(user.id, keepSessionIdHash);
        await deps.audit.append(tx, actor, { action: 'auth.two_factor_enrol', entityType: 'user', entityId: user.id });
        await deps.revocations.notify(tx, { userId: user.id });
      });
      deps.sessions.deleteUser(user.id);
      return codes;
    },

    /** The second step of a login: a TOTP code or an unused recovery code completes the session. */
    async verify(actor: Actor, sessionIdHash: string, code: string): Promise<void> {
      const user = await userOf(actor);
      const now = deps.clock.now();
      // Only a login waiting for its code takes one: a complete session is no oracle for guesses.
      const session = await users.findSession(sessionIdHash, now);
      if (!session?.secondFactorPending) throw refusal('CONFLICT', 'two_factor.not_pending', 'this session needs no code');
      const key = attemptKey(user.username);
      const attempt = await createLoginAttemptRepo(deps.db).find(key);
      if (attempt?.lockedUntil && attempt.lockedUntil > now) throw accountLocked(attempt.lockedUntil);
      if (!user.totpSecret) throw refusal('CONFLICT', 'two_factor.not_enabled', 'this account has no second factor');
      const recovery = looksLikeRecoveryCode(code);
      const step = recovery ? null : matchingTotpStep(deps.sealer.open(user.totpSecret, totpSealContext(user.id)), code, now.getTime());
      const matches = recovery
        ? await createTwoFactorRepo(deps.db).useRecoveryCode(user.id, hashRecoveryCode(user.id, code), now)
        : step !== null;
      if (!matches) {
        const lockedUntil = await recordFailure(actor, user, now);
        if (lockedUntil) throw accountLocked(lockedUntil);
        throw new AppError('INVALID_SECOND_FACTOR', 'the code is wrong, expired or already used');
      }
      const accepted = await deps.db.transaction(async (tx) => {
        // A TOTP code works once (RFC 6238 §5.2): its step must be later than the last accepted one.
        if (step !== null && !(await createTwoFactorRepo(tx).acceptStep(user.id, step))) return false;
        await createTwoFactorRepo(tx).completeSession(sessionIdHash);
        await createLoginAttemptRepo(tx).clear(key);
        const left = recovery ? await createTwoFactorRepo(tx).unusedRecoveryCodes(user.id) : undefined;
        await deps.audit.append(tx, actor, {
          action: recovery ? 'auth.recovery_code_used' : 'auth.second_factor',
          entityType: 'user',
          entityId: user.id,
          ...(recovery ? { after: { recoveryCodesLeft: left } } : {}),
        });
        await deps.revocations.notify(tx, { idHash: sessionIdHash });
        return true;
      });
      if (!accepted) {
        const lockedUntil = await recordFailure(actor, user, now, true);
        if (lockedUntil) throw accountLocked(lockedUntil);
        throw refusal('INVALID_SECOND_FACTOR', 'two_factor.code_reused', 'this code was already used; wait for the next one');
      }
      deps.sessions.delete(sessionIdHash);
    },

    /** New recovery codes after the password is entered again; the old ones stop working. */
    async regenerateRecoveryCodes(actor: Actor, password: string): Promise<string[]> {
      const user = await userOf(actor);
      await reauthenticate(user, password);
      if (!user.totpSecret) throw refusal('CONFLICT', 'two_factor.not_enabled', 'this account has no second factor');
      const codes = newRecoveryCodes();
      const now = deps.clock.now();
      await deps.db.transaction(async (tx) => {
        await createTwoFactorRepo(tx).replaceRecoveryCodes(
          user.id,
          codes.map((c) => hashRecoveryCode(user.id, c)),
          now,
        );
        await deps.audit.append(tx, actor, { action: 'auth.recovery_codes_regenerate', entityType: 'user', entityId: user.id });
      });
      return codes;
    },

    /** Turns the caller's second factor off after the password; refused when the role requires one. */
    async disable(actor: Actor, password: string): Promise<TwoFactorStatus> {
      const user = await userOf(actor);
      await reauthenticate(user, password);
      if (isRequired(user.role))
        throw refusal('FORBIDDEN', 'two_factor.required_by_role', 'your role requires a second factor', { role: user.role });
      const now = deps.clock.now();
      await deps.db.transaction(async (tx) => {
        await createTwoFactorRepo(tx).disable(user.id, now);
        await deps.audit.append(tx, actor, { action: 'auth.two_factor_disable', entityType: 'user', entityId: user.id });
        await deps.revocations.notify(tx, { userId: user.id });
      });
      deps.sessions.deleteUser(user.id);
      return { enabled: false, required: false, enabledAt: null, recoveryCodesLeft: 0 };
    },
  };
}

export type TwoFactorService = ReturnType<typeof createTwoFactorService>;
