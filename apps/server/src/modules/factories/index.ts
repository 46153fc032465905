import type { FastifyInstance } from 'fastify';
import { createFactoryConfirmation, type FactoryConfirmationDeps } from './factory.confirm.js';
import { createFactoryImporter, type FactoryImportDeps } from './factory.import.js';
import { registerFactoryImportRoutes } from './factory.import.routes.js';
import { registerFactoryRoutes } from './factory.routes.js';
import { createFactoryService, type FactoryServiceDeps } from './factory.service.js';

export { factoryMeasures, factoryPendingMeasures } from './factory.measures.js';
export type { FactoryService } from './factory.service.js';

/** 5G factories: levels, scenarios with go-live dates, linked projects; Excel import/export. */
export function createFactoriesModule(deps: FactoryServiceDeps & FactoryConfirmationDeps & Omit<FactoryImportDeps, 'factories'>) {
  const service = createFactoryService(deps);
  const confirmation = createFactoryConfirmation(deps);
  const importer = createFactoryImporter({ ...deps, factories: service });
  return {
    service,
    registerRoutes: (app: FastifyInstance) => {
      registerFactoryRoutes(app, service, confirmation);
      registerFactoryImportRoutes(app, importer);
    },
  };
}
