import { zhCN as accessZhCN } from './parts/access';
import { zhCN as accountsZhCN } from './parts/accounts';
import { zhCN as allocationZhCN } from './parts/allocation';
import { zhCN as auditZhCN } from './parts/audit';
import { zhCN as auditNamesZhCN } from './parts/auditNames';
import { zhCN as auditVerificationZhCN } from './parts/auditVerification';
import { zhCN as casesZhCN } from './parts/cases';
import { zhCN as codeListsZhCN } from './parts/codeLists';
import { zhCN as confirmationsZhCN } from './parts/confirmations';
import { zhCN as coreZhCN } from './parts/core';
import { zhCN as dashboardZhCN } from './parts/dashboard';
import { zhCN as datasetsZhCN } from './parts/datasets';
import { zhCN as detailsZhCN } from './parts/details';
import { zhCN as enterprisesZhCN } from './parts/enterprises';
import { zhCN as errorsZhCN } from './parts/errors';
import { zhCN as factoriesZhCN } from './parts/factories';
import { zhCN as fieldsZhCN } from './parts/fields';
import { zhCN as forecastZhCN } from './parts/forecast';
import { zhCN as fundsZhCN } from './parts/funds';
import { zhCN as handlesZhCN } from './parts/handles';
import { zhCN as indicatorAdminZhCN } from './parts/indicatorAdmin';
import { zhCN as indicatorsZhCN } from './parts/indicators';
import { zhCN as issueRulesZhCN } from './parts/issueRules';
import { zhCN as networksZhCN } from './parts/networks';
import { zhCN as notificationsZhCN } from './parts/notifications';
import { zhCN as organisationsZhCN } from './parts/organisations';
import { zhCN as progressReportsZhCN } from './parts/progressReports';
import { zhCN as projectsZhCN } from './parts/projects';
import { zhCN as reasonsZhCN } from './parts/reasons';
import { zhCN as registriesZhCN } from './parts/registries';
import { zhCN as reportingZhCN } from './parts/reporting';
import { zhCN as reportingAdminZhCN } from './parts/reportingAdmin';
import { zhCN as reportValuesZhCN } from './parts/reportValues';
import { zhCN as sanctionsZhCN } from './parts/sanctions';
import { zhCN as selectionRulesZhCN } from './parts/selectionRules';
import { zhCN as selectionsZhCN } from './parts/selections';
import { zhCN as servicesZhCN } from './parts/services';
import { zhCN as telemetryZhCN } from './parts/telemetry';
import { zhCN as tokensZhCN } from './parts/tokens';
import { zhCN as twoFactorZhCN } from './parts/twoFactor';
import { zhCN as usersZhCN } from './parts/users';
import { zhCN as vulnerabilitiesZhCN } from './parts/vulnerabilities';
import { zhCN as whitePapersZhCN } from './parts/whitePapers';
import type { Widen } from './parts/widen';
import { zhCN as workbenchZhCN } from './parts/workbench';

export type { ClientErrorCode } from './parts/errors';

/** Simplified Chinese — the source of truth for keys; en-US must match its shape. */
const zhCN = {
  ...coreZhCN,
  ...accessZhCN,
  ...errorsZhCN,
  ...issueRulesZhCN,
  ...reasonsZhCN,
  ...fieldsZhCN,
  ...usersZhCN,
  ...twoFactorZhCN,
  ...organisationsZhCN,
  ...tokensZhCN,
  ...sanctionsZhCN,
  ...fundsZhCN,
  ...datasetsZhCN,
  ...auditZhCN,
  ...auditNamesZhCN,
  ...projectsZhCN,
  ...enterprisesZhCN,
  ...factoriesZhCN,
  ...codeListsZhCN,
  ...registriesZhCN,
  ...selectionsZhCN,
  ...servicesZhCN,
  ...casesZhCN,
  ...indicatorsZhCN,
  ...reportingZhCN,
  auditVerification: auditVerificationZhCN,
  dashboard: dashboardZhCN,
  vulnerabilities: vulnerabilitiesZhCN,
  handles: handlesZhCN,
  indicatorAdmin: indicatorAdminZhCN,
  networks: networksZhCN,
  telemetry: telemetryZhCN,
  notifications: notificationsZhCN,
  accounts: accountsZhCN,
  progressReports: progressReportsZhCN,
  whitePapers: whitePapersZhCN,
  reportingAdmin: reportingAdminZhCN,
  allocation: allocationZhCN,
  confirmations: confirmationsZhCN,
  reportValues: reportValuesZhCN,
  selectionRules: selectionRulesZhCN,
  forecast: forecastZhCN,
  workbench: workbenchZhCN,
  details: detailsZhCN,
};

export default zhCN;

/** The shape every locale's messages must have. */
export type Messages = Widen<typeof zhCN>;
