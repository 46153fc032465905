import type { ProjectState, User } from '@suilian/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PROJECT_STATE_TONES, type StatusTone, TONE_COLOURS, type UserDisplayStatus, userDisplayStatus } from './status';

export type { StatusTone } from './status';

/** A status tag in the console-wide colours (glossary). */
export function StatusTag({
  tone,
  children,
  'data-testid': testId,
}: {
  tone: StatusTone;
  children: React.ReactNode;
  'data-testid'?: string;
}) {
  return (
    <Tag color={TONE_COLOURS[tone]} data-tone={tone} data-testid={testId}>
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

/** A project's lifecycle state (草稿, 已申报 …) in its colour. */
export function ProjectStateTag({ state }: { state: ProjectState }) {
  const { t } = useTranslation();
  return (
    <StatusTag tone={PROJECT_STATE_TONES[state]} data-testid="project-state">
      {t(`projectStates.${state}`)}
    </StatusTag>
  );
}
