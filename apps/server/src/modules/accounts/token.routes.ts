import { API } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import type { TokenService } from './token.service.js';

/** API tokens for machine clients. */
export function registerTokenRoutes(app: FastifyInstance, tokens: TokenService) {
  serveEndpoint(app, API.listApiTokens, async (request) => tokens.list(actorOf(request), request.query));
  serveEndpoint(app, API.createApiToken, async (request) => tokens.create(actorOf(request), request.body));
  serveEndpoint(app, API.revokeApiToken, async (request) => tokens.revoke(actorOf(request), request.params.id));
}
