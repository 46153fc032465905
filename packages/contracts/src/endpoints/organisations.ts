import { defineEndpoints } from '../api/endpoint.js';
import { exportQueryOf, listExportSpec } from '../api/list-export.js';
import { IdParamsSchema, pageOf } from '../common.js';
import {
  CreateOrganisationSchema,
  OrganisationListQuerySchema,
  OrganisationNodeSchema,
  OrganisationSchema,
  ProviderEntrySchema,
  UpdateOrganisationSchema,
} from '../organisations.js';

const tags = ['organisations'];

/** The organisation tree: city, districts, enterprises, providers, expert pools. */
export const organisationEndpoints = defineEndpoints({
  listOrganisations: {
    method: 'GET',
    path: '/api/organisations',
    access: 'org:read',
    tags,
    query: OrganisationListQuerySchema,
    success: 200,
    response: pageOf(OrganisationSchema),
  },
  exportOrganisations: listExportSpec({
    path: '/api/organisations/export',
    access: 'org:read',
    tags,
    query: exportQueryOf(OrganisationListQuerySchema),
  }),
  getOrganisationTree: {
    method: 'GET',
    path: '/api/organisations/tree',
    access: 'org:read',
    tags,
    summary: 'The part of the tree the caller sees; an organisation whose parent is out of sight is a root',
    success: 200,
    response: OrganisationNodeSchema.array(),
  },
  listProviderDirectory: {
    method: 'GET',
    path: '/api/organisations/providers',
    access: ['project:read', 'org:write'],
    tags,
    summary: 'Operators and service providers, for whoever declares or reviews projects (they pick an operator)',
    success: 200,
    response: ProviderEntrySchema.array(),
  },
  getOrganisation: {
    method: 'GET',
    path: '/api/organisations/:id',
    access: 'org:read',
    tags,
    params: IdParamsSchema,
    success: 200,
    response: OrganisationSchema,
  },
  createOrganisation: {
    method: 'POST',
    path: '/api/organisations',
    access: 'org:write',
    tags,
    body: CreateOrganisationSchema,
    success: 201,
    response: OrganisationSchema,
  },
  updateOrganisation: {
    method: 'PATCH',
    path: '/api/organisations/:id',
    access: 'org:write',
    tags,
    params: IdParamsSchema,
    body: UpdateOrganisationSchema,
    success: 200,
    response: OrganisationSchema,
  },
});
