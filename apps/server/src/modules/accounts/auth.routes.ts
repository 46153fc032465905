import { API, type Me, SESSION_COOKIE } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import type { AuthService } from './auth.service.js';

export interface AuthRouteOptions {
  auth: AuthService;
  sessionTtlMs: number;
  secureCookies: boolean;
  loginRatePerMinute: number;
}

/** Login and logout, the caller's own account (Me, profile, password). */
export function registerAuthRoutes(app: FastifyInstance, opts: AuthRouteOptions) {
  serveEndpoint(
    app,
    API.login,
    async (request, reply) => {
      const { sessionId, me } = await opts.auth.login(request.body, {
        requestId: String(request.id),
        clientIp: request.ip,
        userAgent: request.headers['user-agent'],
      });
      reply.setCookie(SESSION_COOKIE, sessionId, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: opts.secureCookies,
        maxAge: Math.floor(opts.sessionTtlMs / 1000),
      });
      return me;
    },
    { config: { rateLimit: { max: opts.loginRatePerMinute, timeWindow: 60_000 } } },
  );

  serveEndpoint(app, API.logout, async (request, reply) => {
    const actor = actorOf(request);
    if (request.session) await opts.auth.logout(actor, request.session.idHash);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  serveEndpoint(app, API.getMe, async (request, reply) => {
    const cached = opts.auth.cachedMeJson(request.session?.idHash);
    // A string payload skips the serializer; it was built from a typed Me when the session was cached.
    if (cached) return reply.type('application/json; charset=utf-8').send(cached as unknown as Me);
    return opts.auth.me(actorOf(request), request.session?.csrfToken);
  });

  serveEndpoint(app, API.updateMe, async (request) => opts.auth.updateProfile(actorOf(request), request.body, request.session?.csrfToken));

  serveEndpoint(app, API.changePassword, async (request) => {
    await opts.auth.changePassword(actorOf(request), request.body, request.session?.idHash);
    return { ok: true as const };
  });
}
