import { API, LOCALES, type Locale, type Me, type UpdateProfile } from '@suilian/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/endpoints';
import { ApiError } from '../../api/http';
import { useAuth } from '../../session/auth';
import { useLocale } from '../../session/locale';
import { ApiErrorAlert, applyFormErrors } from '../../shared/errors';
import { nullIfBlank, useRules } from '../../shared/rules';

interface Values {
  displayName: string;
  email?: string | null;
  phone?: string | null;
  locale: Locale;
}

/** Edit own name, email, phone and language (API.updateMe, with version). */
export function ProfileForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { setMe, refresh } = useAuth();
  const { locale, setLocale } = useLocale();
  const rules = useRules();
  const [form] = Form.useForm<Values>();
  const mutation = useMutation({
    mutationFn: (body: UpdateProfile) => call(API.updateMe, { body }),
    onSuccess: (saved) => {
      setMe(saved);
      if (saved.locale !== locale) void setLocale(saved.locale);
      void message.success(t('common.saved'));
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'STALE_VERSION') void refresh();
      else applyFormErrors(form, error, t);
    },
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      style={{ maxWidth: 480 }}
      initialValues={{ displayName: me.displayName, email: me.email, phone: me.phone, locale: me.locale }}
      onFinish={(v) =>
        mutation.mutate({
          version: me.version,
          displayName: v.displayName.trim(),
          email: nullIfBlank(v.email),
          phone: nullIfBlank(v.phone),
          locale: v.locale,
        })
      }
      data-testid="profile-form"
    >
      {mutation.error && <ApiErrorAlert error={mutation.error} style={{ marginBottom: 16 }} />}
      <Form.Item name="displayName" label={t('fields.displayName')} rules={[rules.required('displayName'), rules.max('displayName', 64)]}>
        <Input />
      </Form.Item>
      <Form.Item name="email" label={t('fields.email')} rules={[rules.email]}>
        <Input type="email" />
      </Form.Item>
      <Form.Item name="phone" label={t('fields.phone')} rules={[rules.phone]}>
        <Input />
      </Form.Item>
      <Form.Item name="locale" label={t('fields.locale')}>
        <Select options={LOCALES.map((l) => ({ value: l, label: t(`locale.${l}`) }))} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={mutation.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
