import {
  ApiTokenListQuerySchema,
  ApiTokenSchema,
  CreateApiTokenSchema,
  CreatedApiTokenSchema,
  IdParamsSchema,
  pageOf,
} from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http/auth-hook.js';
import type { TokenService } from './token.service.js';

export function registerTokenRoutes(app: FastifyInstance, tokens: TokenService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['api tokens'];

  r.get('/api/tokens', {
    schema: { tags, querystring: ApiTokenListQuerySchema, response: { 200: pageOf(ApiTokenSchema) } },
    handler: async (request) => tokens.list(actorOf(request), request.query),
  });
  r.post('/api/tokens', {
    schema: { tags, body: CreateApiTokenSchema, response: { 201: CreatedApiTokenSchema } },
    handler: async (request, reply) => reply.status(201).send(await tokens.create(actorOf(request), request.body)),
  });
  r.post('/api/tokens/:id/revoke', {
    schema: { tags, params: IdParamsSchema, response: { 200: ApiTokenSchema } },
    handler: async (request) => tokens.revoke(actorOf(request), request.params.id),
  });
}
