import { AuditEntrySchema, AuditListQuerySchema, AuditVerificationSchema, pageOf } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../http/auth-hook.js';
import type { AuditService } from './audit.service.js';

export function registerAuditRoutes(app: FastifyInstance, audit: AuditService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];
  r.get('/api/audit', {
    schema: { tags, querystring: AuditListQuerySchema, response: { 200: pageOf(AuditEntrySchema) } },
    handler: async (request) => audit.list(actorOf(request), request.query),
  });
  r.get('/api/audit/verify', {
    schema: { tags, response: { 200: AuditVerificationSchema } },
    handler: async (request) => audit.verify(actorOf(request)),
  });
}
