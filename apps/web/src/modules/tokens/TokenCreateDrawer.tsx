import { type CreateApiToken, ROLE_DEFINITIONS, type Role } from '@suilian/contracts';
import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../session/auth';
import { applyFormErrors } from '../../shared/errors';
import { DATE_TIME_FORMAT } from '../../shared/format';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
import { OrgSelect } from '../../shared/OrgSelect';
import { useRules } from '../../shared/rules';
import { type CreatedToken, useCreateToken } from './hooks';

interface Values {
  name: string;
  role?: Role;
  orgId?: string;
  expiresAt?: Dayjs | null;
}

/** Roles a token may act as: the user's own and those it manages. */
function tokenRoles(role: Role): Role[] {
  return [...new Set<Role>([role, ...ROLE_DEFINITIONS[role].manages])];
}

export function TokenCreateDrawer({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(t: CreatedToken): void }) {
  const { t } = useTranslation();
  const me = useMe();
  const rules = useRules();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const create = useCreateToken();

  const close = () => {
    create.reset();
    onClose();
  };
  const submit = (v: Values) => {
    if (!v.role || !v.orgId) return;
    const body: CreateApiToken = {
      name: v.name.trim(),
      role: v.role,
      orgId: v.orgId,
      expiresAt: v.expiresAt ? v.expiresAt.toISOString() : null,
    };
    create.mutate(body, {
      onSuccess: (result) => {
        create.reset();
        onCreated(result);
      },
      onError: (error) => applyFormErrors(form, error, t),
    });
  };

  return (
    <RecordDrawer
      open={open}
      onClose={close}
      title={t('tokens.createTitle')}
      size={480}
      onSubmit={() => form.submit()}
      submitting={create.isPending}
      submitTestId="token-create-submit"
      error={create.error}
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="name" label={t('tokens.name')} rules={[rules.required('name'), rules.max('name', 64)]}>
          <Input data-testid="token-name" />
        </Form.Item>
        <Form.Item name="role" label={t('fields.role')} rules={[rules.requiredSelect('role')]}>
          <Select
            options={tokenRoles(me.role).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            onChange={() => form.setFieldValue('orgId', undefined)}
            data-testid="token-role"
          />
        </Form.Item>
        <Form.Item name="orgId" label={t('fields.orgId')} rules={[rules.requiredSelect('orgId')]}>
          <OrgSelect
            key={role ?? 'none'}
            kinds={role ? ROLE_DEFINITIONS[role].orgKinds : []}
            disabled={!role}
            placeholder={role ? t('users.orgPlaceholder') : t('users.selectRoleFirst')}
            data-testid="token-org"
          />
        </Form.Item>
        <Form.Item
          name="expiresAt"
          label={t('fields.expiresAt')}
          rules={[
            {
              validator: async (_r, value: Dayjs | null | undefined) => {
                if (value && !value.isAfter(dayjs())) throw new Error(t('rules.future'));
              },
            },
          ]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format={DATE_TIME_FORMAT}
            placeholder={t('tokens.never')}
            disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Form>
    </RecordDrawer>
  );
}
