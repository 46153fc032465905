import type { FastifyInstance } from 'fastify';
import { registerSearchRoutes } from './search.routes.js';
import { createSearchService, type SearchServiceDeps } from './search.service.js';

export type { SearchService, SearchSource } from './search.service.js';
export { type SearchableLists, searchSources } from './sources.js';

/**
 * The header's global search (#12 item 7). The sources are the modules' own scoped list methods,
 * wired in app.ts, so this module imports no other module and widens no scope.
 */
export function createSearchModule(deps: SearchServiceDeps) {
  const service = createSearchService(deps);
  return { service, registerRoutes: (app: FastifyInstance) => registerSearchRoutes(app, service) };
}
