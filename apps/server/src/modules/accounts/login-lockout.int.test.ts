import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertUser, login, orgByDivision, TEST_PASSWORD, type TestContext } from '../../../test/harness.js';
import { manualClock } from '../../platform/clock.js';

// Issue #11 item 6: no user enumeration through lockout; locks per name and client address, growing
// each time; administrators unlock.
describe('login lockout', () => {
  const clock = manualClock(new Date('2026-03-02T02:00:00Z'));
  let ctx: TestContext;
  let cityId: string;
  beforeAll(async () => {
    ctx = await createTestApp({ clock, env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15', LOGIN_RATE_PER_MINUTE: '1000' } });
    cityId = (await orgByDivision(ctx, '440100')).id;
    await insertUser(ctx, 'lockout.admin', 'city_admin', cityId);
  });
  afterAll(() => ctx.close());

  function attempt(username: string, password: string, remoteAddress = '10.0.0.1') {
    return ctx.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { username, password } });
  }

  /** What an answer reveals: status, code, message and the shape of the details. */
  async function answer(username: string, password: string, remoteAddress?: string) {
    const res = await attempt(username, password, remoteAddress);
    const error = res.json().error;
    return { status: res.statusCode, code: error?.code, message: error?.message, details: Object.keys(error?.details ?? {}) };
  }

  it('answers an unknown name exactly as a real account, before and after the lock', async () => {
    await insertUser(ctx, 'real.person', 'city_analyst', cityId);
    const real: unknown[] = [];
    const ghost: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      real.push(await answer('real.person', 'wrong-password'));
      ghost.push(await answer('no.such.person', 'wrong-password'));
    }
    expect(real).toEqual(ghost);
    expect(real.map((a) => (a as { status: number }).status)).toEqual([401, 401, 423, 423, 423]);
    expect(real[2]).toMatchObject({ code: 'ACCOUNT_LOCKED', details: ['lockedUntil'] });
    // The right password does not get through a lock either, and still answers like an unknown name.
    expect(await answer('real.person', TEST_PASSWORD)).toEqual(await answer('no.such.person', TEST_PASSWORD));
  });

  it('locks the name for one client address only, so nobody can lock the administrator out', async () => {
    for (let i = 0; i < 3; i++) await attempt('lockout.admin', 'guessing', '203.0.113.9');
    expect((await attempt('lockout.admin', TEST_PASSWORD, '203.0.113.9')).statusCode).toBe(423);
    const fromOffice = await attempt('lockout.admin', TEST_PASSWORD, '10.1.1.1');
    expect(fromOffice.statusCode).toBe(200);
    // The account shows that some address is locked out until the lock ends.
    const admin = await login(ctx, 'lockout.admin');
    const list = (await admin.request('GET', '/api/users?q=lockout.admin')).json();
    expect(list.items[0].lockedUntil).toBe(new Date(clock.now().getTime() + 15 * 60_000).toISOString());
    const audit = await ctx.database.pool.query(
      "SELECT action, after->>'clientIp' AS ip FROM audit_log WHERE action = 'auth.lock' AND entity_id = (SELECT id::text FROM app_user WHERE username = 'lockout.admin')",
    );
    expect(audit.rows).toEqual([{ action: 'auth.lock', ip: '203.0.113.9' }]);
  });

  it('makes each further lock of the same name and address last twice as long', async () => {
    await insertUser(ctx, 'slow.down', 'city_analyst', cityId);
    const lengths: number[] = [];
    for (let lock = 0; lock < 3; lock++) {
      let res = await attempt('slow.down', 'x', '198.51.100.7');
      for (let i = 0; i < 2; i++) res = await attempt('slow.down', 'x', '198.51.100.7');
      expect(res.statusCode).toBe(423);
      const until = new Date(res.json().error.details.lockedUntil).getTime();
      lengths.push((until - clock.now().getTime()) / 60_000);
      clock.set(new Date(until + 1));
    }
    expect(lengths).toEqual([15, 30, 60]);
    // A success forgets the pair's history: the next lock is short again.
    expect((await attempt('slow.down', TEST_PASSWORD, '198.51.100.7')).statusCode).toBe(200);
    for (let i = 0; i < 3; i++) await attempt('slow.down', 'x', '198.51.100.7');
    const locked = await attempt('slow.down', TEST_PASSWORD, '198.51.100.7');
    expect(new Date(locked.json().error.details.lockedUntil).getTime() - clock.now().getTime()).toBe(15 * 60_000);
  });

  it('lets an administrator unlock an account from every address, audited', async () => {
    const user = await insertUser(ctx, 'to.unlock', 'city_analyst', cityId);
    for (const address of ['192.0.2.1', '192.0.2.2']) for (let i = 0; i < 3; i++) await attempt('to.unlock', 'x', address);
    expect((await attempt('to.unlock', TEST_PASSWORD, '192.0.2.1')).statusCode).toBe(423);

    const admin = await login(ctx, 'lockout.admin');
    const unlocked = await admin.request('POST', `/api/users/${user.id}/unlock`);
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json()).toMatchObject({ username: 'to.unlock', lockedUntil: null });
    for (const address of ['192.0.2.1', '192.0.2.2']) expect((await attempt('to.unlock', TEST_PASSWORD, address)).statusCode).toBe(200);
    const audit = await ctx.database.pool.query("SELECT actor_name FROM audit_log WHERE action = 'user.unlock' AND entity_id = $1", [
      user.id,
    ]);
    expect(audit.rows).toHaveLength(1);
  });
});
