import type { FastifyInstance } from 'fastify';
import type { NotificationService } from '../notifications/index.js';
import { type ApplicationServiceDeps, createApplicationService } from './application.service.js';
import { type CaseServiceDeps, createCaseService } from './case.service.js';
import { createConflictDeclarationService } from './conflict-declaration.service.js';
import { createObjectionService } from './objection.service.js';
import { createReviewService } from './review.service.js';
import { createRoundService } from './round.service.js';
import { createScoreService } from './score.service.js';
import { registerSelectionRoutes } from './selection.routes.js';

export type { RoundService } from './round.service.js';
export { selectionMeasures } from './selection.measures.js';
export { selectionTodos } from './workbench.js';

type Deps = Omit<ApplicationServiceDeps, 'rounds'> &
  Omit<CaseServiceDeps, 'rounds' | 'applications'> & { notifications: Pick<NotificationService, 'notify'> };

/** Selections (遴选): rounds, applications, district recommendation, expert review, objections, case pages. */
export function createSelectionsModule(deps: Deps) {
  const rounds = createRoundService(deps);
  const applications = createApplicationService({ ...deps, rounds });
  const reviews = createReviewService({ ...deps, rounds, applications });
  const objections = createObjectionService({ ...deps, rounds, applications });
  const cases = createCaseService({ ...deps, rounds, applications });
  const scores = createScoreService({ ...deps, rounds, applications });
  const declarations = createConflictDeclarationService({ ...deps, rounds, applications });
  const services = { rounds, applications, reviews, objections, cases, scores, declarations };
  return { ...services, registerRoutes: (app: FastifyInstance) => registerSelectionRoutes(app, services) };
}
