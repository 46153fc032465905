import { API } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import type { FactoryConfirmation } from './factory.confirm.js';
import type { FactoryService } from './factory.service.js';

export function registerFactoryRoutes(app: FastifyInstance, factories: FactoryService, confirmation: FactoryConfirmation) {
  serveEndpoint(app, API.listFactories, async (request) => factories.list(actorOf(request), request.query));
  serveEndpoint(app, API.createFactory, async (request) => factories.create(actorOf(request), request.body));
  serveEndpoint(app, API.getFactory, async (request) => factories.get(actorOf(request), request.params.id));
  serveEndpoint(app, API.updateFactory, async (request) => factories.update(actorOf(request), request.params.id, request.body));
  serveEndpoint(app, API.confirmFactory, async (request) => confirmation.confirm(actorOf(request), request.params.id, request.body));
  serveEndpoint(app, API.returnFactory, async (request) => confirmation.return(actorOf(request), request.params.id, request.body));
}
