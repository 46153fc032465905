import type { FastifyInstance } from 'fastify';
import type { FinancingDeps } from './financing.deps.js';
import { registerFinancingRoutes } from './financing.routes.js';
import { createFinancingAnswerService } from './financing-answer.service.js';
import { createFinancingRequestService } from './financing-request.service.js';

export { financingTodos } from './workbench.js';

/**
 * 产融合作 (issue #15 item 5): enterprises' financing requests for their projects, routed to the
 * banks they choose; banks' offers and declines; the enterprise's choice; volumes by district and bank.
 */
export function createFinancingModule(deps: FinancingDeps) {
  const requests = createFinancingRequestService(deps);
  const answers = createFinancingAnswerService(deps);
  return { requests, answers, registerRoutes: (app: FastifyInstance) => registerFinancingRoutes(app, { requests, answers }) };
}
