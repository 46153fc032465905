import { defineEndpoints } from '../api/endpoint.js';
import { tabularEndpointSpecs } from '../api/tabular.js';
import { EnterpriseExportQuerySchema } from '../imports.js';

const tags = ['enterprises'];

/** Enterprises: their records, honours and imports. */
export const enterpriseEndpoints = defineEndpoints({
  ...tabularEndpointSpecs('Enterprise', 'Enterprises', {
    base: '/api/enterprises',
    tags,
    noun: 'enterprise',
    exportQuery: EnterpriseExportQuerySchema,
    read: 'enterprise:read',
    write: 'enterprise:write',
  }),
});
