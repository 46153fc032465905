import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { CenteredCard } from '../../app/CenteredCard';
import { FullPageSpin } from '../../app/guards';
import { useAuth } from '../../session/auth';
import { ApiErrorAlert } from '../../shared/errors';
import { RecoveryCodes } from './RecoveryCodes';
import { useConfirmEnrolment, useStartEnrolment } from './twoFactorHooks';

/**
 * Enrolment of the second factor (issue #11 item 6): the QR code and the key for manual entry,
 * confirmed with a code, then the recovery codes once. Accounts whose role requires it land here
 * until they are enrolled; others come from 个人中心.
 */
export default function TwoFactorEnrolPage() {
  const { t } = useTranslation();
  const { me, loading, logout, refresh } = useAuth();
  const navigate = useNavigate();
  const start = useStartEnrolment();
  const confirm = useConfirmEnrolment();
  const [codes, setCodes] = useState<string[] | null>(null);
  const startEnrolment = start.mutate;
  const enrolled = me?.twoFactorEnabled ?? false;

  useEffect(() => {
    if (!enrolled && !codes) startEnrolment();
  }, [enrolled, codes, startEnrolment]);

  if (loading) return <FullPageSpin />;
  if (!me || me.secondFactorPending) return <Navigate to="/login" replace />;
  if (me.mustChangePassword) return <Navigate to="/change-password" replace />;
  if (enrolled && !codes) return <Navigate to="/profile" replace />;

  const finish = () => void refresh().then(() => navigate(me.twoFactorRequired ? '/' : '/profile', { replace: true }));
  const enrolment = start.data;
  return (
    <CenteredCard
      title={t('twoFactor.enrolTitle')}
      extra={
        <Button type="link" size="small" onClick={() => void logout().then(() => navigate('/login'))} data-testid="logout">
          {t('header.logout')}
        </Button>
      }
    >
      {codes ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <RecoveryCodes codes={codes} username={me.username} />
          <Button type="primary" block onClick={finish} data-testid="two-factor-done">
            {t('twoFactor.continue')}
          </Button>
        </Space>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {me.twoFactorRequired && <Alert type="info" showIcon title={t('twoFactor.enrolRequiredHint')} />}
          <ApiErrorAlert error={start.error} />
          <Typography.Text>{t('twoFactor.enrolStep1')}</Typography.Text>
          {enrolment && (
            <div style={{ textAlign: 'center' }}>
              <img src={enrolment.qrDataUrl} alt="otpauth QR" width={200} height={200} data-testid="two-factor-qr" />
              <div>
                <Typography.Text type="secondary">{t('twoFactor.manualKey')}：</Typography.Text>
                <Typography.Text code copyable data-testid="two-factor-secret">
                  {enrolment.secret}
                </Typography.Text>
              </div>
            </div>
          )}
          <Typography.Text>{t('twoFactor.enrolStep2')}</Typography.Text>
          <Form<{ code: string }>
            layout="inline"
            onFinish={({ code }) => confirm.mutate(code.trim(), { onSuccess: (result) => setCodes(result.recoveryCodes) })}
          >
            <Form.Item name="code" rules={[{ required: true, pattern: /^\d{6}$/, message: t('twoFactor.sixDigits') }]}>
              <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} data-testid="two-factor-code" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={confirm.isPending} disabled={!enrolment} data-testid="two-factor-confirm">
              {t('twoFactor.confirm')}
            </Button>
          </Form>
          <ApiErrorAlert error={confirm.error} />
        </Space>
      )}
    </CenteredCard>
  );
}
