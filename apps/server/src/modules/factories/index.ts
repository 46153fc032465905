import type { FastifyInstance } from 'fastify';
import { createFactoryImporter, type FactoryImportDeps } from './factory.import.js';
import { registerFactoryImportRoutes } from './factory.import.routes.js';
import { registerFactoryRoutes } from './factory.routes.js';
import { createFactoryService, type FactoryServiceDeps } from './factory.service.js';

export { factoryMeasures } from './factory.measures.js';
export type { FactoryService } from './factory.service.js';

/** 5G factories: levels, scenarios with go-live dates, linked projects; Excel import/export. */
export function createFactoriesModule(deps: FactoryServiceDeps & Omit<FactoryImportDeps, 'factories'>) {
  const service = createFactoryService(deps);
  const importer = createFactoryImporter({ ...deps, factories: service });
  return {
    service,
    registerRoutes: (app: FastifyInstance) => {
      registerFactoryRoutes(app, service);
      registerFactoryImportRoutes(app, importer);
    },
  };
}
