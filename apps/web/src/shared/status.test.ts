import { describe, expect, it } from 'vitest';
import { userDisplayStatus } from './status';

describe('user status tag', () => {
  const now = Date.parse('2025-06-01T08:00:00Z');
  it('shows disabled over locked, and a lock only while it lasts', () => {
    expect(userDisplayStatus({ status: 'disabled', lockedUntil: '2025-06-01T09:00:00Z' }, now)).toBe('disabled');
    expect(userDisplayStatus({ status: 'active', lockedUntil: '2025-06-01T09:00:00Z' }, now)).toBe('locked');
    expect(userDisplayStatus({ status: 'active', lockedUntil: '2025-06-01T07:00:00Z' }, now)).toBe('active');
    expect(userDisplayStatus({ status: 'active', lockedUntil: null }, now)).toBe('active');
  });
});
