import { API } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import type { WorkbenchService } from './workbench.service.js';

export function registerWorkbenchRoutes(app: FastifyInstance, workbench: WorkbenchService) {
  serveEndpoint(app, API.getWorkbench, async (q) => workbench.workbench(actorOf(q)));
}
