import { API } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import { serveListExport } from '../../platform/tabular/list-export.js';
import { solutionExport } from './solution.export.js';
import type { SolutionService } from './solution.service.js';

/** The public catalogue is anonymous: limited per client address like the public dashboard. */
const PUBLIC_RATE = { max: 60, timeWindow: 60_000 };

export function registerSolutionRoutes(app: FastifyInstance, solutions: SolutionService) {
  serveEndpoint(app, API.listSolutions, async (q) => solutions.list(actorOf(q), q.query));
  serveListExport(app, API.exportSolutions, solutionExport(solutions));
  serveEndpoint(app, API.createSolution, async (q) => solutions.create(actorOf(q), q.body));
  serveEndpoint(app, API.getSolution, async (q) => solutions.get(actorOf(q), q.params.id));
  serveEndpoint(app, API.updateSolution, async (q) => solutions.update(actorOf(q), q.params.id, q.body));
  serveEndpoint(app, API.transitionSolution, async (q) => solutions.transition(actorOf(q), q.params.id, q.body));
  serveEndpoint(app, API.listPublicSolutions, async (q) => solutions.listPublic(q.query), { config: { rateLimit: PUBLIC_RATE } });
}
