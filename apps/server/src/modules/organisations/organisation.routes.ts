import {
  CreateOrganisationSchema,
  IdParamsSchema,
  OrganisationListQuerySchema,
  OrganisationSchema,
  ProviderEntrySchema,
  pageOf,
  UpdateOrganisationSchema,
} from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/auth-hook.js';
import type { OrganisationService } from './organisation.service.js';

export function registerOrganisationRoutes(app: FastifyInstance, organisations: OrganisationService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisations'];

  r.get('/api/organisations', {
    schema: { tags, querystring: OrganisationListQuerySchema, response: { 200: pageOf(OrganisationSchema) } },
    handler: async (request) => organisations.list(actorOf(request), request.query),
  });
  // The tree is recursive; it is documented by OrganisationNodeSchema in the contracts, not in OpenAPI.
  r.get('/api/organisations/tree', {
    schema: { tags },
    handler: async (request) => organisations.tree(actorOf(request)),
  });
  r.get('/api/organisations/providers', {
    schema: { tags, response: { 200: z.array(ProviderEntrySchema) } },
    handler: async (request) => organisations.providers(actorOf(request)),
  });
  r.get('/api/organisations/:id', {
    schema: { tags, params: IdParamsSchema, response: { 200: OrganisationSchema } },
    handler: async (request) => organisations.get(actorOf(request), request.params.id),
  });
  r.post('/api/organisations', {
    schema: { tags, body: CreateOrganisationSchema, response: { 201: OrganisationSchema } },
    handler: async (request, reply) => reply.status(201).send(await organisations.create(actorOf(request), request.body)),
  });
  r.patch('/api/organisations/:id', {
    schema: { tags, params: IdParamsSchema, body: UpdateOrganisationSchema, response: { 200: OrganisationSchema } },
    handler: async (request) => organisations.update(actorOf(request), request.params.id, request.body),
  });
}
