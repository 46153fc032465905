import { ApiOutlined, AuditOutlined, ClusterOutlined, SettingOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import type { Permission } from '@suilian/contracts';
import type { ReactNode } from 'react';
import type { Messages } from '../i18n/zh-CN';

export interface Page {
  path: string;
  label: keyof Messages['menu'];
  icon: ReactNode;
  /** Needed to see the page; undefined = everyone logged in. */
  permission?: Permission;
}

export interface MenuGroup {
  key: string;
  label: keyof Messages['menu'];
  icon: ReactNode;
  pages: Page[];
}

/** Side menu, by system (glossary). Only modules that exist are listed. */
export const MENU: MenuGroup[] = [
  {
    key: 'system',
    label: 'system',
    icon: <SettingOutlined />,
    pages: [
      { path: '/system/users', label: 'users', icon: <TeamOutlined />, permission: 'user:read' },
      { path: '/system/organisations', label: 'organisations', icon: <ClusterOutlined />, permission: 'org:read' },
      { path: '/system/tokens', label: 'tokens', icon: <ApiOutlined />, permission: 'token:read' },
      { path: '/system/audit', label: 'audit', icon: <AuditOutlined />, permission: 'audit:read' },
    ],
  },
];

export const PROFILE_PAGE: Page = { path: '/profile', label: 'profile', icon: <UserOutlined /> };

/** Where `/` leads: the first of these the role may use, else the profile. */
const HOME_ORDER = ['/system/organisations', '/system/users', '/system/tokens', '/system/audit'];

export function homePath(permissions: readonly Permission[]): string {
  const pages = MENU.flatMap((g) => g.pages);
  for (const path of HOME_ORDER) {
    const page = pages.find((p) => p.path === path);
    if (page && (!page.permission || permissions.includes(page.permission))) return path;
  }
  return PROFILE_PAGE.path;
}
