import { IdParamsSchema, JobListQuerySchema, JobSchema, pageOf } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../http/auth-hook.js';
import type { JobService } from './job.service.js';

export function registerJobRoutes(app: FastifyInstance, jobs: JobService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['jobs'];
  r.get('/api/jobs', {
    schema: { tags, querystring: JobListQuerySchema, response: { 200: pageOf(JobSchema) } },
    handler: async (request) => jobs.list(actorOf(request), request.query),
  });
  r.get('/api/jobs/:id', {
    schema: { tags, params: IdParamsSchema, response: { 200: JobSchema } },
    handler: async (request) => jobs.get(actorOf(request), request.params.id),
  });
}
