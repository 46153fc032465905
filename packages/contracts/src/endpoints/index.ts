import type { Endpoint } from '../api/endpoint.js';
import { accountEndpoints } from './accounts.js';
import { allocationEndpoints } from './allocations.js';
import { codeListEndpoints } from './codelists.js';
import { confirmationEndpoints } from './confirmations.js';
import { dashboardEndpoints } from './dashboard.js';
import { datasetEndpoints } from './datasets.js';
import { demandEndpoints } from './demands.js';
import { enterpriseEndpoints } from './enterprises.js';
import { factoryEndpoints } from './factories.js';
import { financingEndpoints } from './financing.js';
import { fundEndpoints } from './funds.js';
import { identifierEndpoints } from './identifiers.js';
import { indicatorEndpoints } from './indicators.js';
import { jobEndpoints } from './jobs.js';
import { networkEndpoints } from './networks.js';
import { notificationEndpoints } from './notifications.js';
import { organisationEndpoints } from './organisations.js';
import { platformEndpoints } from './platform.js';
import { progressReportEndpoints } from './progress-reports.js';
import { projectEndpoints } from './projects.js';
import { REGISTRY_API } from './registries.js';
import { reportingEndpoints } from './reporting.js';
import { sanctionEndpoints } from './sanctions.js';
import { searchEndpoints } from './search.js';
import { securityEndpoints } from './security.js';
import { selectionEndpoints } from './selections.js';
import { slaEndpoints } from './sla.js';
import { solutionEndpoints } from './solutions.js';
import { telemetryEndpoints } from './telemetry.js';
import { trainingEndpoints } from './trainings.js';
import { whitePaperEndpoints } from './white-papers.js';
import { workbenchEndpoints } from './workbench.js';

export { REGISTRY_API, type RegistryEndpoints } from './registries.js';

/**
 * The API catalogue: every endpoint the server serves, by name (ADR 0011). The registries' are
 * declared once per registry in REGISTRY_API. The server refuses to start with an /api route
 * that is not here.
 */
export const API = {
  ...accountEndpoints,
  ...codeListEndpoints,
  ...sanctionEndpoints,
  ...confirmationEndpoints,
  ...allocationEndpoints,
  ...dashboardEndpoints,
  ...datasetEndpoints,
  ...demandEndpoints,
  ...enterpriseEndpoints,
  ...factoryEndpoints,
  ...financingEndpoints,
  ...fundEndpoints,
  ...identifierEndpoints,
  ...indicatorEndpoints,
  ...jobEndpoints,
  ...networkEndpoints,
  ...notificationEndpoints,
  ...organisationEndpoints,
  ...platformEndpoints,
  ...progressReportEndpoints,
  ...projectEndpoints,
  ...reportingEndpoints,
  ...searchEndpoints,
  ...securityEndpoints,
  ...selectionEndpoints,
  ...slaEndpoints,
  ...solutionEndpoints,
  ...telemetryEndpoints,
  ...whitePaperEndpoints,
  ...trainingEndpoints,
  ...workbenchEndpoints,
} as const;

/** The declared groups, so a name declared in two of them is caught (spreading would hide it). */
export const ENDPOINT_GROUPS: readonly Readonly<Record<string, Endpoint>>[] = [
  accountEndpoints,
  codeListEndpoints,
  confirmationEndpoints,
  allocationEndpoints,
  dashboardEndpoints,
  datasetEndpoints,
  demandEndpoints,
  enterpriseEndpoints,
  factoryEndpoints,
  financingEndpoints,
  fundEndpoints,
  identifierEndpoints,
  indicatorEndpoints,
  jobEndpoints,
  networkEndpoints,
  notificationEndpoints,
  organisationEndpoints,
  platformEndpoints,
  progressReportEndpoints,
  projectEndpoints,
  reportingEndpoints,
  sanctionEndpoints,
  searchEndpoints,
  securityEndpoints,
  selectionEndpoints,
  slaEndpoints,
  solutionEndpoints,
  telemetryEndpoints,
  whitePaperEndpoints,
  trainingEndpoints,
  workbenchEndpoints,
  ...Object.values(REGISTRY_API),
];

/** The whole catalogue as a list (generated checks iterate it). */
export const ALL_ENDPOINTS: readonly Endpoint[] = ENDPOINT_GROUPS.flatMap((group) => Object.values(group));
