import { type CreateUser, ROLE_DEFINITIONS, type Role } from '@suilian/contracts';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../session/auth';
import { applyFormErrors } from '../../shared/errors';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
import { OrgSelect } from '../../shared/OrgSelect';
import { undefinedIfBlank, useRules } from '../../shared/rules';
import { type OneTimePassword, useCreateUser } from './hooks';

interface Values {
  username: string;
  displayName: string;
  role?: Role;
  orgId?: string;
  email?: string;
  phone?: string;
}

/** Create a user: roles limited to what the current role manages, organisations to the kinds the role allows. */
export function UserCreateDrawer({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(r: OneTimePassword): void }) {
  const { t } = useTranslation();
  const me = useMe();
  const rules = useRules();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const create = useCreateUser();
  const manageable = ROLE_DEFINITIONS[me.role].manages;

  const submit = (v: Values) => {
    if (!v.role || !v.orgId) return;
    const body: CreateUser = {
      username: v.username.trim(),
      displayName: v.displayName.trim(),
      role: v.role,
      orgId: v.orgId,
      email: undefinedIfBlank(v.email),
      phone: undefinedIfBlank(v.phone),
    };
    create.mutate(body, {
      onSuccess: (result) => {
        form.resetFields();
        create.reset();
        onCreated(result);
      },
      onError: (error) => applyFormErrors(form, error, t),
    });
  };

  const close = () => {
    create.reset();
    onClose();
  };

  return (
    <RecordDrawer
      open={open}
      onClose={close}
      title={t('users.createTitle')}
      size={480}
      testId="user-create-drawer"
      onSubmit={() => form.submit()}
      submitting={create.isPending}
      submitTestId="user-create-submit"
      error={create.error}
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="username" label={t('fields.username')} rules={[rules.required('username'), rules.username]}>
          <Input autoComplete="off" data-testid="user-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('fields.displayName')} rules={[rules.required('displayName'), rules.max('displayName', 64)]}>
          <Input data-testid="user-displayName" />
        </Form.Item>
        <Form.Item name="role" label={t('fields.role')} rules={[rules.requiredSelect('role')]}>
          <Select
            options={manageable.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            onChange={() => form.setFieldValue('orgId', undefined)}
            data-testid="user-role"
          />
        </Form.Item>
        <Form.Item name="orgId" label={t('fields.orgId')} rules={[rules.requiredSelect('orgId')]}>
          <OrgSelect
            key={role ?? 'none'}
            kinds={role ? ROLE_DEFINITIONS[role].orgKinds : []}
            disabled={!role}
            placeholder={role ? t('users.orgPlaceholder') : t('users.selectRoleFirst')}
            data-testid="user-org"
          />
        </Form.Item>
        <Form.Item name="email" label={t('fields.email')} rules={[rules.email]}>
          <Input type="email" data-testid="user-email" />
        </Form.Item>
        <Form.Item name="phone" label={t('fields.phone')} rules={[rules.phone]}>
          <Input data-testid="user-phone" />
        </Form.Item>
      </Form>
    </RecordDrawer>
  );
}
