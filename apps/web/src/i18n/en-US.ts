import { enUS as accessEnUS } from './parts/access';
import { enUS as accountsEnUS } from './parts/accounts';
import { enUS as allocationEnUS } from './parts/allocation';
import { enUS as auditEnUS } from './parts/audit';
import { enUS as auditNamesEnUS } from './parts/auditNames';
import { enUS as auditVerificationEnUS } from './parts/auditVerification';
import { enUS as casesEnUS } from './parts/cases';
import { enUS as codeListsEnUS } from './parts/codeLists';
import { enUS as confirmationsEnUS } from './parts/confirmations';
import { enUS as coreEnUS } from './parts/core';
import { enUS as dashboardEnUS } from './parts/dashboard';
import { enUS as datasetsEnUS } from './parts/datasets';
import { enUS as detailsEnUS } from './parts/details';
import { enUS as enterprisesEnUS } from './parts/enterprises';
import { enUS as errorsEnUS } from './parts/errors';
import { enUS as factoriesEnUS } from './parts/factories';
import { enUS as fieldsEnUS } from './parts/fields';
import { enUS as forecastEnUS } from './parts/forecast';
import { enUS as fundsEnUS } from './parts/funds';
import { enUS as handlesEnUS } from './parts/handles';
import { enUS as indicatorAdminEnUS } from './parts/indicatorAdmin';
import { enUS as indicatorsEnUS } from './parts/indicators';
import { enUS as issueRulesEnUS } from './parts/issueRules';
import { enUS as networksEnUS } from './parts/networks';
import { enUS as notificationsEnUS } from './parts/notifications';
import { enUS as organisationsEnUS } from './parts/organisations';
import { enUS as progressReportsEnUS } from './parts/progressReports';
import { enUS as projectsEnUS } from './parts/projects';
import { enUS as reasonsEnUS } from './parts/reasons';
import { enUS as registriesEnUS } from './parts/registries';
import { enUS as reportingEnUS } from './parts/reporting';
import { enUS as reportingAdminEnUS } from './parts/reportingAdmin';
import { enUS as reportValuesEnUS } from './parts/reportValues';
import { enUS as sanctionsEnUS } from './parts/sanctions';
import { enUS as selectionRulesEnUS } from './parts/selectionRules';
import { enUS as selectionsEnUS } from './parts/selections';
import { enUS as servicesEnUS } from './parts/services';
import { enUS as telemetryEnUS } from './parts/telemetry';
import { enUS as tokensEnUS } from './parts/tokens';
import { enUS as twoFactorEnUS } from './parts/twoFactor';
import { enUS as usersEnUS } from './parts/users';
import { enUS as vulnerabilitiesEnUS } from './parts/vulnerabilities';
import { enUS as whitePapersEnUS } from './parts/whitePapers';
import { enUS as workbenchEnUS } from './parts/workbench';
import type { Messages } from './zh-CN';

/** English (United States); keys mirror zh-CN (checked by the Messages type). */
const enUS: Messages = {
  ...coreEnUS,
  ...accessEnUS,
  ...errorsEnUS,
  ...issueRulesEnUS,
  ...reasonsEnUS,
  ...fieldsEnUS,
  ...usersEnUS,
  ...twoFactorEnUS,
  ...organisationsEnUS,
  ...tokensEnUS,
  ...sanctionsEnUS,
  ...fundsEnUS,
  ...datasetsEnUS,
  ...auditEnUS,
  ...auditNamesEnUS,
  ...projectsEnUS,
  ...enterprisesEnUS,
  ...factoriesEnUS,
  ...codeListsEnUS,
  ...registriesEnUS,
  ...selectionsEnUS,
  ...servicesEnUS,
  ...casesEnUS,
  ...indicatorsEnUS,
  ...reportingEnUS,
  auditVerification: auditVerificationEnUS,
  dashboard: dashboardEnUS,
  vulnerabilities: vulnerabilitiesEnUS,
  handles: handlesEnUS,
  indicatorAdmin: indicatorAdminEnUS,
  networks: networksEnUS,
  telemetry: telemetryEnUS,
  notifications: notificationsEnUS,
  accounts: accountsEnUS,
  progressReports: progressReportsEnUS,
  whitePapers: whitePapersEnUS,
  reportingAdmin: reportingAdminEnUS,
  allocation: allocationEnUS,
  confirmations: confirmationsEnUS,
  reportValues: reportValuesEnUS,
  selectionRules: selectionRulesEnUS,
  forecast: forecastEnUS,
  workbench: workbenchEnUS,
  details: detailsEnUS,
};

export default enUS;
