import type { User } from '@suilian/contracts';
import { App, Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../shared/errors';
import { userDisplayStatus } from '../../shared/status';
import { type OneTimePassword, useResetPassword, useResetTwoFactor, useSetUserEnabled, useUnlockUser } from './hooks';

interface Props {
  user: User;
  onEdit(): void;
  onReset(result: OneTimePassword): void;
  /** Given only to city administrators, who alone change roles. */
  onChangeRole?: () => void;
}

/** Edit, change role (city administrators), disable/enable, unlock (when locked out) and reset password of an account the current role manages; the destructive ones ask first. */
export function UserRowActions({ user, onEdit, onReset, onChangeRole }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const setEnabled = useSetUserEnabled();
  const reset = useResetPassword();
  const unlock = useUnlockUser();
  const resetTwoFactor = useResetTwoFactor();
  const name = user.displayName || user.username;
  const active = user.status === 'active';

  return (
    <Space size={0} data-testid={`user-actions-${user.username}`}>
      <Button type="link" size="small" onClick={onEdit}>
        {t('common.edit')}
      </Button>
      {onChangeRole && (
        <Button type="link" size="small" onClick={onChangeRole} data-testid={`change-role-${user.username}`}>
          {t('accounts.roleChange')}
        </Button>
      )}
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
      {userDisplayStatus(user) === 'locked' && (
        <Popconfirm
          title={t('accounts.unlockConfirm', { name })}
          onConfirm={() => unlock.mutateAsync(user.id).then(() => void message.success(t('accounts.unlocked', { name })), notifyError)}
        >
          <Button type="link" size="small" loading={unlock.isPending} data-testid={`unlock-${user.username}`}>
            {t('accounts.unlock')}
          </Button>
        </Popconfirm>
      )}
      {user.twoFactorEnabled && (
        <Popconfirm
          title={t('twoFactor.resetConfirm', { name })}
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            resetTwoFactor.mutateAsync(user.id).then(() => void message.success(t('twoFactor.resetDone', { name })), notifyError)
          }
        >
          <Button type="link" size="small" danger loading={resetTwoFactor.isPending} data-testid={`reset-two-factor-${user.username}`}>
            {t('twoFactor.reset')}
          </Button>
        </Popconfirm>
      )}
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
