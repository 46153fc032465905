import { defineEndpoints } from '../api/endpoint.js';
import { tabularEndpointSpecs } from '../api/tabular.js';
import { IdParamsSchema, pageOf } from '../common.js';
import { CreateFactorySchema, FactoryListQuerySchema, FactorySchema, UpdateFactorySchema } from '../factories.js';
import { FactoryExportQuerySchema } from '../imports.js';

const tags = ['factories'];

/** 5G factories (T-APP-1). */
export const factoryEndpoints = defineEndpoints({
  listFactories: {
    method: 'GET',
    path: '/api/factories',
    access: 'enterprise:read',
    tags,
    query: FactoryListQuerySchema,
    success: 200,
    response: pageOf(FactorySchema),
  },
  createFactory: {
    method: 'POST',
    path: '/api/factories',
    access: 'enterprise:write',
    tags,
    body: CreateFactorySchema,
    success: 201,
    response: FactorySchema,
  },
  getFactory: {
    method: 'GET',
    path: '/api/factories/:id',
    access: 'enterprise:read',
    tags,
    params: IdParamsSchema,
    success: 200,
    response: FactorySchema,
  },
  updateFactory: {
    method: 'PATCH',
    path: '/api/factories/:id',
    access: 'enterprise:write',
    tags,
    params: IdParamsSchema,
    body: UpdateFactorySchema,
    success: 200,
    response: FactorySchema,
  },
  ...tabularEndpointSpecs('Factory', 'Factories', {
    base: '/api/factories',
    tags,
    noun: '5G factory',
    exportQuery: FactoryExportQuerySchema,
    read: 'enterprise:read',
    write: 'enterprise:write',
  }),
});
