import type { ProjectState, User } from '@suilian/contracts';

export type UserDisplayStatus = 'active' | 'disabled' | 'locked';

/** Disabled wins over locked; a lock counts only while `lockedUntil` is in the future. */
export function userDisplayStatus(user: Pick<User, 'status' | 'lockedUntil'>, now = Date.now()): UserDisplayStatus {
  if (user.status === 'disabled') return 'disabled';
  if (user.lockedUntil && Date.parse(user.lockedUntil) > now) return 'locked';
  return 'active';
}

/** Console-wide status colours (glossary): green done/active, blue in progress, orange attention, red failed/locked, grey closed. */
export type StatusTone = 'done' | 'progress' | 'attention' | 'failed' | 'closed';

export const TONE_COLOURS: Record<StatusTone, string> = {
  done: 'green',
  progress: 'blue',
  attention: 'orange',
  failed: 'red',
  closed: 'default',
};

/**
 * Project states by tone: waiting for the enterprise (draft, returned) needs attention; under
 * review or being built is in progress; built and accepted are done; rejected failed; cancelled closed.
 */
export const PROJECT_STATE_TONES: Record<ProjectState, StatusTone> = {
  draft: 'attention',
  submitted: 'progress',
  returned: 'attention',
  city_review: 'progress',
  rejected: 'failed',
  approved: 'progress',
  under_construction: 'progress',
  built: 'done',
  accepted: 'done',
  cancelled: 'closed',
};
