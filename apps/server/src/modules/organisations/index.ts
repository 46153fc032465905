import type { FastifyInstance } from 'fastify';
import { registerOrganisationRoutes } from './organisation.routes.js';
import { createOrganisationService, type OrganisationServiceDeps } from './organisation.service.js';

export { createOrganisationLookup, type OrganisationLookup, type OrgRef } from './organisation.lookup.js';
export { createOrganisationRepo } from './organisation.repo.js';
export type { OrganisationService } from './organisation.service.js';

/** The organisations module: the service other modules use, and its routes. */
export function createOrganisationsModule(deps: OrganisationServiceDeps) {
  const service = createOrganisationService(deps);
  return { service, registerRoutes: (app: FastifyInstance) => registerOrganisationRoutes(app, service) };
}
