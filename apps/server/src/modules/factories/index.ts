import type { FastifyInstance } from 'fastify';
import { registerFactoryRoutes } from './factory.routes.js';
import { createFactoryService, type FactoryServiceDeps } from './factory.service.js';

export type { FactoryService } from './factory.service.js';

/** 5G factories: levels, scenarios with go-live dates, linked projects. */
export function createFactoriesModule(deps: FactoryServiceDeps) {
  const service = createFactoryService(deps);
  return { service, registerRoutes: (app: FastifyInstance) => registerFactoryRoutes(app, service) };
}
