import { API } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import { sendWorkbook } from '../../platform/tabular/http.js';
import { applicationsWorkbook } from './fund.export.js';
import type { FundApplicationService } from './fund-application.service.js';
import type { FundProgrammeService } from './fund-programme.service.js';
import type { FundWorkflowService } from './fund-workflow.service.js';

/** Special funds' endpoints: thin, the rules are in the services. */
export function registerFundRoutes(
  app: FastifyInstance,
  s: { programmes: FundProgrammeService; applications: FundApplicationService; workflow: FundWorkflowService },
) {
  serveEndpoint(app, API.listFundProgrammes, async (q) => s.programmes.list(actorOf(q), q.query));
  serveEndpoint(app, API.getFundProgramme, async (q) => s.programmes.get(actorOf(q), q.params.id));
  serveEndpoint(app, API.createFundProgramme, async (q) => s.programmes.create(actorOf(q), q.body));
  serveEndpoint(app, API.updateFundProgramme, async (q) => s.programmes.update(actorOf(q), q.params.id, q.body));
  serveEndpoint(app, API.listFundApplications, async (q) => s.applications.list(actorOf(q), q.query));
  serveEndpoint(app, API.exportFundApplications, async (q, reply) => {
    const items = await s.applications.listForExport(actorOf(q), q.query);
    return sendWorkbook(reply, '专项资金申请.xlsx', await applicationsWorkbook(items));
  });
  serveEndpoint(app, API.getFundApplication, async (q) => s.applications.get(actorOf(q), q.params.id));
  serveEndpoint(app, API.createFundApplication, async (q) => s.applications.create(actorOf(q), q.body));
  serveEndpoint(app, API.updateFundApplication, async (q) => s.applications.update(actorOf(q), q.params.id, q.body));
  serveEndpoint(app, API.transitionFundApplication, async (q) => s.workflow.transition(actorOf(q), q.params.id, q.body));
  serveEndpoint(app, API.recordFundObjection, async (q) => s.workflow.recordObjection(actorOf(q), q.params.id, q.body));
  serveEndpoint(app, API.resolveFundObjection, async (q) =>
    s.workflow.resolveObjection(actorOf(q), q.params.id, q.params.objectionId, q.body),
  );
  serveEndpoint(app, API.decideFundAward, async (q) => s.workflow.decide(actorOf(q), q.params.id, q.body));
  serveEndpoint(app, API.recordFundTranche, async (q) => s.workflow.recordTranche(actorOf(q), q.params.id, q.body));
}
