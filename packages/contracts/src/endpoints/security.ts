import { defineEndpoints } from '../api/endpoint.js';
import { tabularEndpointSpecs } from '../api/tabular.js';
import { AssetExportQuerySchema } from '../vulnerabilities.js';

const tags = ['security'];

/** The vulnerability database and its closed loop: assets, matches, findings, scans, notices (issue #5). */
export const securityEndpoints = defineEndpoints({
  ...tabularEndpointSpecs('Asset', 'Assets', {
    base: '/api/security/assets',
    tags,
    noun: 'asset',
    exportQuery: AssetExportQuerySchema,
    read: 'asset:read',
    write: 'asset:write',
  }),
});
