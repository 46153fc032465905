import type { FastifyInstance } from 'fastify';
import { createRegistryConfirmation, type RegistryConfirmationDeps } from './registry.confirm.js';
import { createRegistryImporter, type RegistryImportDeps } from './registry.import.js';
import { registerRegistryImportRoutes } from './registry.import.routes.js';
import { registerRegistryRoutes } from './registry.routes.js';
import { createRegistryService, type RegistryServiceDeps } from './registry.service.js';

export { pendingConfirmations } from './confirmation.repo.js';
export { registryMeasures, registryPendingMeasures } from './registry.measures.js';
export type { RegistryService } from './registry.service.js';
export { confirmationTodos } from './workbench.js';

/** Ecosystem registries (standards, patents, pilot projects, carriers, platforms, events, trainings, …); Excel import/export. */
export function createRegistriesModule(deps: RegistryServiceDeps & RegistryConfirmationDeps & Omit<RegistryImportDeps, 'registries'>) {
  const service = createRegistryService(deps);
  const confirmation = createRegistryConfirmation(deps);
  const importer = createRegistryImporter({ ...deps, registries: service });
  return {
    service,
    registerRoutes: (app: FastifyInstance) => {
      registerRegistryRoutes(app, service, confirmation);
      registerRegistryImportRoutes(app, importer);
    },
  };
}
