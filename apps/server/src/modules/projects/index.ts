import type { FastifyInstance } from 'fastify';
import { registerProjectRoutes } from './project.routes.js';
import { createProjectService, type ProjectServiceDeps } from './project.service.js';

export type { ProjectService } from './project.service.js';

/** "5G+工业互联网" projects: declaration, review lifecycle, timeline. */
export function createProjectsModule(deps: ProjectServiceDeps) {
  const service = createProjectService(deps);
  return { service, registerRoutes: (app: FastifyInstance) => registerProjectRoutes(app, service) };
}
