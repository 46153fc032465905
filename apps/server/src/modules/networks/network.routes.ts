import { API } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import { sendWorkbook } from '../../platform/tabular/http.js';
import { serveListExport } from '../../platform/tabular/list-export.js';
import { edgeNodeExport } from './edge-node.export.js';
import type { NetworkConfirmation } from './network.confirm.js';
import type { NetworkExport } from './network.export.js';
import type { NetworkService } from './network.service.js';

export function registerNetworkRoutes(
  app: FastifyInstance,
  networks: NetworkService,
  confirmation: NetworkConfirmation,
  exporter: NetworkExport,
) {
  serveEndpoint(app, API.listNetworks, async (request) => networks.list(actorOf(request), request.query));
  serveEndpoint(app, API.exportNetworks, async (request, reply) =>
    sendWorkbook(reply, '5G专网清单.xlsx', await exporter.export(actorOf(request), request.query)),
  );
  serveEndpoint(app, API.createNetwork, async (request) => networks.create(actorOf(request), request.body));
  serveEndpoint(app, API.getNetwork, async (request) => networks.get(actorOf(request), request.params.id));
  serveEndpoint(app, API.updateNetwork, async (request) => networks.update(actorOf(request), request.params.id, request.body));
  serveEndpoint(app, API.transitionNetwork, async (request) => networks.transition(actorOf(request), request.params.id, request.body));
  serveEndpoint(app, API.confirmNetwork, async (request) => confirmation.confirm(actorOf(request), request.params.id, request.body));
  serveEndpoint(app, API.returnNetwork, async (request) => confirmation.return(actorOf(request), request.params.id, request.body));
  serveEndpoint(app, API.listEdgeNodes, async (request) => networks.edgeNodes(actorOf(request), request.query));
  serveListExport(app, API.exportEdgeNodes, edgeNodeExport(networks));
}
