export { createReportingRepo } from './reporting.repo.js';
export { seedReporting } from './reporting.seed.js';
