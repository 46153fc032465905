import type { FastifyInstance } from 'fastify';
import type { FundServiceDeps } from './fund.deps.js';
import { registerFundRoutes } from './fund.routes.js';
import { createFundApplicationService } from './fund-application.service.js';
import { createFundProgrammeService } from './fund-programme.service.js';
import { createFundWorkflowService } from './fund-workflow.service.js';

export { hasSealedBankAccounts } from './fund.repo.js';
export { fundTodos } from './workbench.js';

/**
 * Special funds (专项资金 / 奖补, issue #16 item 1): programmes with eligibility and award rules as
 * data; applications through district review, city review, 公示, award decisions and tranches.
 */
export function createFundsModule(deps: FundServiceDeps) {
  const programmes = createFundProgrammeService(deps);
  const applications = createFundApplicationService(deps);
  const workflow = createFundWorkflowService(deps);
  return {
    programmes,
    applications,
    workflow,
    registerRoutes: (app: FastifyInstance) => registerFundRoutes(app, { programmes, applications, workflow }),
  };
}
