import type { FastifyInstance } from 'fastify';
import { createCompletenessService } from './completeness.js';
import { createFormService, type FormServiceDeps } from './form.service.js';
import { validateForm } from './form-validation.js';
import { registerReportingRoutes } from './reporting.routes.js';

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
export { createReportingRepo } from './reporting.repo.js';
export { seedReporting } from './reporting.seed.js';

/** Periodic reporting (定期报送): district forms, values with history, validation, approval and locks. */
export function createReportingModule(
  deps: Omit<FormServiceDeps, 'validate' | 'organisations'> & {
    organisations: FormServiceDeps['organisations'] & Parameters<typeof createCompletenessService>[0]['organisations'];
  },
) {
  const forms = createFormService({ ...deps, validate: validateForm });
  const completeness = createCompletenessService(deps);
  return { forms, registerRoutes: (app: FastifyInstance) => registerReportingRoutes(app, forms, completeness) };
}
