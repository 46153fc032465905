import type { FastifyInstance } from 'fastify';
import { registerReportingAdminRoutes } from './admin.routes.js';
import { createBatchValidation } from './batch/batch-validation.js';
import { createCompletenessService } from './completeness.js';
import { createConfigService } from './config/config.service.js';
import { createFormService, type FormServiceDeps } from './form.service.js';
import { createFormQueue } from './form-queue.js';
import { validateForm } from './form-validation.js';
import { registerReportingRoutes } from './reporting.routes.js';
import { createTransferService, type TransferServiceDeps } from './transfer/transfer.service.js';

/** The formula language, for indicator formulas (issue #4 item 2) — the same parser as validation rules. */
export {
  checkReferences,
  type Expression,
  ExpressionError,
  evaluateExpression,
  findCycle,
  parseExpression,
  type Reference,
  referenceKey,
  references,
} from './logic/index.js';
export type { ReminderPolicy } from './reminders.logic.js';
export { createReportingRepo } from './reporting.repo.js';
export { seedReporting } from './reporting.seed.js';
export { reportingTodos } from './workbench.js';

/** Periodic reporting (定期报送): district forms, values with history, validation, approval and locks. */
export function createReportingModule(
  deps: Omit<FormServiceDeps, 'validate' | 'organisations' | 'audit'> & {
    audit: TransferServiceDeps['audit'];
    organisations: FormServiceDeps['organisations'] & Parameters<typeof createCompletenessService>[0]['organisations'];
  },
) {
  const forms = createFormService({ ...deps, validate: validateForm });
  const completeness = createCompletenessService(deps);
  const queue = createFormQueue({ ...deps, forms });
  const config = createConfigService(deps);
  const batch = createBatchValidation(deps);
  const transfer = createTransferService(deps);
  return {
    forms,
    config,
    registerRoutes: (app: FastifyInstance) => {
      registerReportingRoutes(app, forms, completeness, queue);
      registerReportingAdminRoutes(app, config, batch, transfer);
    },
  };
}
