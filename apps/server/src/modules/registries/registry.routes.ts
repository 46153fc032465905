import {
  createRecordSchemaFor,
  IdParamsSchema,
  OkSchema,
  pageOf,
  REGISTRY_KEYS,
  RegistryListQuerySchema,
  RegistryRecordSchema,
  updateRecordSchemaFor,
} from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http/auth-hook.js';
import type { RegistryService } from './registry.service.js';

/** One set of routes per registry, /api/<key>, each with that registry's own body schema. */
export function registerRegistryRoutes(app: FastifyInstance, registries: RegistryService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const key of REGISTRY_KEYS) {
    const tags = [`registry: ${key}`];
    r.get(`/api/${key}`, {
      schema: { tags, querystring: RegistryListQuerySchema, response: { 200: pageOf(RegistryRecordSchema) } },
      handler: async (request) => registries.list(actorOf(request), key, request.query),
    });
    r.post(`/api/${key}`, {
      schema: { tags, body: createRecordSchemaFor(key), response: { 201: RegistryRecordSchema } },
      handler: async (request, reply) => reply.status(201).send(await registries.create(actorOf(request), key, request.body)),
    });
    r.get(`/api/${key}/:id`, {
      schema: { tags, params: IdParamsSchema, response: { 200: RegistryRecordSchema } },
      handler: async (request) => registries.get(actorOf(request), key, request.params.id),
    });
    r.patch(`/api/${key}/:id`, {
      schema: { tags, params: IdParamsSchema, body: updateRecordSchemaFor(key), response: { 200: RegistryRecordSchema } },
      handler: async (request) => registries.update(actorOf(request), key, request.params.id, request.body),
    });
    r.delete(`/api/${key}/:id`, {
      schema: { tags, params: IdParamsSchema, response: { 200: OkSchema } },
      handler: async (request) => {
        await registries.remove(actorOf(request), key, request.params.id);
        return { ok: true as const };
      },
    });
  }
}
