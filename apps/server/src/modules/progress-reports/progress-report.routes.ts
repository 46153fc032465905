import {
  GenerateProgressReportSchema,
  IdParamsSchema,
  ProgressReportAcceptedSchema,
  ProgressReportDetailSchema,
  ProgressReportListQuerySchema,
  ProgressReportSchema,
  pageOf,
} from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http/auth-hook.js';
import type { ProgressReportService } from './progress-report.service.js';

export function registerProgressReportRoutes(app: FastifyInstance, service: ProgressReportService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['progress-reports'];
  r.post('/api/progress-reports', {
    schema: { tags, body: GenerateProgressReportSchema, response: { 202: ProgressReportAcceptedSchema } },
    handler: async (q, reply) => reply.status(202).send(await service.generate(actorOf(q), q.body)),
  });
  r.get('/api/progress-reports', {
    schema: { tags, querystring: ProgressReportListQuerySchema, response: { 200: pageOf(ProgressReportSchema) } },
    handler: async (q) => service.list(actorOf(q), q.query),
  });
  r.get('/api/progress-reports/:id', {
    schema: { tags, params: IdParamsSchema, response: { 200: ProgressReportDetailSchema } },
    handler: async (q) => service.get(actorOf(q), q.params.id),
  });
  // The kept HTML snapshot: printable (print CSS), shown in the console's preview frame.
  r.get('/api/progress-reports/:id/html', {
    schema: { tags, params: IdParamsSchema },
    handler: async (q, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .send(await service.html(actorOf(q), q.params.id)),
  });
  r.get('/api/progress-reports/:id/pdf', {
    schema: { tags, params: IdParamsSchema },
    handler: async (q, reply) => {
      const { pdf, filename } = await service.pdf(actorOf(q), q.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  });
}
