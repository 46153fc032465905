import type { User } from '@suilian/contracts';
import { App, Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../shared/errors';
import { type OneTimePassword, useResetPassword, useSetUserEnabled } from './hooks';

interface Props {
  user: User;
  onEdit(): void;
  onReset(result: OneTimePassword): void;
}

/** Edit, disable/enable and reset password of an account the current role manages; the destructive ones ask first. */
export function UserRowActions({ user, onEdit, onReset }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const setEnabled = useSetUserEnabled();
  const reset = useResetPassword();
  const name = user.displayName || user.username;
  const active = user.status === 'active';

  return (
    <Space size={0} data-testid={`user-actions-${user.username}`}>
      <Button type="link" size="small" onClick={onEdit}>
        {t('common.edit')}
      </Button>
      <Popconfirm
        title={active ? t('users.disableConfirm', { name }) : t('users.enableConfirm', { name })}
        okButtonProps={{ danger: active }}
        onConfirm={() =>
          setEnabled
            .mutateAsync({ id: user.id, enabled: !active })
            .then(() => void message.success(t(active ? 'users.disabled' : 'users.enabled', { name })), notifyError)
        }
      >
        <Button type="link" size="small" danger={active} loading={setEnabled.isPending}>
          {active ? t('users.disable') : t('users.enable')}
        </Button>
      </Popconfirm>
      <Popconfirm
        title={t('users.resetConfirm', { name })}
        okButtonProps={{ danger: true }}
        onConfirm={() => reset.mutateAsync(user.id).then(onReset, notifyError)}
      >
        <Button type="link" size="small" loading={reset.isPending}>
          {t('users.resetPassword')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
