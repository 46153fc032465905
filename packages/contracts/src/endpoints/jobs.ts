import { defineEndpoints } from '../api/endpoint.js';
import { IdParamsSchema, pageOf } from '../common.js';
import { JobListQuerySchema, JobSchema } from '../jobs.js';

const tags = ['jobs'];

/** Background jobs (imports, batch validation, directory imports): progress and results. */
export const jobEndpoints = defineEndpoints({
  listJobs: {
    method: 'GET',
    path: '/api/jobs',
    access: 'authenticated',
    tags,
    query: JobListQuerySchema,
    success: 200,
    response: pageOf(JobSchema),
  },
  getJob: {
    method: 'GET',
    path: '/api/jobs/:id',
    access: 'authenticated',
    tags,
    params: IdParamsSchema,
    success: 200,
    response: JobSchema,
  },
});
