import { ROLE_DEFINITIONS, ROLES, type Role, type User } from '@suilian/contracts';
import { Alert, App, Form, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { applyFormErrors, errorText } from '../../shared/errors';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
import { OrgSelect } from '../../shared/OrgSelect';
import { useRules } from '../../shared/rules';
import { useChangeUserRole } from './hooks';

interface Values {
  role: Role;
  orgId?: string;
}

/**
 * Changes an account's role and organisation (city administrators; issue #11 item 6). Says before
 * saving, and asks again, that every session of the account ends; the server's refusals (the last
 * city administrator, a stale version …) show above the form in the user's language.
 */
export function UserRoleDrawer({ user, onClose }: { user: User | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const rules = useRules();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const change = useChangeUserRole();
  const name = user ? user.displayName || user.username : '';

  const close = () => {
    change.reset();
    onClose();
  };

  const send = (v: Values) => {
    if (!user || !v.orgId) return;
    change.mutate(
      { id: user.id, body: { role: v.role, orgId: v.orgId, version: user.version } },
      {
        onSuccess: () => {
          void message.success(t('accounts.roleChanged', { name, role: t(`roles.${v.role}`) }));
          close();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'STALE_VERSION') {
            // The list has been reloaded by the mutation hook; reopen to change the latest version.
            void message.warning(errorText(t, error));
            close();
            return;
          }
          applyFormErrors(form, error, t);
        },
      },
    );
  };

  const confirm = (v: Values) => {
    if (!user) return;
    modal.confirm({
      title: t('accounts.roleChangeConfirmTitle', { name }),
      content: t('accounts.roleChangeConfirmBody', {
        name,
        from: t(`roles.${user.role}`),
        to: t(`roles.${v.role}`),
      }),
      okText: t('accounts.roleChangeConfirmOk'),
      okButtonProps: { danger: true, ...{ 'data-testid': 'user-role-confirm' } },
      onOk: () => send(v),
    });
  };

  return (
    <RecordDrawer
      open={user !== null}
      onClose={close}
      title={t('accounts.roleChangeTitle', { name: user?.username ?? '' })}
      size={480}
      testId="user-role-drawer"
      onSubmit={() => form.submit()}
      submitLabel={t('accounts.roleChangeSubmit')}
      submitting={change.isPending}
      submitTestId="user-role-submit"
      error={change.error}
      showReason
    >
      {user && (
        <Form<Values> form={form} layout="vertical" onFinish={confirm} preserve={false} initialValues={{ role: user.role }}>
          <Typography.Paragraph type="secondary">
            {t('accounts.roleChangeCurrent', { role: t(`roles.${user.role}`), org: user.orgName })}
          </Typography.Paragraph>
          <Form.Item name="role" label={t('fields.role')} rules={[rules.requiredSelect('role')]}>
            <Select
              options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              onChange={() => form.setFieldValue('orgId', undefined)}
              data-testid="user-role-role"
            />
          </Form.Item>
          <Form.Item name="orgId" label={t('fields.orgId')} rules={[rules.requiredSelect('orgId')]}>
            <OrgSelect
              key={role ?? user.role}
              kinds={ROLE_DEFINITIONS[role ?? user.role].orgKinds}
              placeholder={t('users.orgPlaceholder')}
              data-testid="user-role-org"
            />
          </Form.Item>
          <Alert type="warning" showIcon title={t('accounts.roleChangeSessionsEnd', { name })} data-testid="user-role-sessions-end" />
        </Form>
      )}
    </RecordDrawer>
  );
}
