import { defineEndpoints } from '../api/endpoint.js';
import { tabularEndpointSpecs } from '../api/tabular.js';
import { IdParamsSchema, OkSchema, pageOf } from '../common.js';
import {
  CreateEnterpriseSchema,
  EnterpriseListQuerySchema,
  EnterpriseSchema,
  HonourInputSchema,
  HonourParamsSchema,
  HonourSchema,
  UpdateEnterpriseSchema,
} from '../enterprises.js';
import { EnterpriseExportQuerySchema } from '../imports.js';

const tags = ['enterprises'];

/** Enterprises: their records, honours and imports. */
export const enterpriseEndpoints = defineEndpoints({
  listEnterprises: {
    method: 'GET',
    path: '/api/enterprises',
    access: 'enterprise:read',
    tags,
    query: EnterpriseListQuerySchema,
    success: 200,
    response: pageOf(EnterpriseSchema),
  },
  createEnterprise: {
    method: 'POST',
    path: '/api/enterprises',
    access: 'enterprise:write',
    tags,
    body: CreateEnterpriseSchema,
    success: 201,
    response: EnterpriseSchema,
  },
  getEnterprise: {
    method: 'GET',
    path: '/api/enterprises/:id',
    access: 'enterprise:read',
    tags,
    params: IdParamsSchema,
    success: 200,
    response: EnterpriseSchema,
  },
  updateEnterprise: {
    method: 'PATCH',
    path: '/api/enterprises/:id',
    access: 'enterprise:write',
    tags,
    params: IdParamsSchema,
    body: UpdateEnterpriseSchema,
    success: 200,
    response: EnterpriseSchema,
  },
  addEnterpriseHonour: {
    method: 'POST',
    path: '/api/enterprises/:id/honours',
    access: 'enterprise:write',
    tags,
    params: IdParamsSchema,
    body: HonourInputSchema,
    success: 201,
    response: HonourSchema,
  },
  updateEnterpriseHonour: {
    method: 'PUT',
    path: '/api/enterprises/:id/honours/:honourId',
    access: 'enterprise:write',
    tags,
    params: HonourParamsSchema,
    body: HonourInputSchema,
    success: 200,
    response: HonourSchema,
  },
  removeEnterpriseHonour: {
    method: 'DELETE',
    path: '/api/enterprises/:id/honours/:honourId',
    access: 'enterprise:write',
    tags,
    params: HonourParamsSchema,
    success: 200,
    response: OkSchema,
  },
  ...tabularEndpointSpecs('Enterprise', 'Enterprises', {
    base: '/api/enterprises',
    tags,
    noun: 'enterprise',
    exportQuery: EnterpriseExportQuerySchema,
    read: 'enterprise:read',
    write: 'enterprise:write',
  }),
});
