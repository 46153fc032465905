import type { User } from '@suilian/contracts';
import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { applyFormErrors, errorText } from '../../shared/errors';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
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
    <RecordDrawer
      open={user !== null}
      onClose={() => {
        update.reset();
        onClose();
      }}
      title={`${t('users.editTitle')} · ${user?.username ?? ''}`}
      size={480}
      onCancel={onClose}
      onSubmit={() => form.submit()}
      submitting={update.isPending}
      submitTestId="user-edit-submit"
      error={update.error}
    >
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
    </RecordDrawer>
  );
}
