import type { User } from '@suilian/contracts';

export type UserDisplayStatus = 'active' | 'disabled' | 'locked';

/** Disabled wins over locked; a lock counts only while `lockedUntil` is in the future. */
export function userDisplayStatus(user: Pick<User, 'status' | 'lockedUntil'>, now = Date.now()): UserDisplayStatus {
  if (user.status === 'disabled') return 'disabled';
  if (user.lockedUntil && Date.parse(user.lockedUntil) > now) return 'locked';
  return 'active';
}
