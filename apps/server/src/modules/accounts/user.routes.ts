import {
  CreateUserSchema,
  IdParamsSchema,
  OneTimePasswordSchema,
  pageOf,
  UpdateUserSchema,
  UserListQuerySchema,
  UserSchema,
} from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http/auth-hook.js';
import type { UserService } from './user.service.js';

export function registerUserRoutes(app: FastifyInstance, users: UserService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];

  r.get('/api/users', {
    schema: { tags, querystring: UserListQuerySchema, response: { 200: pageOf(UserSchema) } },
    handler: async (request) => users.list(actorOf(request), request.query),
  });
  r.post('/api/users', {
    schema: { tags, body: CreateUserSchema, response: { 201: OneTimePasswordSchema } },
    handler: async (request, reply) => reply.status(201).send(await users.create(actorOf(request), request.body)),
  });
  r.get('/api/users/:id', {
    schema: { tags, params: IdParamsSchema, response: { 200: UserSchema } },
    handler: async (request) => users.get(actorOf(request), request.params.id),
  });
  r.patch('/api/users/:id', {
    schema: { tags, params: IdParamsSchema, body: UpdateUserSchema, response: { 200: UserSchema } },
    handler: async (request) => users.update(actorOf(request), request.params.id, request.body),
  });
  r.post('/api/users/:id/disable', {
    schema: { tags, params: IdParamsSchema, response: { 200: UserSchema } },
    handler: async (request) => users.setStatus(actorOf(request), request.params.id, 'disabled'),
  });
  r.post('/api/users/:id/enable', {
    schema: { tags, params: IdParamsSchema, response: { 200: UserSchema } },
    handler: async (request) => users.setStatus(actorOf(request), request.params.id, 'active'),
  });
  r.post('/api/users/:id/reset-password', {
    schema: { tags, params: IdParamsSchema, response: { 200: OneTimePasswordSchema } },
    handler: async (request) => users.resetPassword(actorOf(request), request.params.id),
  });
}
