import { API } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import type { AllocationService } from './allocation.service.js';
import type { IndicatorService } from './indicator.service.js';
import type { IndicatorAdminService } from './indicator-admin.service.js';

export function registerIndicatorRoutes(
  app: FastifyInstance,
  indicators: IndicatorService,
  admin: IndicatorAdminService,
  allocations: AllocationService,
) {
  serveEndpoint(app, API.listIndicators, async (q) => indicators.list(actorOf(q), q.query));
  serveEndpoint(app, API.getIndicator, async (q) => indicators.get(actorOf(q), q.params.code, q.query));
  serveEndpoint(app, API.getIndicatorSeries, async (q) => indicators.series(actorOf(q), q.params.code, q.query));
  serveEndpoint(app, API.listIndicatorRecords, async (q) => indicators.records(actorOf(q), q.params.code, q.query));

  // Administration (指标管理).
  serveEndpoint(app, API.listIndicatorDefinitions, async (q) => admin.definitions(actorOf(q), q.query));
  serveEndpoint(app, API.getIndicatorSources, async (q) => admin.sources(actorOf(q)));
  serveEndpoint(app, API.checkIndicatorFormula, async (q) => admin.checkFormula(actorOf(q), q.body));
  serveEndpoint(app, API.createIndicator, async (q) => admin.create(actorOf(q), q.body));
  serveEndpoint(app, API.updateIndicator, async (q) => admin.update(actorOf(q), q.params.code, q.body));
  serveEndpoint(app, API.retireIndicator, async (q) => admin.retire(actorOf(q), q.params.code, q.body));
  serveEndpoint(app, API.restoreIndicator, async (q) => admin.restore(actorOf(q), q.params.code, q.body));

  // 目标分解: each target allocated to the districts.
  serveEndpoint(app, API.getIndicatorAllocations, async (q) => allocations.get(actorOf(q), q.params.code));
  serveEndpoint(app, API.setIndicatorAllocations, async (q) => allocations.set(actorOf(q), q.params.code, q.body));
}
