import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { AppError } from '../errors.js';

/** Who may read /metrics (issue #11 item 7); both unset: anyone who reaches the port, as before. */
export interface MetricsAccess {
  /** METRICS_TOKEN: required as `Authorization: Bearer <token>`. */
  token?: string | undefined;
  /** METRICS_LOOPBACK_ONLY: only connections from the machine itself (the socket's peer, not X-Forwarded-For). */
  loopbackOnly?: boolean;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether the request carries the bearer token; compared in constant time (digests of equal length). */
function bearerMatches(request: FastifyRequest, token: string): boolean {
  const header = request.headers.authorization ?? '';
  const given = /^Bearer (.+)$/i.exec(header)?.[1] ?? '';
  return timingSafeEqual(digest(given), digest(token)) && given.length > 0;
}

/** Refuses a /metrics request the settings do not allow: 403 off the machine, 401 without the token. */
function checkAccess(request: FastifyRequest, access: MetricsAccess): void {
  if (access.loopbackOnly && !LOOPBACK.test(request.socket.remoteAddress ?? ''))
    throw new AppError('FORBIDDEN', 'metrics are served to the machine itself only');
  if (access.token && !bearerMatches(request, access.token))
    throw new AppError('UNAUTHENTICATED', 'metrics need the bearer token (METRICS_TOKEN)');
}

/** Prometheus metrics at /metrics: process defaults plus request duration by route and status. */
export function registerMetrics(app: FastifyInstance, access: MetricsAccess = {}) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'suilian_' });
  const duration = new Histogram({
    name: 'suilian_http_request_duration_seconds',
    help: 'HTTP request duration by route',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  // Fastify's elapsedTime is a monotonic clock (performance.now). Callback style: no promise per response.
  // One pre-bound child per method, route and status: prom-client hashes a label object on every
  // observe otherwise (#13 item 5). The set is bounded by the routes and the statuses they answer.
  const children = new Map<string, { observe(value: number): void }>();
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const key = `${request.method} ${reply.statusCode} ${route}`;
    let child = children.get(key);
    if (child === undefined) {
      child = duration.labels({ method: request.method, route, status: String(reply.statusCode) });
      children.set(key, child);
    }
    child.observe(reply.elapsedTime / 1000);
    done();
  });
  app.get('/metrics', { config: { auth: 'public' }, schema: { hide: true } }, async (request, reply) => {
    if (access.token) reply.header('www-authenticate', 'Bearer realm="metrics"');
    checkAccess(request, access);
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
  return registry;
}
