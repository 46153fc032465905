import type { FastifyInstance } from 'fastify';
import { registerRegistryRoutes } from './registry.routes.js';
import { createRegistryService, type RegistryServiceDeps } from './registry.service.js';

export type { RegistryService } from './registry.service.js';

/** Ecosystem registries (standards, patents, pilot projects, carriers, platforms, events, trainings, …). */
export function createRegistriesModule(deps: RegistryServiceDeps) {
  const service = createRegistryService(deps);
  return { service, registerRoutes: (app: FastifyInstance) => registerRegistryRoutes(app, service) };
}
