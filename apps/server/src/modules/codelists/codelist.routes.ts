import { API } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import type { CodeListService } from './codelist.service.js';

/** Code lists: read by any logged-in account, edited by holders of codelist:write. */
export function registerCodeListRoutes(app: FastifyInstance, codeLists: CodeListService) {
  serveEndpoint(app, API.listCodeLists, async () => codeLists.lists());
  serveEndpoint(app, API.getCodeList, async (request) =>
    codeLists.get(request.params.key, { includeRetired: request.query.includeRetired === 'true' }),
  );
  serveEndpoint(app, API.upsertCodeItem, async (request) =>
    codeLists.upsertItem(actorOf(request), request.params.key, request.params.code, request.body),
  );
  serveEndpoint(app, API.retireCodeItem, async (request) =>
    codeLists.retireItem(actorOf(request), request.params.key, request.params.code),
  );
}
