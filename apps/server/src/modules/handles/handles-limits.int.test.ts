import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertUser, login, orgByDivision, type TestContext } from '../../../test/harness.js';
import { manualClock } from '../../platform/clock.js';

/** Anonymous resolution is limited per client address and minute; token holders are not. */
describe('identifier resolution rate limit', () => {
  let ctx: TestContext;
  const clock = manualClock(new Date('2026-11-26T02:00:10Z'));
  let token: string;

  beforeAll(async () => {
    ctx = await createTestApp({ clock, env: { HANDLE_RESOLVE_RATE_PER_MINUTE: '3' } });
    const city = await orgByDivision(ctx, '440100');
    await insertUser(ctx, 'l.admin', 'city_admin', city.id);
    const admin = await login(ctx, 'l.admin');
    token = (await admin.request('POST', '/api/tokens', { name: 'ops', role: 'city_admin', orgId: city.id })).json().token;
    const put = await ctx.app.inject({
      method: 'PUT',
      url: '/api/handles/88.118/LIMIT-1',
      payload: [{ index: 1, type: 'URL', data: 'https://example.cn/l' }],
      headers: { authorization: `Bearer ${token}` },
    });
    expect(put.statusCode, put.body).toBe(201);
  });
  afterAll(() => ctx.close());

  it('answers 429 with Handle code 3 and Retry-After past the limit, and again after the minute', async () => {
    const get = (headers: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url: '/api/handles/88.118/LIMIT-1', headers });
    for (let i = 0; i < 3; i++) expect((await get()).statusCode).toBe(200);
    const limited = await get();
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ responseCode: 3, handle: '88.118/LIMIT-1' });
    expect(limited.headers['retry-after']).toBe('50');
    expect((await get({ authorization: `Bearer ${token}` })).statusCode).toBe(200);
    clock.advance(60_000);
    expect((await get()).statusCode).toBe(200);
  });
});
