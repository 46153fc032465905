import { IndicatorCodeParamsSchema, IndicatorQuerySchema, IndicatorSchema, IndicatorSeriesSchema } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/auth-hook.js';
import type { IndicatorService } from './indicator.service.js';

export function registerIndicatorRoutes(app: FastifyInstance, indicators: IndicatorService) {
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
}
