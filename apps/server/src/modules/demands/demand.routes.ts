import { API } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import { serveListExport } from '../../platform/tabular/list-export.js';
import { demandExport } from './demand.export.js';
import type { DemandService } from './demand.service.js';
import { leadExport } from './lead.export.js';
import type { LeadService } from './lead.service.js';
import type { MatchingService } from './matching.service.js';

export function registerDemandRoutes(app: FastifyInstance, demands: DemandService, matching: MatchingService, leads: LeadService) {
  serveEndpoint(app, API.listDemands, async (q) => demands.list(actorOf(q), q.query));
  serveListExport(app, API.exportDemands, demandExport(demands));
  serveEndpoint(app, API.createDemand, async (q) => demands.create(actorOf(q), q.body));
  serveEndpoint(app, API.getDemand, async (q) => demands.get(actorOf(q), q.params.id));
  serveEndpoint(app, API.updateDemand, async (q) => demands.update(actorOf(q), q.params.id, q.body));
  serveEndpoint(app, API.listDemandMatches, async (q) => matching.forDemand(actorOf(q), q.params.id, q.query));
  serveEndpoint(app, API.listProviderMatches, async (q) => matching.forProvider(actorOf(q), q.query));
  serveEndpoint(app, API.listLeads, async (q) => leads.list(actorOf(q), q.query));
  serveListExport(app, API.exportLeads, leadExport(leads));
  serveEndpoint(app, API.createLead, async (q) => leads.create(actorOf(q), q.body));
  serveEndpoint(app, API.getLead, async (q) => leads.get(actorOf(q), q.params.id));
  serveEndpoint(app, API.followUpLead, async (q) => leads.followUp(actorOf(q), q.params.id, q.body));
}
