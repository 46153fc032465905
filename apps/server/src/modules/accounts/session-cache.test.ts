import { describe, expect, it } from 'vitest';
import { type CachedSession, createSessionCache } from './session-cache.js';

const entry = (userId: string, cachedUntil: number, sessionExpiresAt = cachedUntil + 1000) =>
  ({ userId, cachedUntil, sessionExpiresAt, mustChangePassword: false, csrfToken: 'c' }) as unknown as CachedSession;

describe('session cache', () => {
  it('serves an entry until its TTL or the session expiry', () => {
    const cache = createSessionCache(5000, 100, true);
    cache.set('a', entry('u1', 100));
    expect(cache.get('a', 99)).not.toBeNull();
    expect(cache.get('a', 100)).toBeNull();
    cache.set('b', entry('u1', 500, 200));
    expect(cache.get('b', 250)).toBeNull();
  });

  it('forgets every session of a changed user at once', () => {
    const cache = createSessionCache(5000, 100, true);
    cache.set('a', entry('u1', 1000));
    cache.set('b', entry('u1', 1000));
    cache.set('c', entry('u2', 1000));
    cache.deleteUser('u1');
    expect(cache.get('a', 0)).toBeNull();
    expect(cache.get('b', 0)).toBeNull();
    expect(cache.get('c', 0)).not.toBeNull();
  });

  it('keeps and serves nothing while switched off, as when no revocations can be heard (#11 item 6)', () => {
    const cache = createSessionCache();
    cache.set('a', entry('u1', 1000));
    expect(cache.get('a', 0)).toBeNull();
    cache.setEnabled(true);
    cache.set('a', entry('u1', 1000));
    expect(cache.get('a', 0)).not.toBeNull();
    cache.setEnabled(false);
    cache.setEnabled(true);
    expect(cache.get('a', 0)).toBeNull();
  });
});
