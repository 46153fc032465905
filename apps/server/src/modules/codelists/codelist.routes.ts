import { CodeItemParamsSchema, CodeItemSchema, CodeListParamsSchema, CodeListSchema, UpsertCodeItemSchema } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/auth-hook.js';
import type { CodeListService } from './codelist.service.js';

export function registerCodeListRoutes(app: FastifyInstance, codeLists: CodeListService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['code lists'];

  r.get('/api/code-lists', {
    schema: { tags, response: { 200: z.array(CodeListSchema.omit({ items: true })) } },
    handler: async (request) => {
      actorOf(request);
      return codeLists.lists();
    },
  });
  r.get('/api/code-lists/:key', {
    schema: {
      tags,
      params: CodeListParamsSchema,
      querystring: z.object({ includeRetired: z.enum(['true', 'false']).optional() }).strict(),
      response: { 200: CodeListSchema },
    },
    handler: async (request) => {
      actorOf(request);
      return codeLists.get(request.params.key, { includeRetired: request.query.includeRetired === 'true' });
    },
  });
  r.put('/api/code-lists/:key/items/:code', {
    schema: { tags, params: CodeItemParamsSchema, body: UpsertCodeItemSchema, response: { 200: CodeItemSchema } },
    handler: async (request) => codeLists.upsertItem(actorOf(request), request.params.key, request.params.code, request.body),
  });
  r.post('/api/code-lists/:key/items/:code/retire', {
    schema: { tags, params: CodeItemParamsSchema, response: { 200: CodeItemSchema } },
    handler: async (request) => codeLists.retireItem(actorOf(request), request.params.key, request.params.code),
  });
}
