import { API, REGISTRY_API, REGISTRY_KEYS } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import type { RegistryConfirmation } from './registry.confirm.js';
import type { RegistryService } from './registry.service.js';

/** One set of routes per registry, /api/<key>, each with that registry's own body schema. */
export function registerRegistryRoutes(app: FastifyInstance, registries: RegistryService, confirmation: RegistryConfirmation) {
  serveEndpoint(app, API.confirmRegistryRecord, async (request) => confirmation.confirm(actorOf(request), request.params.id, request.body));
  serveEndpoint(app, API.returnRegistryRecord, async (request) => confirmation.return(actorOf(request), request.params.id, request.body));
  serveEndpoint(app, API.listPendingConfirmations, async (request) => confirmation.pending(actorOf(request)));
  for (const key of REGISTRY_KEYS) {
    const api = REGISTRY_API[key];
    serveEndpoint(app, api.listRecords, async (request) => registries.list(actorOf(request), key, request.query));
    serveEndpoint(app, api.createRecord, async (request) => registries.create(actorOf(request), key, request.body));
    serveEndpoint(app, api.getRecord, async (request) => registries.get(actorOf(request), key, request.params.id));
    serveEndpoint(app, api.updateRecord, async (request) => registries.update(actorOf(request), key, request.params.id, request.body));
    serveEndpoint(app, api.deleteRecord, async (request) => {
      await registries.remove(actorOf(request), key, request.params.id);
      return { ok: true as const };
    });
  }
}
