import { API } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../http/auth-hook.js';
import { serveEndpoint } from '../http/endpoint-route.js';
import type { JobService } from './job.service.js';

/** A job is followed by whoever started it (or a city role): any logged-in account may ask. */
export function registerJobRoutes(app: FastifyInstance, jobs: Pick<JobService, 'get' | 'list'>) {
  serveEndpoint(app, API.listJobs, async (request) => jobs.list(actorOf(request), request.query));
  serveEndpoint(app, API.getJob, async (request) => jobs.get(actorOf(request), request.params.id));
}
