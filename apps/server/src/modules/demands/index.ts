import type { FastifyInstance } from 'fastify';
import type { SolutionService } from '../solutions/index.js';
import { registerDemandRoutes } from './demand.routes.js';
import { createDemandService, type DemandServiceDeps } from './demand.service.js';
import { createLeadService, type LeadServiceDeps } from './lead.service.js';
import { createMatchingService } from './matching.service.js';

export { loadDemandDemo } from './demand.demo.js';
export type { DemandService } from './demand.service.js';

/** Enterprises' demands, matching to published solutions, and leads (供需对接, issue #15 item 3). */
export function createDemandsModule(
  deps: DemandServiceDeps &
    Omit<LeadServiceDeps, 'solutions' | 'matching'> & { solutions: Pick<SolutionService, 'published' | 'codeNames' | 'readableRow'> },
) {
  const service = createDemandService(deps);
  const matching = createMatchingService({ db: deps.db, demands: service, solutions: deps.solutions });
  const leads = createLeadService({ ...deps, matching });
  return {
    service,
    matching,
    leads,
    registerRoutes: (app: FastifyInstance) => registerDemandRoutes(app, service, matching, leads),
  };
}
