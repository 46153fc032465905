import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertEnterprise, insertUser, login, orgByDivision, type TestContext } from '../../../test/harness.js';
import { buildApp } from '../../app.js';
import { connectDatabase, type Database } from '../../db/client.js';
import { INVALIDATION_CHANNEL } from './handle.repo.js';
import { createInvalidationListener } from './invalidation.js';

/** Two server instances on one database: a write on one is seen by the other's cache (LISTEN/NOTIFY). */
describe('identifier cache across instances', () => {
  let ctx: TestContext;
  let second: FastifyInstance;
  let secondDb: Database;
  let token: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    secondDb = connectDatabase(ctx.databaseUrl, { max: 2 });
    second = await buildApp({ config: ctx.config, database: secondDb, webDistDir: '/nonexistent' });
    await second.ready();
    const city = await orgByDivision(ctx, '440100');
    const huangpu = await orgByDivision(ctx, '440112');
    const enterpriseId = (await insertEnterprise(ctx, huangpu.id, '黄埔线缆有限公司', '91440112MA59B7XH31')).id;
    await insertUser(ctx, 'c.admin', 'city_admin', city.id);
    const admin = await login(ctx, 'c.admin');
    expect(
      (await admin.request('POST', '/api/identifiers/prefixes', { parent: '88.118', segment: '8', ownerOrgId: enterpriseId })).statusCode,
    ).toBe(201);
    token = (await admin.request('POST', '/api/tokens', { name: 'sync', role: 'enterprise_user', orgId: enterpriseId })).json().token;
  });
  afterAll(async () => {
    await second.close();
    await secondDb.close();
    await ctx.close();
  });

  const urlOn = async (app: FastifyInstance) => {
    const res = await app.inject({ method: 'GET', url: '/api/handles/88.118.8/SHARED-1?index=1' });
    return res.statusCode === 200 ? (res.json().values?.[0]?.data?.value as string) : `HTTP ${res.statusCode}`;
  };
  const putUrl = (app: FastifyInstance, url: string) =>
    app.inject({
      method: 'PUT',
      url: '/api/handles/88.118.8/SHARED-1',
      payload: [{ index: 1, type: 'URL', data: url }],
      headers: { authorization: `Bearer ${token}` },
    });

  /** Waits for a condition driven by a notification from the other instance (bounded, not a fixed sleep). */
  async function eventually(check: () => Promise<boolean>, what: string) {
    for (let i = 0; i < 100; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`not seen within 5 s: ${what}`);
  }

  it('sees a prefix delegated on the other instance', async () => {
    await eventually(
      async () => (await second.inject({ method: 'GET', url: '/api/prefixes' })).json().prefixes.includes('88.118.8'),
      'prefix on the second instance',
    );
  });

  it('drops a cached record on every instance when one instance updates it', async () => {
    // The second instance caches "not found", then the record: both must be invalidated by writes on the first.
    expect(await urlOn(second)).toBe('HTTP 404');
    expect((await putUrl(ctx.app, 'https://example.cn/v1')).statusCode).toBe(201);
    await eventually(async () => (await urlOn(second)) === 'https://example.cn/v1', 'created record on the second instance');
    expect(await urlOn(second)).toBe('https://example.cn/v1');

    expect((await putUrl(ctx.app, 'https://example.cn/v2')).statusCode).toBe(200);
    expect(await urlOn(ctx.app)).toBe('https://example.cn/v2');
    await eventually(async () => (await urlOn(second)) === 'https://example.cn/v2', 'updated record on the second instance');

    expect(
      (await ctx.app.inject({ method: 'DELETE', url: '/api/handles/88.118.8/SHARED-1', headers: { authorization: `Bearer ${token}` } }))
        .statusCode,
    ).toBe(200);
    await eventually(async () => (await urlOn(second)) === 'HTTP 404', 'deletion on the second instance');
  });

  it('writes on the second instance reach the first', async () => {
    expect((await putUrl(second, 'https://example.cn/from-second')).statusCode).toBe(201);
    await eventually(async () => (await urlOn(ctx.app)) === 'https://example.cn/from-second', 'record from the second instance');
  });

  it('reconnects the listener after losing its connection and reports the gap', async () => {
    const payloads: string[] = [];
    let reconnects = 0;
    const listener = createInvalidationListener({
      connection: { connectionString: ctx.databaseUrl },
      onPayload: (p) => payloads.push(p),
      onReconnect: () => reconnects++,
      log: { warn: () => undefined },
    });
    await listener.start();
    const notify = (text: string) => secondDb.pool.query('SELECT pg_notify($1, $2)', [INVALIDATION_CHANNEL, text]);
    await notify('88.118.8/A');
    await eventually(async () => payloads.includes('88.118.8/A'), 'first notification');
    await listener.simulateFailure();
    await eventually(async () => listener.listening && reconnects === 2, 'reconnection');
    await notify('88.118.8/B');
    await eventually(async () => payloads.includes('88.118.8/B'), 'notification after reconnecting');
    await listener.stop();
  });
});
