import {
  FormulaCheckResultSchema,
  FormulaCheckSchema,
  IndicatorCodeParamsSchema,
  IndicatorCreateSchema,
  IndicatorDefinitionQuerySchema,
  IndicatorDefinitionSchema,
  IndicatorQuerySchema,
  IndicatorRecordsQuerySchema,
  IndicatorRecordsSchema,
  IndicatorRestoreSchema,
  IndicatorRetireSchema,
  IndicatorSchema,
  IndicatorSeriesSchema,
  IndicatorSourcesSchema,
  IndicatorUpdateSchema,
} from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/auth-hook.js';
import type { IndicatorService } from './indicator.service.js';
import type { IndicatorAdminService } from './indicator-admin.service.js';

export function registerIndicatorRoutes(app: FastifyInstance, indicators: IndicatorService, admin: IndicatorAdminService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['indicators'];
  r.get('/api/indicators', {
    schema: { tags, querystring: IndicatorQuerySchema, response: { 200: z.array(IndicatorSchema) } },
    handler: async (q) => indicators.list(actorOf(q), q.query),
  });
  r.get('/api/indicators/:code', {
    schema: { tags, params: IndicatorCodeParamsSchema, querystring: IndicatorQuerySchema, response: { 200: IndicatorSchema } },
    handler: async (q) => indicators.get(actorOf(q), q.params.code, q.query),
  });
  r.get('/api/indicators/:code/series', {
    schema: { tags, params: IndicatorCodeParamsSchema, querystring: IndicatorQuerySchema, response: { 200: IndicatorSeriesSchema } },
    handler: async (q) => indicators.series(actorOf(q), q.params.code, q.query),
  });
  r.get('/api/indicators/:code/records', {
    schema: {
      tags,
      params: IndicatorCodeParamsSchema,
      querystring: IndicatorRecordsQuerySchema,
      response: { 200: IndicatorRecordsSchema },
    },
    handler: async (q) => indicators.records(actorOf(q), q.params.code, q.query),
  });

  // Administration (指标管理).
  r.get('/api/indicators/definitions', {
    schema: { tags, querystring: IndicatorDefinitionQuerySchema, response: { 200: z.array(IndicatorDefinitionSchema) } },
    handler: async (q) => admin.definitions(actorOf(q), q.query),
  });
  r.get('/api/indicators/sources', {
    schema: { tags, response: { 200: IndicatorSourcesSchema } },
    handler: async (q) => admin.sources(actorOf(q)),
  });
  r.post('/api/indicators/formula-check', {
    schema: { tags, body: FormulaCheckSchema, response: { 200: FormulaCheckResultSchema } },
    handler: async (q) => admin.checkFormula(actorOf(q), q.body),
  });
  r.post('/api/indicators', {
    schema: { tags, body: IndicatorCreateSchema, response: { 201: IndicatorDefinitionSchema } },
    handler: async (q, reply) => reply.code(201).send(await admin.create(actorOf(q), q.body)),
  });
  r.patch('/api/indicators/:code', {
    schema: { tags, params: IndicatorCodeParamsSchema, body: IndicatorUpdateSchema, response: { 200: IndicatorDefinitionSchema } },
    handler: async (q) => admin.update(actorOf(q), q.params.code, q.body),
  });
  r.post('/api/indicators/:code/retire', {
    schema: { tags, params: IndicatorCodeParamsSchema, body: IndicatorRetireSchema, response: { 200: IndicatorDefinitionSchema } },
    handler: async (q) => admin.retire(actorOf(q), q.params.code, q.body),
  });
  r.post('/api/indicators/:code/restore', {
    schema: { tags, params: IndicatorCodeParamsSchema, body: IndicatorRestoreSchema, response: { 200: IndicatorDefinitionSchema } },
    handler: async (q) => admin.restore(actorOf(q), q.params.code, q.body),
  });
}
