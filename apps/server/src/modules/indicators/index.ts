import type { FastifyInstance } from 'fastify';
import type { AuditService } from '../../platform/audit/audit.service.js';
import { createAllocationService } from './allocation.service.js';
import { registerIndicatorRoutes } from './indicator.routes.js';
import { createIndicatorService, type IndicatorServiceDeps } from './indicator.service.js';
import { createIndicatorAdminService } from './indicator-admin.service.js';

export { DEMO_ALLOCATED_TARGETS, loadAllocationDemo } from './allocation.demo.js';
export type { AllocationService } from './allocation.service.js';
export { COUNTER_NAMES } from './counter.repo.js';
export { drillLink } from './drill-links.js';
export { figuresReach, indicatorPolicy } from './indicator.policy.js';
export { seedIndicators } from './indicator.seed.js';
export type { IndicatorService } from './indicator.service.js';
export type { IndicatorAdminService } from './indicator-admin.service.js';

/**
 * Indicators: the plan's 16 targets and administrators' own indicators as data; values from
 * records, reported data and formulas; pace against the milestone path; the records behind a value;
 * each target allocated to the districts (目标分解).
 */
export function createIndicatorsModule(deps: IndicatorServiceDeps & { audit: Pick<AuditService, 'append'> }) {
  const service = createIndicatorService(deps);
  const admin = createIndicatorAdminService(deps);
  const allocations = createAllocationService(deps);
  return {
    service,
    admin,
    allocations,
    registerRoutes: (app: FastifyInstance) => registerIndicatorRoutes(app, service, admin, allocations),
  };
}
