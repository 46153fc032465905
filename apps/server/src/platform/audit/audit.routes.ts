import { API } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../http/auth-hook.js';
import { serveEndpoint } from '../http/endpoint-route.js';
import type { AuditService } from './audit.service.js';

/** The audit log: paged entries and the chain check. */
export function registerAuditRoutes(app: FastifyInstance, audit: AuditService) {
  serveEndpoint(app, API.listAuditEntries, async (request) => audit.list(actorOf(request), request.query));
  serveEndpoint(app, API.verifyAuditChain, async (request) => audit.verify(actorOf(request)));
}
