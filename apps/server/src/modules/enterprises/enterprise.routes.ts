import {
  CreateEnterpriseSchema,
  EnterpriseListQuerySchema,
  EnterpriseSchema,
  HonourInputSchema,
  HonourParamsSchema,
  HonourSchema,
  IdParamsSchema,
  OkSchema,
  pageOf,
  UpdateEnterpriseSchema,
} from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http/auth-hook.js';
import type { EnterpriseService } from './enterprise.service.js';

export function registerEnterpriseRoutes(app: FastifyInstance, enterprises: EnterpriseService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['enterprises'];

  r.get('/api/enterprises', {
    schema: { tags, querystring: EnterpriseListQuerySchema, response: { 200: pageOf(EnterpriseSchema) } },
    handler: async (request) => enterprises.list(actorOf(request), request.query),
  });
  r.post('/api/enterprises', {
    schema: { tags, body: CreateEnterpriseSchema, response: { 201: EnterpriseSchema } },
    handler: async (request, reply) => reply.status(201).send(await enterprises.create(actorOf(request), request.body)),
  });
  r.get('/api/enterprises/:id', {
    schema: { tags, params: IdParamsSchema, response: { 200: EnterpriseSchema } },
    handler: async (request) => enterprises.get(actorOf(request), request.params.id),
  });
  r.patch('/api/enterprises/:id', {
    schema: { tags, params: IdParamsSchema, body: UpdateEnterpriseSchema, response: { 200: EnterpriseSchema } },
    handler: async (request) => enterprises.update(actorOf(request), request.params.id, request.body),
  });
  r.post('/api/enterprises/:id/honours', {
    schema: { tags, params: IdParamsSchema, body: HonourInputSchema, response: { 201: HonourSchema } },
    handler: async (request, reply) =>
      reply.status(201).send(await enterprises.addHonour(actorOf(request), request.params.id, request.body)),
  });
  r.put('/api/enterprises/:id/honours/:honourId', {
    schema: { tags, params: HonourParamsSchema, body: HonourInputSchema, response: { 200: HonourSchema } },
    handler: async (request) => enterprises.updateHonour(actorOf(request), request.params.id, request.params.honourId, request.body),
  });
  r.delete('/api/enterprises/:id/honours/:honourId', {
    schema: { tags, params: HonourParamsSchema, response: { 200: OkSchema } },
    handler: async (request) => {
      await enterprises.removeHonour(actorOf(request), request.params.id, request.params.honourId);
      return { ok: true as const };
    },
  });
}
