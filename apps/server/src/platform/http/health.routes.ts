import { API } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { serveEndpoint } from './endpoint-route.js';
import { sendError } from './error-handler.js';

/**
 * Liveness and readiness for load balancers and orchestrators: /api/health answers while the
 * process does; /api/ready also needs the database (503 SERVICE_UNAVAILABLE when it does not answer).
 * The replies are sent as they are (no response schema): /api/health is the benchmarks' floor.
 */
export function registerHealthRoutes(app: FastifyInstance, deps: { pingDatabase(): Promise<unknown> }) {
  serveEndpoint(app, API.getHealth, async (_request, reply) => reply.send({ status: 'ok' }));
  serveEndpoint(app, API.getReadiness, async (_request, reply) => {
    try {
      await deps.pingDatabase();
      return reply.send({ status: 'ready' });
    } catch {
      return sendError(reply, 503, 'SERVICE_UNAVAILABLE', 'the database does not answer');
    }
  });
}
