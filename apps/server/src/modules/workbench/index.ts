import type { FastifyInstance } from 'fastify';
import { financingTodos } from '../financing/index.js';
import { fundTodos } from '../funds/index.js';
import { networkTodos } from '../networks/index.js';
import { progressReportTodos } from '../progress-reports/index.js';
import { projectTodos } from '../projects/index.js';
import { confirmationTodos } from '../registries/index.js';
import { type ReminderPolicy, reportingTodos } from '../reporting/index.js';
import { selectionTodos } from '../selections/index.js';
import { slaTodos } from '../sla/index.js';
import { securityTodos } from '../vulnerabilities/index.js';
import { registerWorkbenchRoutes } from './workbench.routes.js';
import { createWorkbenchService, type TodoSource, type WorkbenchServiceDeps } from './workbench.service.js';

export type { WorkbenchService } from './workbench.service.js';

/**
 * 工作台 (issue #12 item 1): the caller's to-dos, each kind counted by the module that owns the
 * records (`<module>/workbench.ts`). Identifiers have no requests waiting for anyone (delegation is
 * immediate), so no kind. The network system's to-dos are the district's confirmations
 * (`networkTodos`) and SLA sign-offs (`slaTodos`); its alarms join the list later (issue #14 items 2–4).
 */
export function createWorkbenchModule(deps: Omit<WorkbenchServiceDeps, 'sources'> & { reminderPolicy: ReminderPolicy }) {
  const sources: TodoSource[] = [
    projectTodos,
    (db, actor, now) => reportingTodos(db, actor, now, deps.reminderPolicy),
    selectionTodos,
    securityTodos,
    progressReportTodos,
    confirmationTodos,
    networkTodos,
    slaTodos,
    fundTodos,
    financingTodos,
  ];
  const service = createWorkbenchService({ ...deps, sources });
  return { service, registerRoutes: (app: FastifyInstance) => registerWorkbenchRoutes(app, service) };
}
