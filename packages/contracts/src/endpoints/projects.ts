import { defineEndpoints } from '../api/endpoint.js';
import { tabularEndpointSpecs } from '../api/tabular.js';
import { ProjectExportQuerySchema } from '../imports.js';

const tags = ['projects'];

/** "5G + 工业互联网" projects through their review lifecycle. */
export const projectEndpoints = defineEndpoints({
  ...tabularEndpointSpecs('Project', 'Projects', {
    base: '/api/projects',
    tags,
    noun: 'project',
    exportQuery: ProjectExportQuerySchema,
    read: 'project:read',
    write: 'project:write',
  }),
});
