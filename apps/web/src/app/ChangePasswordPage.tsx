import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { PasswordChangeForm } from '../modules/profile/PasswordChangeForm';
import { useAuth } from '../session/auth';
import { CenteredCard } from './CenteredCard';
import { FullPageSpin } from './guards';

/** The forced password change: every route leads here while `me.mustChangePassword` is true. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { me, loading, logout } = useAuth();
  const navigate = useNavigate();
  if (loading) return <FullPageSpin />;
  if (!me) return <Navigate to="/login" replace />;
  if (!me.mustChangePassword) return <Navigate to="/" replace />;
  return (
    <CenteredCard
      title={t('changePassword.title')}
      extra={
        <Button type="link" size="small" onClick={() => void logout().then(() => navigate('/login'))} data-testid="logout">
          {t('header.logout')}
        </Button>
      }
    >
      <Alert type="info" showIcon title={t('changePassword.forcedHint')} style={{ marginBottom: 16 }} />
      <PasswordChangeForm username={me.username} onDone={() => navigate('/', { replace: true })} />
    </CenteredCard>
  );
}
