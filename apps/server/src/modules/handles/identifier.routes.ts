import {
  CreateHandleRecordSchema,
  CreateTemplateSchema,
  DelegatePrefixSchema,
  HandleBatchRequestSchema,
  HandleBatchResultSchema,
  HandlePrefixSchema,
  HandleRecordDetailSchema,
  HandleRecordListQuerySchema,
  HandleRecordSummarySchema,
  HandleStatsQuerySchema,
  HandleStatsSchema,
  HandleTemplateSchema,
  HandleUploadQuerySchema,
  OkSchema,
  PrefixListQuerySchema,
  PublicHandleViewSchema,
  pageOf,
  ReverseLookupQuerySchema,
  ReverseLookupResultSchema,
  UpdateHandleRecordSchema,
  UpdatePrefixSchema,
} from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fieldError } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { readUploadedFile, sendWorkbook } from '../../platform/tabular/http.js';
import type { BatchUpload } from './batch-upload.js';
import { handleFromUrl } from './handle.routes.js';
import type { LookupService } from './lookup.service.js';
import type { PrefixService } from './prefix.service.js';
import type { RecordService } from './record.service.js';
import type { TemplateService } from './template.service.js';

export interface IdentifierRouteDeps {
  prefixes: PrefixService;
  templates: TemplateService;
  records: RecordService;
  lookup: LookupService;
  upload: BatchUpload;
}

const tags = ['identifiers'];
const PrefixParamsSchema = z.object({ prefix: z.string().min(1).max(128) }).strict();

/** The handle in the rest of the path after `base`, as a platform 422 when it is not UTF-8. */
function handleParam(url: string, base: string): string {
  try {
    return handleFromUrl(url, base);
  } catch (err) {
    throw fieldError('VALIDATION_FAILED', 'handle', 'invalid_utf8', (err as Error).message);
  }
}

/** The console's identifier API (platform conventions: sessions or tokens, error envelope). */
export function registerIdentifierRoutes(app: FastifyInstance, deps: IdentifierRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/identifiers/prefixes', {
    schema: { tags, querystring: PrefixListQuerySchema, response: { 200: pageOf(HandlePrefixSchema) } },
    handler: async (request) => deps.prefixes.list(actorOf(request), request.query),
  });
  r.post('/api/identifiers/prefixes', {
    schema: { tags, body: DelegatePrefixSchema, response: { 201: HandlePrefixSchema } },
    handler: async (request, reply) => reply.status(201).send(await deps.prefixes.delegate(actorOf(request), request.body)),
  });
  r.get('/api/identifiers/prefixes/:prefix', {
    schema: { tags, params: PrefixParamsSchema, response: { 200: HandlePrefixSchema } },
    handler: async (request) => deps.prefixes.get(actorOf(request), request.params.prefix),
  });
  r.patch('/api/identifiers/prefixes/:prefix', {
    schema: { tags, params: PrefixParamsSchema, body: UpdatePrefixSchema, response: { 200: HandlePrefixSchema } },
    handler: async (request) => deps.prefixes.update(actorOf(request), request.params.prefix, request.body),
  });
  r.get('/api/identifiers/prefixes/:prefix/templates', {
    schema: { tags, params: PrefixParamsSchema, response: { 200: z.array(HandleTemplateSchema) } },
    handler: async (request) => deps.templates.list(actorOf(request), request.params.prefix),
  });
  r.post('/api/identifiers/prefixes/:prefix/templates', {
    schema: { tags, params: PrefixParamsSchema, body: CreateTemplateSchema, response: { 201: HandleTemplateSchema } },
    handler: async (request, reply) =>
      reply.status(201).send(await deps.templates.create(actorOf(request), request.params.prefix, request.body)),
  });

  r.get('/api/identifiers/records', {
    schema: { tags, querystring: HandleRecordListQuerySchema, response: { 200: pageOf(HandleRecordSummarySchema) } },
    handler: async (request) => deps.records.list(actorOf(request), request.query),
  });
  r.post('/api/identifiers/records', {
    schema: { tags, body: CreateHandleRecordSchema, response: { 201: HandleRecordDetailSchema } },
    handler: async (request, reply) => reply.status(201).send(await deps.records.create(actorOf(request), request.body)),
  });
  const recordBase = '/api/identifiers/records/';
  r.get(`${recordBase}*`, {
    schema: { tags, response: { 200: HandleRecordDetailSchema } },
    handler: async (request) => deps.records.get(actorOf(request), handleParam(request.url, recordBase)),
  });
  r.put(`${recordBase}*`, {
    schema: { tags, body: UpdateHandleRecordSchema, response: { 200: HandleRecordDetailSchema } },
    handler: async (request) => deps.records.update(actorOf(request), handleParam(request.url, recordBase), request.body),
  });
  r.delete(`${recordBase}*`, {
    schema: { tags, response: { 200: OkSchema } },
    handler: async (request) => {
      await deps.records.remove(actorOf(request), handleParam(request.url, recordBase));
      return { ok: true as const };
    },
  });

  r.post('/api/identifiers/batches', {
    // 2,000 items with attributes exceed the default body limit.
    bodyLimit: 8 * 1024 * 1024,
    schema: { tags, body: HandleBatchRequestSchema, response: { 200: HandleBatchResultSchema } },
    handler: async (request) => deps.records.batch(actorOf(request), request.body),
  });
  r.post('/api/identifiers/batches/upload', {
    schema: { tags, querystring: HandleUploadQuerySchema, response: { 200: HandleBatchResultSchema } },
    handler: async (request) => deps.upload.run(actorOf(request), request.query, await readUploadedFile(request)),
  });
  r.get('/api/identifiers/batches/template', {
    schema: { tags, querystring: HandleUploadQuerySchema },
    handler: async (request, reply) => {
      const file = await deps.upload.template(actorOf(request), request.query);
      return sendWorkbook(reply, file.name, file.content);
    },
  });

  r.get('/api/identifiers/reverse', {
    schema: { tags, querystring: ReverseLookupQuerySchema, response: { 200: ReverseLookupResultSchema } },
    handler: async (request) => deps.lookup.reverse(actorOf(request), request.query),
  });
  r.get('/api/identifiers/stats', {
    schema: { tags, querystring: HandleStatsQuerySchema, response: { 200: HandleStatsSchema } },
    handler: async (request) => deps.lookup.stats(actorOf(request), request.query),
  });

  // Public: the resolve page and anonymous reverse lookup (public-read values only).
  r.get('/api/identifiers/public/reverse', {
    config: { auth: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: { tags, querystring: ReverseLookupQuerySchema, response: { 200: ReverseLookupResultSchema } },
    handler: async (request) => deps.lookup.reverse(null, request.query),
  });
  const publicBase = '/api/identifiers/public/records/';
  r.get(`${publicBase}*`, {
    config: { auth: 'public', rateLimit: { max: 600, timeWindow: '1 minute' } },
    schema: { tags, response: { 200: PublicHandleViewSchema } },
    handler: async (request) => deps.lookup.publicView(handleParam(request.url, publicBase)),
  });
}
