/** Every table, for drizzle-kit and typed queries. */
export * from '../modules/accounts/account.table.js';
export * from '../modules/codelists/codelist.table.js';
export * from '../modules/enterprises/enterprise.table.js';
export * from '../modules/factories/factory.table.js';
export * from '../modules/indicators/indicator.table.js';
export * from '../modules/notifications/notification.table.js';
export * from '../modules/organisations/organisation.table.js';
export * from '../modules/projects/project.table.js';
export * from '../modules/registries/registry.table.js';
export * from '../modules/reporting/reporting.table.js';
export * from '../modules/selections/selection.table.js';
export * from '../platform/audit/audit.table.js';
export * from '../platform/files/file.table.js';
export * from '../platform/jobs/job.table.js';
