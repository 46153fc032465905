import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import type { Sealer } from '../../platform/crypto/sealed.js';
import { registerAuthRoutes } from './auth.routes.js';
import { type AuthServiceDeps, createAuthService } from './auth.service.js';
import { createSessionCache } from './session-cache.js';
import { createSessionRevocation } from './session-revocation.js';
import { registerTokenRoutes } from './token.routes.js';
import { createTokenService, type TokenServiceDeps } from './token.service.js';
import { registerTwoFactorRoutes } from './two-factor/two-factor.routes.js';
import { createTwoFactorService } from './two-factor/two-factor.service.js';
import { registerUserRoutes } from './user.routes.js';
import { createUserService, type UserServiceDeps } from './user.service.js';

export type { AuthService } from './auth.service.js';
export { generatePassword, hashPassword } from './password.js';
export type { SessionRevocation } from './session-revocation.js';
export type { TokenService } from './token.service.js';
export { hashRecoveryCode, newRecoveryCodes } from './two-factor/recovery-codes.js';
export { hasSealedTotpSecrets, sealPlaintextTotpSecrets, totpSealContext } from './two-factor/sealed-secrets.js';
export { enrolmentUri, newTotpSecret, totpCodeAt } from './two-factor/totp.js';
export { createTwoFactorRepo } from './two-factor/two-factor.repo.js';
export { createUserRepo } from './user.repo.js';
export type { UserService } from './user.service.js';

export interface AccountsDeps
  extends Omit<AuthServiceDeps, 'sessions' | 'revocations'>,
    Omit<UserServiceDeps, 'sessions' | 'revocations'>,
    TokenServiceDeps {
  /** The pool whose connection settings the LISTEN connection for session revocations reuses. */
  pool: pg.Pool;
  log: { warn(obj: object, msg: string): void };
  secureCookies: boolean;
  loginRatePerMinute: number;
  /** Seals TOTP secrets at rest (ADR 0014). */
  sealer: Sealer;
}

/** The accounts module: login and sessions (second factor included), user administration, API tokens. */
export function createAccountsModule(deps: AccountsDeps) {
  const sessions = createSessionCache();
  const revocations = createSessionRevocation({
    connection: (deps.pool as unknown as { options: pg.ClientConfig }).options,
    sessions,
    log: deps.log,
  });
  const auth = createAuthService({ ...deps, sessions, revocations });
  const users = createUserService({ ...deps, sessions, revocations });
  const tokens = createTokenService(deps);
  const twoFactor = createTwoFactorService({ ...deps, requiredRoles: deps.twoFactorRoles, sessions, revocations });
  return {
    auth,
    users,
    tokens,
    twoFactor,
    /** Cross-instance session revocation (LISTEN/NOTIFY): start when the app is ready, stop on close. */
    revocations,
    registerRoutes(app: FastifyInstance) {
      registerAuthRoutes(app, {
        auth,
        sessionTtlMs: deps.sessionTtlMs,
        secureCookies: deps.secureCookies,
        loginRatePerMinute: deps.loginRatePerMinute,
      });
      registerTwoFactorRoutes(app, twoFactor, auth, deps.loginRatePerMinute);
      registerUserRoutes(app, users);
      registerTokenRoutes(app, tokens);
    },
  };
}
