import type { FastifyInstance } from 'fastify';
import { registerEnterpriseRoutes } from './enterprise.routes.js';
import { createEnterpriseService, type EnterpriseServiceDeps } from './enterprise.service.js';

export type { EnterpriseService } from './enterprise.service.js';

/** Enterprises: profile, industry and cluster, honours timeline. */
export function createEnterprisesModule(deps: EnterpriseServiceDeps) {
  const service = createEnterpriseService(deps);
  return { service, registerRoutes: (app: FastifyInstance) => registerEnterpriseRoutes(app, service) };
}
