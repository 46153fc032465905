import type { FastifyInstance } from 'fastify';
import { registerSolutionRoutes } from './solution.routes.js';
import { createSolutionService, type SolutionServiceDeps } from './solution.service.js';

export { loadSolutionDemo } from './solution.demo.js';
export { PRICE_BAND_NAMES } from './solution.export.js';
export type { SolutionWithProvider } from './solution.repo.js';
export type { SolutionService } from './solution.service.js';
export type { CodeNames } from './solution.view.js';

/** Providers' solutions (issue #15 item 2): records, city review, the public catalogue. */
export function createSolutionsModule(deps: SolutionServiceDeps) {
  const service = createSolutionService(deps);
  return { service, registerRoutes: (app: FastifyInstance) => registerSolutionRoutes(app, service) };
}
