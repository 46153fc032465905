import { API } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import type { FinancingAnswerService } from './financing-answer.service.js';
import type { FinancingRequestService } from './financing-request.service.js';

/** Financing's endpoints: thin, the rules are in the services. */
export function registerFinancingRoutes(app: FastifyInstance, s: { requests: FinancingRequestService; answers: FinancingAnswerService }) {
  serveEndpoint(app, API.listFinancingBanks, async (q) => s.requests.banks(actorOf(q), q.query));
  serveEndpoint(app, API.listFinancingRequests, async (q) => s.requests.list(actorOf(q), q.query));
  serveEndpoint(app, API.getFinancingRequest, async (q) => s.requests.get(actorOf(q), q.params.id));
  serveEndpoint(app, API.createFinancingRequest, async (q) => s.requests.create(actorOf(q), q.body));
  serveEndpoint(app, API.updateFinancingRequest, async (q) => s.requests.update(actorOf(q), q.params.id, q.body));
  serveEndpoint(app, API.transitionFinancingRequest, async (q) => s.requests.transition(actorOf(q), q.params.id, q.body));
  serveEndpoint(app, API.offerFinancing, async (q) => s.answers.offer(actorOf(q), q.params.id, q.body));
  serveEndpoint(app, API.declineFinancingRequest, async (q) => s.answers.decline(actorOf(q), q.params.id, q.body));
  serveEndpoint(app, API.acceptFinancingOffer, async (q) => s.answers.accept(actorOf(q), q.params.id, q.params.offerId, q.body));
  serveEndpoint(app, API.getFinancingStatistics, async (q) => s.requests.statistics(actorOf(q)));
}
