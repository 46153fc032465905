import type { FastifyInstance } from 'fastify';
import { registerIndicatorRoutes } from './indicator.routes.js';
import { createIndicatorService, type IndicatorServiceDeps } from './indicator.service.js';

export { seedIndicators } from './indicator.seed.js';
export type { IndicatorService } from './indicator.service.js';

/** Indicators: the plan's 16 targets as data, values from records, pace against the milestone path. */
export function createIndicatorsModule(deps: IndicatorServiceDeps) {
  const service = createIndicatorService(deps);
  return { service, registerRoutes: (app: FastifyInstance) => registerIndicatorRoutes(app, service) };
}
