import type { User } from '@suilian/contracts';
import { App, Button, Drawer, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { ApiErrorAlert, applyFormErrors, errorText } from '../../shared/errors';
import { nullIfBlank, useRules } from '../../shared/rules';
import { useUpdateUser } from './hooks';

interface Values {
  displayName: string;
  email?: string | null;
  phone?: string | null;
}

/** Edit name, email and phone of a user; sends the version it was loaded with. */
export function UserEditDrawer({ user, onClose }: { user: User | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useRules();
  const [form] = Form.useForm<Values>();
  const update = useUpdateUser();

  const submit = (v: Values) => {
    if (!user) return;
    update.mutate(
      {
        id: user.id,
        body: { version: user.version, displayName: v.displayName.trim(), email: nullIfBlank(v.email), phone: nullIfBlank(v.phone) },
      },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          update.reset();
          onClose();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'STALE_VERSION') {
            // The list has been reloaded by the mutation hook; reopen to edit the latest version.
            void message.warning(errorText(t, error));
            update.reset();
            onClose();
            return;
          }
          applyFormErrors(form, error, t);
        },
      },
    );
  };

  return (
    <Drawer
      open={user !== null}
      onClose={() => {
        update.reset();
        onClose();
      }}
      title={`${t('users.editTitle')} · ${user?.username ?? ''}`}
      size={480}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={update.isPending} onClick={() => form.submit()} data-testid="user-edit-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {update.error && <ApiErrorAlert error={update.error} style={{ marginBottom: 16 }} />}
      {user && (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          preserve={false}
          initialValues={{ displayName: user.displayName, email: user.email, phone: user.phone }}
        >
          <Form.Item
            name="displayName"
            label={t('fields.displayName')}
            rules={[rules.required('displayName'), rules.max('displayName', 64)]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="email" label={t('fields.email')} rules={[rules.email]}>
            <Input type="email" />
          </Form.Item>
          <Form.Item name="phone" label={t('fields.phone')} rules={[rules.phone]}>
            <Input />
          </Form.Item>
        </Form>
      )}
    </Drawer>
  );
}
