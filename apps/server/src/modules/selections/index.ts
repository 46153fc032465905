import type { FastifyInstance } from 'fastify';
import { type ApplicationServiceDeps, createApplicationService } from './application.service.js';
import { type CaseServiceDeps, createCaseService } from './case.service.js';
import { createRoundService } from './round.service.js';
import { registerSelectionRoutes } from './selection.routes.js';

export type { RoundService } from './round.service.js';

type Deps = Omit<ApplicationServiceDeps, 'rounds'> & Omit<CaseServiceDeps, 'rounds' | 'applications'>;

/** Selections (遴选): rounds, applications, district recommendation, expert scoring, publicity, case pages. */
export function createSelectionsModule(deps: Deps) {
  const rounds = createRoundService(deps);
  const applications = createApplicationService({ ...deps, rounds });
  const cases = createCaseService({ ...deps, rounds, applications });
  return {
    rounds,
    applications,
    cases,
    registerRoutes: (app: FastifyInstance) => registerSelectionRoutes(app, { rounds, applications, cases }),
  };
}
