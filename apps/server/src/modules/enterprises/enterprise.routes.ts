import { API } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import type { HonourConfirmation } from './enterprise.honour-confirm.js';
import type { EnterpriseService } from './enterprise.service.js';

export function registerEnterpriseRoutes(app: FastifyInstance, enterprises: EnterpriseService, honours: HonourConfirmation) {
  serveEndpoint(app, API.listEnterprises, async (request) => enterprises.list(actorOf(request), request.query));
  serveEndpoint(app, API.createEnterprise, async (request) => enterprises.create(actorOf(request), request.body));
  serveEndpoint(app, API.getEnterprise, async (request) => enterprises.get(actorOf(request), request.params.id));
  serveEndpoint(app, API.updateEnterprise, async (request) => enterprises.update(actorOf(request), request.params.id, request.body));
  serveEndpoint(app, API.addEnterpriseHonour, async (request) => enterprises.addHonour(actorOf(request), request.params.id, request.body));
  serveEndpoint(app, API.updateEnterpriseHonour, async (request) =>
    enterprises.updateHonour(actorOf(request), request.params.id, request.params.honourId, request.body),
  );
  serveEndpoint(app, API.removeEnterpriseHonour, async (request) => {
    await enterprises.removeHonour(actorOf(request), request.params.id, request.params.honourId);
    return { ok: true as const };
  });
  serveEndpoint(app, API.confirmEnterpriseHonour, async (request) => honours.confirm(actorOf(request), request.params, request.body));
  serveEndpoint(app, API.returnEnterpriseHonour, async (request) => honours.return(actorOf(request), request.params, request.body));
}
