import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertUser, login, orgByDivision, type Session, sessionOf, type TestContext } from '../../../test/harness.js';
import { buildApp } from '../../app.js';
import { connectDatabase, type Database } from '../../db/client.js';
import { sha256 } from './password.js';

/**
 * Two server instances on one database (issue #11 item 6): a session revoked on A is refused by B at
 * once, although B had it cached. The test waits for B to apply A's notification (LISTEN/NOTIFY),
 * never for the cache window.
 */
describe('session revocation across instances', () => {
  let ctx: TestContext;
  let b: FastifyInstance;
  let bDb: Database;
  let cityId: string;

  beforeAll(async () => {
    ctx = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '1000' } });
    bDb = connectDatabase(ctx.databaseUrl, { max: 2 });
    b = await buildApp({ config: ctx.config, database: bDb, webDistDir: '/nonexistent' });
    await b.ready();
    cityId = (await orgByDivision(ctx, '440100')).id;
    await insertUser(ctx, 'rv.admin', 'city_admin', cityId);
    await insertUser(ctx, 'rv.user', 'city_analyst', cityId);
    await insertUser(ctx, 'rv.other', 'city_analyst', cityId);
  });
  afterAll(async () => {
    await b.close();
    await bDb.close();
    await ctx.close();
  });

  /** The same browser session, sent to instance B. */
  const onB = (session: Session) => sessionOf(b, session.cookie, session.csrf);
  const meOnB = async (session: Session) => (await onB(session).request('GET', '/api/auth/me')).statusCode;

  it('caches sessions only while listening for revocations', () => {
    expect(ctx.app.sessionRevocations.listening).toBe(true);
    expect(b.sessionRevocations.listening).toBe(true);
  });

  it('refuses on B a session logged out on A, at once', async () => {
    const session = await login(ctx, 'rv.user');
    expect(await meOnB(session)).toBe(200); // now cached on B
    const applied = b.sessionRevocations.applied((r) => 'idHash' in r && r.idHash === sha256(session.cookie));
    expect((await session.request('POST', '/api/auth/logout')).statusCode).toBe(200);
    await applied;
    expect(await meOnB(session)).toBe(401);
  });

  it('refuses on B every session of an account disabled, reset or with a changed password on A', async () => {
    const admin = await login(ctx, 'rv.admin');
    const user = (await admin.request('GET', '/api/users?q=rv.other')).json().items[0];
    const revoked = (userId: string) => b.sessionRevocations.applied((r) => 'userId' in r && r.userId === userId);

    let session = await login(ctx, 'rv.other');
    expect(await meOnB(session)).toBe(200);
    let applied = revoked(user.id);
    expect((await admin.request('POST', `/api/users/${user.id}/disable`)).statusCode).toBe(200);
    await applied;
    expect(await meOnB(session)).toBe(401);
    expect((await admin.request('POST', `/api/users/${user.id}/enable`)).statusCode).toBe(200);

    session = await login(ctx, 'rv.other');
    const other = await login(ctx, 'rv.other');
    expect(await meOnB(other)).toBe(200);
    applied = revoked(user.id);
    const changed = await session.request('POST', '/api/auth/password', {
      currentPassword: 'Correct-Horse-9',
      newPassword: 'Kapok-Blossom-Canton-77',
    });
    expect(changed.statusCode).toBe(200);
    await applied;
    expect(await meOnB(other)).toBe(401);
    expect(await meOnB(session)).toBe(200); // the session that changed it stays

    const adminId = (await admin.request('GET', '/api/auth/me')).json().id;
    const adminAgain = await login(ctx, 'rv.admin');
    expect(await meOnB(adminAgain)).toBe(200);
    const adminThird = await login(ctx, 'rv.admin');
    expect(await meOnB(adminThird)).toBe(200);
    // Another city admin resets rv.admin's second factor: every session of rv.admin ends on B too.
    await insertUser(ctx, 'rv.boss', 'city_admin', cityId);
    const boss = await login(ctx, 'rv.boss');
    applied = revoked(adminId);
    expect((await boss.request('POST', `/api/users/${adminId}/reset-two-factor`)).statusCode).toBe(200);
    await applied;
    expect(await meOnB(adminAgain)).toBe(401);
    expect(await meOnB(adminThird)).toBe(401);
  });

  it('refuses on B the sessions of an account whose role a city admin changed on A', async () => {
    await insertUser(ctx, 'rv.moved', 'city_analyst', cityId);
    const admin = await login(ctx, 'rv.admin');
    const moved = (await admin.request('GET', '/api/users?q=rv.moved')).json().items[0];
    const session = await login(ctx, 'rv.moved');
    expect(await meOnB(session)).toBe(200); // cached on B with the old role
    const applied = b.sessionRevocations.applied((r) => 'userId' in r && r.userId === moved.id);
    const res = await admin.request('POST', `/api/users/${moved.id}/role`, { role: 'auditor', orgId: cityId, version: moved.version });
    expect(res.statusCode).toBe(200);
    await applied;
    expect(await meOnB(session)).toBe(401);
  });

  it('stops caching while the listener is down and starts empty after reconnecting', async () => {
    const session = await login(ctx, 'rv.user');
    expect(await meOnB(session)).toBe(200);
    b.sessionRevocations.simulateFailure();
    expect(b.sessionRevocations.listening).toBe(false);
    // Revoked while B cannot hear it: B reads the database instead of its cache.
    await ctx.database.pool.query('DELETE FROM user_session WHERE id_hash = $1', [sha256(session.cookie)]);
    expect(await meOnB(session)).toBe(401);
  });
});
