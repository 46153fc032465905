import {
  CreateFactorySchema,
  FactoryListQuerySchema,
  FactorySchema,
  IdParamsSchema,
  pageOf,
  UpdateFactorySchema,
} from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http/auth-hook.js';
import type { FactoryService } from './factory.service.js';

export function registerFactoryRoutes(app: FastifyInstance, factories: FactoryService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['factories'];
  r.get('/api/factories', {
    schema: { tags, querystring: FactoryListQuerySchema, response: { 200: pageOf(FactorySchema) } },
    handler: async (request) => factories.list(actorOf(request), request.query),
  });
  r.post('/api/factories', {
    schema: { tags, body: CreateFactorySchema, response: { 201: FactorySchema } },
    handler: async (request, reply) => reply.status(201).send(await factories.create(actorOf(request), request.body)),
  });
  r.get('/api/factories/:id', {
    schema: { tags, params: IdParamsSchema, response: { 200: FactorySchema } },
    handler: async (request) => factories.get(actorOf(request), request.params.id),
  });
  r.patch('/api/factories/:id', {
    schema: { tags, params: IdParamsSchema, body: UpdateFactorySchema, response: { 200: FactorySchema } },
    handler: async (request) => factories.update(actorOf(request), request.params.id, request.body),
  });
}
