import { API, type ChangePassword } from '@suilian/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/endpoints';
import { useAuth } from '../../session/auth';
import { ApiErrorAlert, applyFormErrors } from '../../shared/errors';
import { useRules } from '../../shared/rules';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Current + new + confirm password; the policy is checked as the user types (contracts' checkPasswordPolicy). */
export function PasswordChangeForm({ username, onDone }: { username: string; onDone?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { refresh } = useAuth();
  const rules = useRules();
  const [form] = Form.useForm<Values>();
  const mutation = useMutation({
    mutationFn: (body: ChangePassword) => call(API.changePassword, { body }),
    onSuccess: async () => {
      form.resetFields();
      void message.success(t('changePassword.success'));
      await refresh();
      onDone?.();
    },
    onError: (error) => applyFormErrors(form, error, t),
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      data-testid="password-form"
      onFinish={(v) => mutation.mutate({ currentPassword: v.currentPassword, newPassword: v.newPassword })}
    >
      {mutation.error && <ApiErrorAlert error={mutation.error} style={{ marginBottom: 16 }} />}
      {/* Lets password managers tie the new password to the account. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <Form.Item name="currentPassword" label={t('fields.currentPassword')} rules={[rules.required('currentPassword')]}>
        <Input.Password autoComplete="current-password" data-testid="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('fields.newPassword')}
        dependencies={['currentPassword']}
        extra={<Typography.Text type="secondary">{t('rules.password.hint')}</Typography.Text>}
        rules={[
          rules.required('newPassword'),
          rules.password(() => username),
          ({ getFieldValue }) => ({
            validator: async (_r, value: string | undefined) => {
              if (value && value === getFieldValue('currentPassword')) throw new Error(t('rules.passwordSame'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('fields.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          rules.required('confirmPassword'),
          ({ getFieldValue }) => ({
            validator: async (_r, value: string | undefined) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error(t('rules.passwordMismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="confirm-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="password-submit">
        {t('changePassword.submit')}
      </Button>
    </Form>
  );
}
