import { API } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import { serveListExport } from '../../platform/tabular/list-export.js';
import { sanctionExport } from './sanction.export.js';
import type { SanctionService } from './sanction.service.js';

/** The sanction register's endpoints: thin, the rules are in the service. */
export function registerSanctionRoutes(app: FastifyInstance, sanctions: SanctionService) {
  serveEndpoint(app, API.listSanctions, async (request) => sanctions.list(actorOf(request), request.query));
  serveListExport(app, API.exportSanctions, sanctionExport(sanctions));
  serveEndpoint(app, API.lookupSanctions, async (request) => sanctions.lookup(actorOf(request), request.body));
  serveEndpoint(app, API.getSanction, async (request) => sanctions.get(actorOf(request), request.params.id));
  serveEndpoint(app, API.createSanction, async (request) => sanctions.create(actorOf(request), request.body));
  serveEndpoint(app, API.liftSanction, async (request) => sanctions.lift(actorOf(request), request.params.id, request.body));
}
