import type { FastifyInstance } from 'fastify';
import { createProjectImporter, type ProjectImportDeps } from './project.import.js';
import { registerProjectImportRoutes } from './project.import.routes.js';
import { registerProjectRoutes } from './project.routes.js';
import { createProjectService, type ProjectServiceDeps } from './project.service.js';

export { projectMeasures } from './project.measures.js';
export type { ProjectService } from './project.service.js';
export { projectTodos } from './workbench.js';

/** "5G+工业互联网" projects: declaration, review lifecycle, timeline. */
export function createProjectsModule(deps: ProjectServiceDeps & Omit<ProjectImportDeps, 'projects'>) {
  const service = createProjectService(deps);
  const importer = createProjectImporter({ ...deps, projects: service });
  return {
    service,
    registerRoutes: (app: FastifyInstance) => {
      registerProjectRoutes(app, service);
      registerProjectImportRoutes(app, importer);
    },
  };
}
