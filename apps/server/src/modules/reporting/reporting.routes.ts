import {
  CompletenessQuerySchema,
  CompletenessRowSchema,
  CreateLockExceptionSchema,
  DataSetSchema,
  FormActionResultSchema,
  FormActionSchema,
  FormParamsSchema,
  FormQuerySchema,
  FormSchema,
  SaveValuesSchema,
} from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/auth-hook.js';
import type { CompletenessService } from './completeness.js';
import type { FormService } from './form.service.js';

export function registerReportingRoutes(app: FastifyInstance, forms: FormService, completeness: CompletenessService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reporting'];
  r.get('/api/reporting/data-sets', {
    schema: { tags, response: { 200: z.array(DataSetSchema) } },
    handler: async (q) => {
      actorOf(q);
      return forms.dataSets();
    },
  });
  r.get('/api/reporting/forms/:dataSet/:period', {
    schema: { tags, params: FormParamsSchema, querystring: FormQuerySchema, response: { 200: FormSchema } },
    handler: async (q) => forms.get(actorOf(q), q.params.dataSet, q.params.period, q.query.orgUnit),
  });
  r.put('/api/reporting/forms/:dataSet/:period/values', {
    schema: { tags, params: FormParamsSchema, body: SaveValuesSchema, response: { 200: FormSchema } },
    handler: async (q) => forms.save(actorOf(q), q.params.dataSet, q.params.period, q.body),
  });
  r.post('/api/reporting/forms/:dataSet/:period/actions', {
    schema: { tags, params: FormParamsSchema, body: FormActionSchema, response: { 200: FormActionResultSchema } },
    handler: async (q) => forms.act(actorOf(q), q.params.dataSet, q.params.period, q.body),
  });
  r.get('/api/reporting/completeness', {
    schema: { tags, querystring: CompletenessQuerySchema, response: { 200: z.array(CompletenessRowSchema) } },
    handler: async (q) => completeness.rates(actorOf(q), q.query),
  });
  r.post('/api/reporting/lock-exceptions', {
    schema: { tags, body: CreateLockExceptionSchema },
    handler: async (q, reply) => reply.status(201).send(await forms.grantException(actorOf(q), q.body)),
  });
}
