import { API } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import type { SearchService } from './search.service.js';

/** GET /api/search. */
export function registerSearchRoutes(app: FastifyInstance, service: SearchService) {
  serveEndpoint(app, API.searchEverything, async (q) => service.search(actorOf(q), q.query.q));
}
