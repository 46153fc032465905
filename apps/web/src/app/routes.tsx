import type { Permission } from '@suilian/contracts';
import { lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { ChangePasswordPage } from './ChangePasswordPage';
import { FullPageSpin, HomeRedirect, NotFound, RequireAuth, RequirePermission } from './guards';
import { LoginPage } from './LoginPage';
import { LEAD_PERMISSIONS, SELECTION_PERMISSIONS } from './menu';
import { Shell } from './Shell';

const UsersPage = lazy(() => import('../modules/users/UsersPage'));
const OrganisationsPage = lazy(() => import('../modules/organisations/OrganisationsPage'));
const SanctionsPage = lazy(() => import('../modules/sanctions/SanctionsPage'));
const FundProgrammesPage = lazy(() => import('../modules/funds/FundProgrammesPage'));
const FundApplicationsPage = lazy(() => import('../modules/funds/FundApplicationsPage'));
const FundApplicationPage = lazy(() => import('../modules/funds/FundApplicationPage'));
const DatasetsPage = lazy(() => import('../modules/datasets/DatasetsPage'));
const DatasetDetailPage = lazy(() => import('../modules/datasets/DatasetDetailPage'));
const PublicDatasetsPage = lazy(() => import('../modules/datasets/PublicDatasetsPage'));
const PublicWhitePapersPage = lazy(() => import('../modules/white-papers/PublicWhitePapersPage'));
const WhitePapersPage = lazy(() => import('../modules/white-papers/WhitePapersPage'));
const WhitePaperEditorPage = lazy(() => import('../modules/white-papers/WhitePaperEditorPage'));
const TokensPage = lazy(() => import('../modules/tokens/TokensPage'));
const AuditPage = lazy(() => import('../modules/audit/AuditPage'));
const ProfilePage = lazy(() => import('../modules/profile/ProfilePage'));
const TwoFactorEnrolPage = lazy(() => import('../modules/profile/TwoFactorEnrolPage'));
const EnterprisesPage = lazy(() => import('../modules/enterprises/EnterprisesPage'));
const EnterpriseDetailPage = lazy(() => import('../modules/enterprises/EnterpriseDetailPage'));
const ProjectsPage = lazy(() => import('../modules/projects/ProjectsPage'));
const ProjectDetailPage = lazy(() => import('../modules/projects/ProjectDetailPage'));
const FactoriesPage = lazy(() => import('../modules/factories/FactoriesPage'));
const FactoryDetailPage = lazy(() => import('../modules/factories/FactoryDetailPage'));
const ConfirmationsPage = lazy(() => import('../modules/confirmations/ConfirmationsPage'));
const NetworksPage = lazy(() => import('../modules/networks/NetworksPage'));
const NetworkDetailPage = lazy(() => import('../modules/networks/NetworkDetailPage'));
const EdgeNodesPage = lazy(() => import('../modules/networks/EdgeNodesPage'));
const SolutionsPage = lazy(() => import('../modules/services/SolutionsPage'));
const SolutionDetailPage = lazy(() => import('../modules/services/SolutionDetailPage'));
const DemandsPage = lazy(() => import('../modules/services/DemandsPage'));
const DemandDetailPage = lazy(() => import('../modules/services/DemandDetailPage'));
const LeadsPage = lazy(() => import('../modules/services/LeadsPage'));
const RegistryPage = lazy(() => import('../modules/registries/RegistryPage'));
const CodeListsPage = lazy(() => import('../modules/codelists/CodeListsPage'));
const SelectionsPage = lazy(() => import('../modules/selections/SelectionsPage'));
const RoundDetailPage = lazy(() => import('../modules/selections/RoundDetailPage'));
const ApplicationDetailPage = lazy(() => import('../modules/selections/ApplicationDetailPage'));
const ExpertsPage = lazy(() => import('../modules/selections/ExpertsPage'));
const CasesPage = lazy(() => import('../modules/selections/CasesPage'));
const CaseDetailPage = lazy(() => import('../modules/selections/CaseDetailPage'));
const TargetsPage = lazy(() => import('../modules/indicators/TargetsPage'));
const IndicatorAdminPage = lazy(() => import('../modules/indicators/IndicatorAdminPage'));
const AllocationPage = lazy(() => import('../modules/indicators/AllocationPage'));
const IndicatorRecordsPage = lazy(() => import('../modules/indicators/IndicatorRecordsPage'));
const DashboardPage = lazy(() => import('../modules/dashboard/DashboardPage'));
const PublicDashboardPage = lazy(() => import('../modules/dashboard/PublicDashboardPage'));
const ReportingPage = lazy(() => import('../modules/reporting/ReportingPage'));
const ProgressReportsPage = lazy(() => import('../modules/progress-reports/ProgressReportsPage'));
const NotificationsPage = lazy(() => import('../modules/notifications/NotificationsPage'));
const ReportingConfigPage = lazy(() => import('../modules/reporting/admin/ReportingConfigPage'));
const PublicResolvePage = lazy(() => import('../modules/handles/PublicResolvePage'));
const PrefixesPage = lazy(() => import('../modules/handles/PrefixesPage'));
const TemplatesPage = lazy(() => import('../modules/handles/TemplatesPage'));
const RecordsPage = lazy(() => import('../modules/handles/RecordsPage'));
const BatchPage = lazy(() => import('../modules/handles/BatchPage'));
const ReversePage = lazy(() => import('../modules/handles/ReversePage'));
const StatsPage = lazy(() => import('../modules/handles/StatsPage'));
const VulnerabilitiesPage = lazy(() => import('../modules/vulnerabilities/VulnerabilitiesPage'));
const AssetsPage = lazy(() => import('../modules/vulnerabilities/AssetsPage'));
const FindingsPage = lazy(() => import('../modules/vulnerabilities/FindingsPage'));
const MatchesPage = lazy(() => import('../modules/vulnerabilities/MatchesPage'));
const NoticesPage = lazy(() => import('../modules/vulnerabilities/NoticesPage'));
const PosturePage = lazy(() => import('../modules/vulnerabilities/PosturePage'));
const WorkbenchPage = lazy(() => import('../modules/workbench/WorkbenchPage'));

function guarded(permission: Permission | readonly Permission[], page: ReactNode) {
  return <RequirePermission permission={permission}>{page}</RequirePermission>;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/change-password', element: <ChangePasswordPage /> },
  // Enrolment of the second factor: required roles land here until enrolled (issue #11 item 6).
  {
    path: '/two-factor',
    element: (
      <Suspense fallback={<FullPageSpin />}>
        <TwoFactorEnrolPage />
      </Suspense>
    ),
  },
  // The public dashboard: aggregate figures for anyone, without logging in.
  {
    path: '/public/dashboard',
    element: (
      <Suspense fallback={<FullPageSpin />}>
        <PublicDashboardPage />
      </Suspense>
    ),
  },
  // Open data (issue #16 item 3): the public datasets for anyone; /open-data/<code> is a dataset's landing page.
  ...['/open-data', '/open-data/:code'].map((path) => ({
    path,
    element: (
      <Suspense fallback={<FullPageSpin />}>
        <PublicDatasetsPage />
      </Suspense>
    ),
  })),
  // The white paper on the portal (issue #16 item 4): published editions for anyone; /white-papers/<year>-<n> reads one.
  ...['/white-papers', '/white-papers/:slug'].map((path) => ({
    path,
    element: (
      <Suspense fallback={<FullPageSpin />}>
        <PublicWhitePapersPage />
      </Suspense>
    ),
  })),
  // Anyone resolves identifiers, without logging in; the handle is the rest of the path (it contains '/').
  {
    path: '/resolve/*',
    element: (
      <Suspense fallback={<FullPageSpin />}>
        <PublicResolvePage />
      </Suspense>
    ),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <Shell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomeRedirect /> },
      // 工作台: every role's own to-dos, where login and `/` lead (issue #12 item 1).
      { path: 'workbench', element: <WorkbenchPage /> },
      { path: 'dashboard', element: guarded('indicator:read', <DashboardPage />) },
      { path: 'dashboard/targets', element: guarded('indicator:read', <TargetsPage />) },
      { path: 'indicators/reporting', element: guarded('report:read', <ReportingPage />) },
      { path: 'indicators/progress-reports', element: guarded('report:read', <ProgressReportsPage />) },
      { path: 'publications/white-papers', element: guarded('white_paper:read', <WhitePapersPage />) },
      { path: 'publications/white-papers/:id', element: guarded('white_paper:read', <WhitePaperEditorPage />) },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'indicators/reporting-config', element: guarded('report:read', <ReportingConfigPage />) },
      { path: 'indicators/manage', element: guarded('indicator:read', <IndicatorAdminPage />) },
      { path: 'indicators/allocation', element: guarded('indicator:read', <AllocationPage />) },
      // The drill-down every dashboard number links to (`?district=&asOf=`).
      { path: 'indicators/:code/records', element: guarded('indicator:read', <IndicatorRecordsPage />) },
      { path: 'system/users', element: guarded('user:read', <UsersPage />) },
      { path: 'system/organisations', element: guarded('org:read', <OrganisationsPage />) },
      { path: 'system/tokens', element: guarded('token:read', <TokensPage />) },
      { path: 'system/audit', element: guarded('audit:read', <AuditPage />) },
      { path: 'system/code-lists', element: <CodeListsPage /> },
      { path: 'programme/enterprises', element: guarded('enterprise:read', <EnterprisesPage />) },
      { path: 'programme/enterprises/:id', element: guarded('enterprise:read', <EnterpriseDetailPage />) },
      { path: 'programme/projects', element: guarded('project:read', <ProjectsPage />) },
      { path: 'programme/projects/:id', element: guarded('project:read', <ProjectDetailPage />) },
      { path: 'programme/factories', element: guarded('enterprise:read', <FactoriesPage />) },
      { path: 'programme/factories/:id', element: guarded('enterprise:read', <FactoryDetailPage />) },
      { path: 'programme/confirmations', element: guarded('record:confirm', <ConfirmationsPage />) },
      { path: 'networks', element: guarded('network:read', <NetworksPage />) },
      { path: 'networks/edge-nodes', element: guarded('network:read', <EdgeNodesPage />) },
      { path: 'networks/:id', element: guarded('network:read', <NetworkDetailPage />) },
      { path: 'programme/ecosystem/:registry', element: guarded('registry:read', <RegistryPage />) },
      { path: 'programme/selections', element: guarded(SELECTION_PERMISSIONS, <SelectionsPage />) },
      { path: 'programme/selections/:id', element: guarded(SELECTION_PERMISSIONS, <RoundDetailPage />) },
      {
        path: 'programme/selections/:id/applications/:applicationId',
        element: guarded(SELECTION_PERMISSIONS, <ApplicationDetailPage />),
      },
      { path: 'programme/experts', element: guarded('selection:manage', <ExpertsPage />) },
      { path: 'programme/sanctions', element: guarded('sanction:read', <SanctionsPage />) },
      { path: 'funds/programmes', element: guarded('fund:read', <FundProgrammesPage />) },
      { path: 'funds/applications', element: guarded('fund:read', <FundApplicationsPage />) },
      { path: 'funds/applications/:id', element: guarded('fund:read', <FundApplicationPage />) },
      // 数据目录 (issue #16 item 3): every account sees the datasets of its access levels.
      { path: 'datasets', element: <DatasetsPage /> },
      { path: 'datasets/:id', element: <DatasetDetailPage /> },
      { path: 'programme/cases', element: <CasesPage /> },
      { path: 'programme/cases/:applicationId', element: <CaseDetailPage /> },
      { path: 'identifiers/prefixes', element: guarded('handle:read', <PrefixesPage />) },
      { path: 'identifiers/templates', element: guarded('handle:read', <TemplatesPage />) },
      { path: 'identifiers/handles', element: guarded('handle:read', <RecordsPage />) },
      { path: 'identifiers/batch', element: guarded('handle:write', <BatchPage />) },
      { path: 'identifiers/reverse', element: guarded('handle:read', <ReversePage />) },
      { path: 'identifiers/stats', element: guarded('handle:read', <StatsPage />) },
      // 公共服务 (issue #15 items 2–3): solutions, their review, demands with matches, leads.
      { path: 'services/solutions', element: <SolutionsPage /> },
      { path: 'services/solutions/:id', element: <SolutionDetailPage /> },
      { path: 'services/solution-review', element: guarded('solution:review', <SolutionsPage review />) },
      { path: 'services/demands', element: guarded('demand:read', <DemandsPage />) },
      { path: 'services/demands/:id', element: guarded('demand:read', <DemandDetailPage />) },
      { path: 'services/leads', element: guarded(LEAD_PERMISSIONS, <LeadsPage />) },
      { path: 'security/vulnerabilities', element: guarded('vuln:read', <VulnerabilitiesPage />) },
      { path: 'security/assets', element: guarded('asset:read', <AssetsPage />) },
      { path: 'security/findings', element: guarded('finding:read', <FindingsPage />) },
      { path: 'security/matches', element: guarded('vuln:manage', <MatchesPage />) },
      { path: 'security/notices', element: guarded('vuln:read', <NoticesPage />) },
      { path: 'security/posture', element: guarded('finding:read', <PosturePage />) },
      { path: 'profile', element: <ProfilePage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
