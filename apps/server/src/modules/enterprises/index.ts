import type { FastifyInstance } from 'fastify';
import { createHonourConfirmation, type HonourConfirmationDeps } from './enterprise.honour-confirm.js';
import { createEnterpriseImporter, type EnterpriseImportDeps } from './enterprise.import.js';
import { registerEnterpriseImportRoutes } from './enterprise.import.routes.js';
import { registerEnterpriseRoutes } from './enterprise.routes.js';
import { createEnterpriseService, type EnterpriseServiceDeps } from './enterprise.service.js';

export { enterpriseMeasures, enterprisePendingMeasures } from './enterprise.measures.js';
export type { EnterpriseService } from './enterprise.service.js';

/** Enterprises: profile, industry and cluster, honours timeline. */
export function createEnterprisesModule(deps: EnterpriseServiceDeps & HonourConfirmationDeps & Omit<EnterpriseImportDeps, 'enterprises'>) {
  const service = createEnterpriseService(deps);
  const honours = createHonourConfirmation(deps);
  const importer = createEnterpriseImporter({ ...deps, enterprises: service });
  return {
    service,
    registerRoutes: (app: FastifyInstance) => {
      registerEnterpriseRoutes(app, service, honours);
      registerEnterpriseImportRoutes(app, importer);
    },
  };
}
