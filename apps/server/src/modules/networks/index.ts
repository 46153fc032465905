import type { FastifyInstance } from 'fastify';
import { createNetworkConfirmation, type NetworkConfirmationDeps } from './network.confirm.js';
import { createNetworkExport } from './network.export.js';
import { registerNetworkRoutes } from './network.routes.js';
import { createNetworkService, type NetworkServiceDeps } from './network.service.js';

export { loadNetworkDemo } from './network.demo.js';
export { recordedFigures } from './network.figures.js';
export { networkMeasures, networkPendingMeasures } from './network.measures.js';
export type { NetworkService } from './network.service.js';
export { networkTodos } from './workbench.js';

/** The 5G network system's records (issue #14 item 1): private networks, their sites, slices and edge nodes. */
export function createNetworksModule(deps: NetworkServiceDeps & NetworkConfirmationDeps) {
  const service = createNetworkService(deps);
  const confirmation = createNetworkConfirmation(deps);
  const exporter = createNetworkExport({ networks: service });
  return {
    service,
    registerRoutes: (app: FastifyInstance) => registerNetworkRoutes(app, service, confirmation, exporter),
  };
}
