import {
  ChangePasswordSchema,
  ErrorEnvelopeSchema,
  LoginSchema,
  type Me,
  MeSchema,
  OkSchema,
  SESSION_COOKIE,
  UpdateProfileSchema,
} from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http/auth-hook.js';
import type { AuthService } from './auth.service.js';

export interface AuthRouteOptions {
  auth: AuthService;
  sessionTtlMs: number;
  secureCookies: boolean;
  loginRatePerMinute: number;
}

export function registerAuthRoutes(app: FastifyInstance, opts: AuthRouteOptions) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  r.post('/api/auth/login', {
    config: { auth: 'public', rateLimit: { max: opts.loginRatePerMinute, timeWindow: 60_000 } },
    schema: { tags, body: LoginSchema, response: { 200: MeSchema, 401: ErrorEnvelopeSchema, 423: ErrorEnvelopeSchema } },
    handler: async (request, reply) => {
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
  });

  r.post('/api/auth/logout', {
    config: { allowPendingPasswordChange: true },
    schema: { tags, response: { 200: OkSchema } },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      if (request.session) await opts.auth.logout(actor, request.session.idHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  r.get('/api/auth/me', {
    config: { allowPendingPasswordChange: true },
    schema: { tags, response: { 200: MeSchema } },
    handler: async (request, reply) => {
      const cached = opts.auth.cachedMeJson(request.session?.idHash);
      // A string payload skips the serializer; it was built from a typed Me when the session was cached.
      if (cached) return reply.type('application/json; charset=utf-8').send(cached as unknown as Me);
      return opts.auth.me(actorOf(request), request.session?.csrfToken);
    },
  });

  r.patch('/api/auth/me', {
    schema: { tags, body: UpdateProfileSchema, response: { 200: MeSchema } },
    handler: async (request) => opts.auth.updateProfile(actorOf(request), request.body, request.session?.csrfToken),
  });

  r.post('/api/auth/password', {
    config: { allowPendingPasswordChange: true },
    schema: { tags, body: ChangePasswordSchema, response: { 200: OkSchema } },
    handler: async (request) => {
      await opts.auth.changePassword(actorOf(request), request.body, request.session?.idHash);
      return { ok: true as const };
    },
  });
}
