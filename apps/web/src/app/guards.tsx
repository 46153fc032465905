import type { Me, Permission } from '@suilian/contracts';
import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { useAuth } from '../session/auth';
import { ApiErrorAlert } from '../shared/errors';
import { allows, homePath } from './menu';

export function FullPageSpin() {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '60vh' }}>
      <Spin size="large" description={t('app.loading')} />
    </div>
  );
}

/** The role requires a second factor the account has not enrolled: only the enrolment page is open. */
export function enrolmentDue(me: Me): boolean {
  return me.twoFactorRequired && !me.twoFactorEnabled && !me.mustChangePassword;
}

/** Logged in (second factor included), the password need not be changed and no enrolment is due; otherwise redirects. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading, error } = useAuth();
  const location = useLocation();
  if (loading) return <FullPageSpin />;
  if (!me && error) return <ApiErrorAlert error={error} style={{ margin: 24 }} />;
  if (!me || me.secondFactorPending) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (me.mustChangePassword) return <Navigate to="/change-password" replace />;
  if (enrolmentDue(me)) return <Navigate to="/two-factor" replace />;
  return <>{children}</>;
}

/** Shows a 403 page instead of the route when the role lacks the permission (or all of a list). */
export function RequirePermission({ permission, children }: { permission: Permission | readonly Permission[]; children: ReactNode }) {
  const { me } = useAuth();
  const { t } = useTranslation();
  if (allows(me?.permissions ?? [], permission)) return <>{children}</>;
  return (
    <Result
      status="403"
      title={t('app.forbidden')}
      subTitle={t('app.forbiddenHint')}
      extra={
        <Link to="/">
          <Button type="primary">{t('app.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function HomeRedirect() {
  return <Navigate to={homePath()} replace />;
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('app.notFound')}
      subTitle={t('app.notFoundHint')}
      extra={
        <Link to="/">
          <Button type="primary">{t('app.backHome')}</Button>
        </Link>
      }
    />
  );
}
