import { SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../session/auth';
import { ApiErrorAlert } from '../../shared/errors';
import { useVerifySecondFactor } from './twoFactorHooks';

/** The login's second step: a 6-digit TOTP code or a recovery code (issue #11 item 6). */
export function SecondFactorForm() {
  const { t } = useTranslation();
  const { logout } = useAuth();
  const verify = useVerifySecondFactor();
  return (
    <Form<{ code: string }> layout="vertical" onFinish={({ code }) => verify.mutate(code.trim())} requiredMark={false}>
      <Alert type="info" showIcon title={t('twoFactor.codeHint')} style={{ marginBottom: 16 }} />
      {verify.error && (
        <div data-testid="login-error">
          <ApiErrorAlert error={verify.error} style={{ marginBottom: 16 }} />
        </div>
      )}
      <Form.Item name="code" label={t('twoFactor.code')} rules={[{ required: true, message: t('twoFactor.codeRequired') }]}>
        <Input
          prefix={<SafetyOutlined />}
          autoComplete="one-time-code"
          inputMode="text"
          autoFocus
          maxLength={32}
          data-testid="login-code"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={verify.isPending} data-testid="login-code-submit">
        {t('twoFactor.verify')}
      </Button>
      <Button type="link" block onClick={() => void logout()} style={{ marginTop: 8 }} data-testid="login-code-cancel">
        {t('twoFactor.useOtherAccount')}
      </Button>
    </Form>
  );
}
