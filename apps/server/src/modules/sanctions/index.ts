import type { FastifyInstance } from 'fastify';
import { registerSanctionRoutes } from './sanction.routes.js';
import { createSanctionService, type SanctionServiceDeps } from './sanction.service.js';

export { hasPersonDigests } from './sanction.repo.js';
export type { SanctionService, SanctionSubject } from './sanction.service.js';

/** The sanction register (取消资格): kept by city administrators, enforced by every module that takes applications. */
export function createSanctionsModule(deps: SanctionServiceDeps) {
  const service = createSanctionService(deps);
  return { service, registerRoutes: (app: FastifyInstance) => registerSanctionRoutes(app, service) };
}
