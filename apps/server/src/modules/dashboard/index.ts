import type { FastifyInstance } from 'fastify';
import { registerDashboardRoutes } from './dashboard.routes.js';
import { createDashboardService, type DashboardServiceDeps } from './dashboard.service.js';

export type { DashboardService } from './dashboard.service.js';

/** 驾驶舱: every figure of the command dashboard in one payload, city-wide, per district, and public. */
export function createDashboardModule(deps: DashboardServiceDeps) {
  const service = createDashboardService(deps);
  return { service, registerRoutes: (app: FastifyInstance) => registerDashboardRoutes(app, service) };
}
