import type { Permission } from '@suilian/contracts';
import { lazy, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { ChangePasswordPage } from './ChangePasswordPage';
import { HomeRedirect, NotFound, RequireAuth, RequirePermission } from './guards';
import { LoginPage } from './LoginPage';
import { Shell } from './Shell';

const UsersPage = lazy(() => import('../modules/users/UsersPage'));
const OrganisationsPage = lazy(() => import('../modules/organisations/OrganisationsPage'));
const TokensPage = lazy(() => import('../modules/tokens/TokensPage'));
const AuditPage = lazy(() => import('../modules/audit/AuditPage'));
const ProfilePage = lazy(() => import('../modules/profile/ProfilePage'));

function guarded(permission: Permission, page: ReactNode) {
  return <RequirePermission permission={permission}>{page}</RequirePermission>;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/change-password', element: <ChangePasswordPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <Shell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'system/users', element: guarded('user:read', <UsersPage />) },
      { path: 'system/organisations', element: guarded('org:read', <OrganisationsPage />) },
      { path: 'system/tokens', element: guarded('token:read', <TokensPage />) },
      { path: 'system/audit', element: guarded('audit:read', <AuditPage />) },
      { path: 'profile', element: <ProfilePage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
