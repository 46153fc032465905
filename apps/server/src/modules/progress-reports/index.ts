import type { FastifyInstance } from 'fastify';
import { registerProgressReportRoutes } from './progress-report.routes.js';
import { createProgressReportService, type ProgressReportServiceDeps } from './progress-report.service.js';

export type { ProgressReportService } from './progress-report.service.js';
export { progressReportTodos } from './workbench.js';

/** Quarterly progress reports (季度进展报告, issue #4 item 7): generated on demand, kept, HTML and PDF. */
export function createProgressReportsModule(deps: ProgressReportServiceDeps) {
  const service = createProgressReportService(deps);
  return { service, registerRoutes: (app: FastifyInstance) => registerProgressReportRoutes(app, service) };
}
