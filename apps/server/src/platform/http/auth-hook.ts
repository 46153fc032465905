import { timingSafeEqual } from 'node:crypto';
import { accessAllows, CSRF_HEADER, SESSION_COOKIE } from '@suilian/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../actor.js';
import { AppError } from '../errors.js';
import { missingAccess } from '../policy/policy.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `public` routes need no login; everything else under /api does. */
    auth?: 'public' | 'user';
    /** Reachable while the account must still change its one-time password. */
    allowPendingPasswordChange?: boolean;
    /** Reachable after the password while the second factor is still to be given. */
    allowPendingSecondFactor?: boolean;
    /** Reachable while the role requires a second factor the account has not enrolled. */
    allowPendingEnrolment?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    session: { idHash: string; csrfToken: string } | null;
  }
}

export interface Authenticator {
  resolveSession(
    sessionId: string,
    meta: { requestId: string; clientIp: string },
  ): Promise<{
    actor: Actor;
    mustChangePassword: boolean;
    secondFactorPending?: boolean;
    enrolmentRequired?: boolean;
    csrfToken: string;
    idHash: string;
  } | null>;
  authenticateToken(token: string, meta: { requestId: string; clientIp: string }): Promise<Actor | null>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller (bearer token or session cookie) before validation, so an anonymous request
 * gets 401 rather than a validation error; enforces CSRF on cookie writes, the second factor, the
 * forced password change and the enrolment a role requires (in that order).
 */
export function registerAuthentication(app: FastifyInstance, authenticator: Authenticator) {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);

  async function authenticate(request: FastifyRequest, bearer: string | undefined, sessionId: string | undefined) {
    const config = request.routeOptions.config;
    const meta = { requestId: String(request.id), clientIp: request.ip };
    if (bearer !== undefined) {
      request.actor = await authenticator.authenticateToken(bearer, meta);
      if (!request.actor && config.auth !== 'public') throw new AppError('UNAUTHENTICATED', 'the API token is unknown, expired or revoked');
    } else if (sessionId) {
      const resolved = await authenticator.resolveSession(sessionId, meta);
      // Pages and assets of the console are public files; session rules apply to the API only.
      if (resolved && config.auth !== 'public' && isApiRoute(request)) {
        request.actor = resolved.actor;
        request.session = { idHash: resolved.idHash, csrfToken: resolved.csrfToken };
        if (!SAFE_METHODS.has(request.method) && !csrfMatches(request, resolved.csrfToken)) {
          throw new AppError('CSRF_TOKEN_INVALID', `cookie-authenticated writes must send the ${CSRF_HEADER} header from /api/auth/me`);
        }
        if (resolved.secondFactorPending && !config.allowPendingSecondFactor) {
          throw new AppError('SECOND_FACTOR_REQUIRED', 'enter the code of your authenticator app (or a recovery code) first');
        }
        if (resolved.mustChangePassword && !config.allowPendingPasswordChange) {
          throw new AppError('PASSWORD_CHANGE_REQUIRED', 'change your one-time password before continuing');
        }
        if (resolved.enrolmentRequired && !config.allowPendingEnrolment) {
          throw new AppError('TWO_FACTOR_ENROLMENT_REQUIRED', 'your role requires two-factor authentication: enrol first');
        }
      }
    }
    if (config.auth !== 'public' && !request.actor && isApiRoute(request)) {
      throw new AppError('UNAUTHENTICATED', 'log in first');
    }
    // The catalogue's access rule, checked before validation: a role without the permission gets
    // 403 whatever it sends. Which records it reaches is the services' policies' business.
    const access = config.endpoint?.access;
    if (access && request.actor && !accessAllows(access, request.actor.permissions)) throw missingAccess(access);
  }

  // Callback style, so a request without credentials (anonymous resolutions, health checks, the
  // console's files) is decided synchronously: no promise, no session lookup, no meta object.
  app.addHook('onRequest', (request, _reply, done) => {
    const authorization = request.headers.authorization;
    const bearer = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : undefined;
    const sessionId = bearer === undefined ? request.cookies[SESSION_COOKIE] : undefined;
    if (bearer === undefined && !sessionId) {
      if (isApiRoute(request) && request.routeOptions.config.auth !== 'public')
        return done(new AppError('UNAUTHENTICATED', 'log in first'));
      return done();
    }
    authenticate(request, bearer, sessionId).then(() => done(), done);
  });
}

// The OpenAPI document and its UI are public, like the console's static files.
function isApiRoute(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') && !request.url.startsWith('/api/docs');
}

function csrfMatches(request: FastifyRequest, expected: string): boolean {
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || sent.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
}

/** The authenticated actor of a route that requires login. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'log in first');
  return request.actor;
}
