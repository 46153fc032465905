import {
  CreateProjectSchema,
  IdParamsSchema,
  ProjectEventSchema,
  ProjectListQuerySchema,
  ProjectSchema,
  ProjectTransitionInputSchema,
  pageOf,
  UpdateProjectSchema,
} from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/auth-hook.js';
import type { ProjectService } from './project.service.js';

export function registerProjectRoutes(app: FastifyInstance, projects: ProjectService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];

  r.get('/api/projects', {
    schema: { tags, querystring: ProjectListQuerySchema, response: { 200: pageOf(ProjectSchema) } },
    handler: async (request) => projects.list(actorOf(request), request.query),
  });
  r.post('/api/projects', {
    schema: { tags, body: CreateProjectSchema, response: { 201: ProjectSchema } },
    handler: async (request, reply) => reply.status(201).send(await projects.create(actorOf(request), request.body)),
  });
  r.get('/api/projects/:id', {
    schema: { tags, params: IdParamsSchema, response: { 200: ProjectSchema } },
    handler: async (request) => projects.get(actorOf(request), request.params.id),
  });
  r.patch('/api/projects/:id', {
    schema: { tags, params: IdParamsSchema, body: UpdateProjectSchema, response: { 200: ProjectSchema } },
    handler: async (request) => projects.update(actorOf(request), request.params.id, request.body),
  });
  r.post('/api/projects/:id/transitions', {
    schema: { tags, params: IdParamsSchema, body: ProjectTransitionInputSchema, response: { 200: ProjectSchema } },
    handler: async (request) => projects.transition(actorOf(request), request.params.id, request.body),
  });
  r.get('/api/projects/:id/events', {
    schema: { tags, params: IdParamsSchema, response: { 200: z.array(ProjectEventSchema) } },
    handler: async (request) => projects.events(actorOf(request), request.params.id),
  });
}
