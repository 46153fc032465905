import type { FastifyInstance } from 'fastify';
import { registerAuthRoutes } from './auth.routes.js';
import { type AuthServiceDeps, createAuthService } from './auth.service.js';
import { createSessionCache } from './session-cache.js';
import { registerTokenRoutes } from './token.routes.js';
import { createTokenService, type TokenServiceDeps } from './token.service.js';
import { registerUserRoutes } from './user.routes.js';
import { createUserService, type UserServiceDeps } from './user.service.js';

export type { AuthService } from './auth.service.js';
export { generatePassword, hashPassword } from './password.js';
export type { TokenService } from './token.service.js';
export { createUserRepo } from './user.repo.js';
export type { UserService } from './user.service.js';

export interface AccountsDeps extends Omit<AuthServiceDeps, 'sessions'>, Omit<UserServiceDeps, 'sessions'>, TokenServiceDeps {
  secureCookies: boolean;
  loginRatePerMinute: number;
}

/** The accounts module: login and sessions, user administration, API tokens. */
export function createAccountsModule(deps: AccountsDeps) {
  const sessions = createSessionCache();
  const auth = createAuthService({ ...deps, sessions });
  const users = createUserService({ ...deps, sessions });
  const tokens = createTokenService(deps);
  return {
    auth,
    users,
    tokens,
    registerRoutes(app: FastifyInstance) {
      registerAuthRoutes(app, {
        auth,
        sessionTtlMs: deps.sessionTtlMs,
        secureCookies: deps.secureCookies,
        loginRatePerMinute: deps.loginRatePerMinute,
      });
      registerUserRoutes(app, users);
      registerTokenRoutes(app, tokens);
    },
  };
}
