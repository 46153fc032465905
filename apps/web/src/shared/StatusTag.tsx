import type { User } from '@suilian/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type UserDisplayStatus, userDisplayStatus } from './status';

/** Console-wide status colours (glossary): green done/active, blue in progress, orange attention, red failed/locked, grey closed. */
export type StatusTone = 'done' | 'progress' | 'attention' | 'failed' | 'closed';

const COLOURS: Record<StatusTone, string> = {
  done: 'green',
  progress: 'blue',
  attention: 'orange',
  failed: 'red',
  closed: 'default',
};

export function StatusTag({ tone, children }: { tone: StatusTone; children: React.ReactNode }) {
  return (
    <Tag color={COLOURS[tone]} data-tone={tone}>
      {children}
    </Tag>
  );
}

const USER_TONES: Record<UserDisplayStatus, StatusTone> = { active: 'done', disabled: 'closed', locked: 'failed' };

export function UserStatusTag({ user }: { user: Pick<User, 'status' | 'lockedUntil'> }) {
  const { t } = useTranslation();
  const status = userDisplayStatus(user);
  return <StatusTag tone={USER_TONES[status]}>{t(`userStatus.${status}`)}</StatusTag>;
}
