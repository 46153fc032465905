import { API } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import { serveListExport } from '../../platform/tabular/list-export.js';
import { organisationExport } from './organisation.export.js';
import type { OrganisationService } from './organisation.service.js';

/** The organisation tree: lists, the tree itself, the provider directory, create and edit. */
export function registerOrganisationRoutes(app: FastifyInstance, organisations: OrganisationService) {
  serveEndpoint(app, API.listOrganisations, async (request) => organisations.list(actorOf(request), request.query));
  serveListExport(app, API.exportOrganisations, organisationExport(organisations));
  serveEndpoint(app, API.getOrganisationTree, async (request) => organisations.tree(actorOf(request)));
  serveEndpoint(app, API.listProviderDirectory, async (request) => organisations.providers(actorOf(request)));
  serveEndpoint(app, API.getOrganisation, async (request) => organisations.get(actorOf(request), request.params.id));
  serveEndpoint(app, API.createOrganisation, async (request) => organisations.create(actorOf(request), request.body));
  serveEndpoint(app, API.updateOrganisation, async (request) => organisations.update(actorOf(request), request.params.id, request.body));
}
