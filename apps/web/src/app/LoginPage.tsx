import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { Login } from '@suilian/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { SecondFactorForm } from '../modules/profile/SecondFactorForm';
import { useAuth } from '../session/auth';
import { ApiErrorAlert } from '../shared/errors';
import { CenteredCard } from './CenteredCard';
import { enrolmentDue, FullPageSpin } from './guards';

/** Only same-site paths from the router state are followed after login. */
function safeFrom(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const { me, loading, login } = useAuth();
  const location = useLocation();
  const mutation = useMutation({ mutationFn: (input: Login) => login(input) });

  if (loading) return <FullPageSpin />;
  // The password was right; the second factor is still to come (issue #11 item 6).
  if (me?.secondFactorPending)
    return (
      <CenteredCard title={t('twoFactor.codeTitle')}>
        <SecondFactorForm />
      </CenteredCard>
    );
  if (me)
    return (
      <Navigate to={me.mustChangePassword ? '/change-password' : enrolmentDue(me) ? '/two-factor' : safeFrom(location.state)} replace />
    );

  return (
    <CenteredCard title={t('login.title')}>
      <Form<Login> layout="vertical" onFinish={(values) => mutation.mutate(values)} requiredMark={false} data-testid="login-form">
        {mutation.error && (
          <div data-testid="login-error">
            <ApiErrorAlert error={mutation.error} style={{ marginBottom: 16 }} />
          </div>
        )}
        <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={mutation.isPending} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form>
      <div style={{ marginTop: 16, textAlign: 'center' }}>
        <Link to="/resolve" data-testid="login-resolve-link">
          {t('handles.resolve.title')}
        </Link>
        {' · '}
        <Link to="/public/dashboard" data-testid="login-public-dashboard-link">
          {t('dashboard.publicLink')}
        </Link>
      </div>
    </CenteredCard>
  );
}
