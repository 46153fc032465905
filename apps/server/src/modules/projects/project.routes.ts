import { API } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import type { ProjectService } from './project.service.js';

export function registerProjectRoutes(app: FastifyInstance, projects: ProjectService) {
  serveEndpoint(app, API.listProjects, async (request) => projects.list(actorOf(request), request.query));
  serveEndpoint(app, API.createProject, async (request) => projects.create(actorOf(request), request.body));
  serveEndpoint(app, API.getProject, async (request) => projects.get(actorOf(request), request.params.id));
  serveEndpoint(app, API.updateProject, async (request) => projects.update(actorOf(request), request.params.id, request.body));
  serveEndpoint(app, API.transitionProject, async (request) => projects.transition(actorOf(request), request.params.id, request.body));
  serveEndpoint(app, API.listProjectEvents, async (request) => projects.events(actorOf(request), request.params.id));
}
