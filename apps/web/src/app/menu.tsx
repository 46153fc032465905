import {
  AccountBookOutlined,
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  BugOutlined,
  BulbOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  CloudServerOutlined,
  CloudUploadOutlined,
  ClusterOutlined,
  ControlOutlined,
  CrownOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  DeploymentUnitOutlined,
  DesktopOutlined,
  EditOutlined,
  ExperimentOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FormOutlined,
  FundOutlined,
  FundProjectionScreenOutlined,
  GlobalOutlined,
  HomeOutlined,
  IssuesCloseOutlined,
  LineChartOutlined,
  LinkOutlined,
  MergeCellsOutlined,
  MoneyCollectOutlined,
  NodeIndexOutlined,
  PartitionOutlined,
  ProfileOutlined,
  ProjectOutlined,
  QrcodeOutlined,
  RadarChartOutlined,
  ReadOutlined,
  RetweetOutlined,
  SafetyOutlined,
  SettingOutlined,
  ShopOutlined,
  SolutionOutlined,
  StarOutlined,
  StopOutlined,
  TagsOutlined,
  TeamOutlined,
  ToolOutlined,
  TrophyOutlined,
  UnorderedListOutlined,
  UserOutlined,
  WifiOutlined,
} from '@ant-design/icons';
import type { Permission, RegistryKey } from '@suilian/contracts';
import type { ReactNode } from 'react';
import type { Messages } from '../i18n/zh-CN';

export interface Page {
  path: string;
  label: keyof Messages['menu'];
  icon: ReactNode;
  /** Needed to see the page (a list: any one of them); undefined = everyone logged in. */
  permission?: Permission | readonly Permission[];
}

/** Any selection permission opens the rounds (organisers, applicants, districts, experts, readers). */
export const SELECTION_PERMISSIONS: readonly Permission[] = [
  'selection:manage',
  'selection:read',
  'selection:apply',
  'selection:recommend',
  'selection:review',
];

/** Leads are both sides': enterprises and districts through demands, providers through solutions. */
export const LEAD_PERMISSIONS: readonly Permission[] = ['demand:read', 'solution:write'];

/** Whether the permissions a user holds allow a page's `permission` (one, or any of a list). */
export function allows(held: readonly Permission[], required: Page['permission']): boolean {
  if (required === undefined) return true;
  return typeof required === 'string' ? held.includes(required) : required.some((p) => held.includes(p));
}

export interface MenuGroup {
  key: string;
  label: keyof Messages['menu'];
  icon: ReactNode;
  pages: Page[];
  /** Sub-groups shown after the pages (e.g. 产业生态 under 项目管理). */
  groups?: MenuGroup[];
}

const REGISTRY_ICONS: Record<RegistryKey, ReactNode> = {
  standards: <BookOutlined />,
  patents: <FileProtectOutlined />,
  'pilot-projects': <TrophyOutlined />,
  carriers: <BankOutlined />,
  platforms: <DeploymentUnitOutlined />,
  events: <CalendarOutlined />,
  trainings: <ReadOutlined />,
  research: <BulbOutlined />,
  products: <ShopOutlined />,
  'test-platforms': <ExperimentOutlined />,
  'test-records': <FileSearchOutlined />,
};

/** Path of a registry's page. */
export const registryPath = (key: RegistryKey) => `/programme/ecosystem/${key}`;

/** Side menu, by system (glossary). Only modules that exist are listed. */
export const MENU: MenuGroup[] = [
  {
    key: 'dashboard',
    label: 'dashboard',
    icon: <DashboardOutlined />,
    pages: [
      { path: '/dashboard', label: 'cockpit', icon: <FundOutlined />, permission: 'indicator:read' },
      { path: '/dashboard/targets', label: 'targets', icon: <AimOutlined />, permission: 'indicator:read' },
    ],
  },
  {
    key: 'reporting',
    label: 'reportingGroup',
    icon: <LineChartOutlined />,
    pages: [
      { path: '/indicators/reporting', label: 'reporting', icon: <FormOutlined />, permission: 'report:read' },
      { path: '/indicators/progress-reports', label: 'progressReports', icon: <FileTextOutlined />, permission: 'report:read' },
      { path: '/indicators/reporting-config', label: 'reportingConfig', icon: <ControlOutlined />, permission: 'report:read' },
      { path: '/indicators/manage', label: 'indicatorAdmin', icon: <UnorderedListOutlined />, permission: 'indicator:read' },
      { path: '/indicators/allocation', label: 'allocation', icon: <PartitionOutlined />, permission: 'indicator:read' },
    ],
  },
  {
    key: 'programme',
    label: 'programme',
    icon: <FundProjectionScreenOutlined />,
    pages: [
      { path: '/programme/enterprises', label: 'enterprises', icon: <ApartmentOutlined />, permission: 'enterprise:read' },
      { path: '/programme/projects', label: 'projects', icon: <ProjectOutlined />, permission: 'project:read' },
      { path: '/programme/factories', label: 'factories', icon: <HomeOutlined />, permission: 'enterprise:read' },
      { path: '/programme/confirmations', label: 'confirmations', icon: <AuditOutlined />, permission: 'record:confirm' },
      { path: '/programme/selections', label: 'selections', icon: <CrownOutlined />, permission: SELECTION_PERMISSIONS },
      { path: '/programme/experts', label: 'experts', icon: <SolutionOutlined />, permission: 'selection:manage' },
      { path: '/programme/sanctions', label: 'sanctions', icon: <StopOutlined />, permission: 'sanction:read' },
      { path: '/programme/cases', label: 'cases', icon: <StarOutlined /> },
    ],
    groups: [
      {
        key: 'ecosystem',
        label: 'ecosystem',
        icon: <ToolOutlined />,
        pages: (Object.keys(REGISTRY_ICONS) as RegistryKey[]).map((key) => ({
          path: registryPath(key),
          label: key,
          icon: REGISTRY_ICONS[key],
          permission: 'registry:read' as const,
        })),
      },
    ],
  },
  {
    key: 'networks',
    label: 'networksGroup',
    icon: <WifiOutlined />,
    pages: [
      { path: '/networks', label: 'privateNetworks', icon: <GlobalOutlined />, permission: 'network:read' },
      { path: '/networks/edge-nodes', label: 'edgeNodes', icon: <CloudServerOutlined />, permission: 'network:read' },
    ],
  },
  {
    key: 'funds',
    label: 'fundsGroup',
    icon: <MoneyCollectOutlined />,
    pages: [
      { path: '/funds/applications', label: 'fundApplications', icon: <AccountBookOutlined />, permission: 'fund:read' },
      { path: '/funds/programmes', label: 'fundProgrammes', icon: <ProfileOutlined />, permission: 'fund:read' },
    ],
  },
  {
    key: 'identifiers',
    label: 'identifiers',
    icon: <QrcodeOutlined />,
    pages: [
      { path: '/identifiers/prefixes', label: 'handlePrefixes', icon: <NodeIndexOutlined />, permission: 'handle:read' },
      { path: '/identifiers/templates', label: 'handleTemplates', icon: <ProfileOutlined />, permission: 'handle:read' },
      { path: '/identifiers/handles', label: 'handleRecords', icon: <TagsOutlined />, permission: 'handle:read' },
      { path: '/identifiers/batch', label: 'handleBatch', icon: <CloudUploadOutlined />, permission: 'handle:write' },
      { path: '/identifiers/reverse', label: 'handleReverse', icon: <RetweetOutlined />, permission: 'handle:read' },
      { path: '/identifiers/stats', label: 'handleStats', icon: <BarChartOutlined />, permission: 'handle:read' },
    ],
  },
  {
    key: 'security',
    label: 'security',
    icon: <SafetyOutlined />,
    pages: [
      { path: '/security/vulnerabilities', label: 'vulnCatalogue', icon: <BugOutlined />, permission: 'vuln:read' },
      { path: '/security/assets', label: 'vulnAssets', icon: <DatabaseOutlined />, permission: 'asset:read' },
      { path: '/security/findings', label: 'vulnFindings', icon: <IssuesCloseOutlined />, permission: 'finding:read' },
      { path: '/security/matches', label: 'vulnMatches', icon: <MergeCellsOutlined />, permission: 'vuln:manage' },
      { path: '/security/notices', label: 'vulnNotices', icon: <AlertOutlined />, permission: 'vuln:read' },
      { path: '/security/posture', label: 'vulnPosture', icon: <RadarChartOutlined />, permission: 'finding:read' },
    ],
  },
  {
    key: 'services',
    label: 'services',
    icon: <ShopOutlined />,
    pages: [
      { path: '/services/solutions', label: 'solutions', icon: <AppstoreOutlined /> },
      { path: '/services/solution-review', label: 'solutionReview', icon: <CheckSquareOutlined />, permission: 'solution:review' },
      { path: '/services/demands', label: 'demands', icon: <BulbOutlined />, permission: 'demand:read' },
      { path: '/services/leads', label: 'leads', icon: <LinkOutlined />, permission: LEAD_PERMISSIONS },
    ],
  },
  {
    key: 'whitePapers',
    label: 'whitePaperGroup',
    icon: <BookOutlined />,
    pages: [
      { path: '/publications/white-papers', label: 'whitePaperEditions', icon: <EditOutlined />, permission: 'white_paper:read' },
      { path: '/white-papers', label: 'whitePaperPortal', icon: <ReadOutlined /> },
    ],
  },
  {
    key: 'data',
    label: 'dataGroup',
    icon: <DatabaseOutlined />,
    pages: [{ path: '/datasets', label: 'datasets', icon: <ProfileOutlined /> }],
  },
  {
    key: 'system',
    label: 'system',
    icon: <SettingOutlined />,
    pages: [
      { path: '/system/users', label: 'users', icon: <TeamOutlined />, permission: 'user:read' },
      { path: '/system/organisations', label: 'organisations', icon: <ClusterOutlined />, permission: 'org:read' },
      { path: '/system/tokens', label: 'tokens', icon: <ApiOutlined />, permission: 'token:read' },
      { path: '/system/audit', label: 'audit', icon: <AuditOutlined />, permission: 'audit:read' },
      { path: '/system/code-lists', label: 'codeLists', icon: <UnorderedListOutlined /> },
    ],
  },
];

export const PROFILE_PAGE: Page = { path: '/profile', label: 'profile', icon: <UserOutlined /> };

/** 工作台: every role's own to-dos; first in the menu and where `/` leads (issue #12 item 1). */
export const WORKBENCH_PAGE: Page = { path: '/workbench', label: 'workbench', icon: <DesktopOutlined /> };

/** Every page of a group, its sub-groups included. */
export function pagesOf(group: MenuGroup): Page[] {
  return [...group.pages, ...(group.groups ?? []).flatMap(pagesOf)];
}

/** Where `/` and login lead: 工作台, for every role (issue #12 item 1; before, each role landed on a list of its own). */
export function homePath(): string {
  return WORKBENCH_PAGE.path;
}
