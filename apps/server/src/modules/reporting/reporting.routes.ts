import { API } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import type { CompletenessService } from './completeness.js';
import type { FormService } from './form.service.js';
import type { FormQueue } from './form-queue.js';

export function registerReportingRoutes(app: FastifyInstance, forms: FormService, completeness: CompletenessService, queue: FormQueue) {
  serveEndpoint(app, API.listReportForms, async (q) => queue.list(actorOf(q), q.query));
  serveEndpoint(app, API.transitionReportForms, async (q) => queue.actMany(actorOf(q), q.body));
  serveEndpoint(app, API.listReportingDataSets, async () => forms.dataSets());
  serveEndpoint(app, API.getReportForm, async (q) => forms.get(actorOf(q), q.params.dataSet, q.params.period, q.query.orgUnit));
  serveEndpoint(app, API.saveReportValues, async (q) => forms.save(actorOf(q), q.params.dataSet, q.params.period, q.body));
  serveEndpoint(app, API.transitionReportForm, async (q) => forms.act(actorOf(q), q.params.dataSet, q.params.period, q.body));
  serveEndpoint(app, API.getReportingCompleteness, async (q) => completeness.rates(actorOf(q), q.query));
  serveEndpoint(app, API.grantLockException, async (q) => forms.grantException(actorOf(q), q.body));
}
