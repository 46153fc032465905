import { PROJECT_STATES } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import { PROJECT_STATE_TONES, TONE_COLOURS, userDisplayStatus } from './status';

describe('user status tag', () => {
  const now = Date.parse('2025-06-01T08:00:00Z');
  it('shows disabled over locked, and a lock only while it lasts', () => {
    expect(userDisplayStatus({ status: 'disabled', lockedUntil: '2025-06-01T09:00:00Z' }, now)).toBe('disabled');
    expect(userDisplayStatus({ status: 'active', lockedUntil: '2025-06-01T09:00:00Z' }, now)).toBe('locked');
    expect(userDisplayStatus({ status: 'active', lockedUntil: '2025-06-01T07:00:00Z' }, now)).toBe('active');
    expect(userDisplayStatus({ status: 'active', lockedUntil: null }, now)).toBe('active');
  });
});

describe('project state colours', () => {
  it('give every lifecycle state a tone, following the glossary', () => {
    for (const state of PROJECT_STATES) expect(TONE_COLOURS[PROJECT_STATE_TONES[state]], state).toBeTruthy();
    expect(PROJECT_STATE_TONES).toMatchObject({
      submitted: 'progress',
      city_review: 'progress',
      under_construction: 'progress',
      returned: 'attention',
      rejected: 'failed',
      built: 'done',
      accepted: 'done',
      cancelled: 'closed',
    });
    expect(TONE_COLOURS).toEqual({ done: 'green', progress: 'blue', attention: 'orange', failed: 'red', closed: 'default' });
  });
});
