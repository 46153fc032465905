import { CSRF_HEADER, SESSION_COOKIE } from '@suilian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertUser, login, orgByDivision, TEST_PASSWORD, type TestContext } from '../../../test/harness.js';

// Issue #2 items 2 and 3: login, sessions, CSRF, lockout, forced password change, API tokens.
describe('authentication', () => {
  let ctx: TestContext;
  let cityId: string;
  beforeAll(async () => {
    ctx = await createTestApp({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_RATE_PER_MINUTE: '1000' } });
    cityId = (await orgByDivision(ctx, '440100')).id;
    await insertUser(ctx, 'auth.admin', 'city_admin', cityId);
  });
  afterAll(() => ctx.close());

  it('logs in with a session cookie and answers /me', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'auth.admin', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { [SESSION_COOKIE]: cookie?.value ?? '' } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: 'auth.admin', role: 'city_admin', orgId: cityId, via: 'session' });
    expect(me.json().permissions).toContain('audit:read');
  });

  it('refuses wrong passwords and unknown users alike', async () => {
    const wrong = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'auth.admin', password: 'nope' } });
    const unknown = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ghost', password: 'nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
    // one failure is reset by the successful login below
    await login(ctx, 'auth.admin');
  });

  it('refuses cookie writes without the CSRF token', async () => {
    const session = await login(ctx, 'auth.admin');
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/users',
      cookies: { [SESSION_COOKIE]: session.cookie },
      payload: { username: 'csrf.victim', displayName: 'x', role: 'city_analyst', orgId: cityId },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_TOKEN_INVALID');
    const wrongToken = await ctx.app.inject({
      method: 'POST',
      url: '/api/users',
      cookies: { [SESSION_COOKIE]: session.cookie },
      headers: { [CSRF_HEADER]: 'x'.repeat(session.csrf.length) },
      payload: { username: 'csrf.victim', displayName: 'x', role: 'city_analyst', orgId: cityId },
    });
    expect(wrongToken.statusCode).toBe(403);
    const list = await session.request('GET', '/api/users?q=csrf.victim');
    expect(list.json().total).toBe(0);
  });

  it('locks an account after repeated failures, even for the right password', async () => {
    await insertUser(ctx, 'lock.me', 'city_analyst', cityId);
    for (let i = 0; i < 2; i++) {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lock.me', password: 'bad' } });
      expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
    }
    const third = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lock.me', password: 'bad' } });
    expect(third.statusCode).toBe(423);
    expect(third.json().error.code).toBe('ACCOUNT_LOCKED');
    const right = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'lock.me', password: TEST_PASSWORD },
    });
    expect(right.json().error.code).toBe('ACCOUNT_LOCKED');
  });

  it('forces a password change before anything else, then lets the user in', async () => {
    const admin = await login(ctx, 'auth.admin');
    const created = await admin.request('POST', '/api/users', {
      username: 'new.analyst',
      displayName: '新分析员',
      role: 'city_analyst',
      orgId: cityId,
    });
    expect(created.statusCode).toBe(201);
    const otp = created.json().oneTimePassword as string;
    const fresh = await login(ctx, 'new.analyst', otp);
    const me = await fresh.request('GET', '/api/auth/me');
    expect(me.json().mustChangePassword).toBe(true);
    const blocked = await fresh.request('GET', '/api/organisations');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await fresh.request('POST', '/api/auth/password', { currentPassword: otp, newPassword: 'short' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error).toMatchObject({ code: 'PASSWORD_POLICY', details: { issues: [{ field: 'newPassword', rule: 'length' }] } });
    const changed = await fresh.request('POST', '/api/auth/password', { currentPassword: otp, newPassword: 'Guangzhou-2027!' });
    expect(changed.statusCode).toBe(200);
    const now = await fresh.request('GET', '/api/organisations');
    expect(now.statusCode).toBe(200);
    await expect(login(ctx, 'new.analyst', otp)).rejects.toThrow(/401/);
    await login(ctx, 'new.analyst', 'Guangzhou-2027!');
  });

  it('ends sessions on logout, disable and password reset', async () => {
    const admin = await login(ctx, 'auth.admin');
    const user = await insertUser(ctx, 'end.sessions', 'city_analyst', cityId);
    const s1 = await login(ctx, 'end.sessions');
    expect((await s1.request('POST', '/api/auth/logout')).statusCode).toBe(200);
    expect((await s1.request('GET', '/api/auth/me')).statusCode).toBe(401);

    const s2 = await login(ctx, 'end.sessions');
    expect((await admin.request('POST', `/api/users/${user.id}/disable`)).json().status).toBe('disabled');
    expect((await s2.request('GET', '/api/auth/me')).statusCode).toBe(401);
    const disabledLogin = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'end.sessions', password: TEST_PASSWORD },
    });
    expect(disabledLogin.json().error.code).toBe('ACCOUNT_DISABLED');

    await admin.request('POST', `/api/users/${user.id}/enable`);
    const s3 = await login(ctx, 'end.sessions');
    const reset = await admin.request('POST', `/api/users/${user.id}/reset-password`);
    expect(reset.json().user.mustChangePassword).toBe(true);
    expect((await s3.request('GET', '/api/auth/me')).statusCode).toBe(401);
    await login(ctx, 'end.sessions', reset.json().oneTimePassword);
  });

  it('refuses to let an admin disable their own account', async () => {
    const admin = await login(ctx, 'auth.admin');
    const me = (await admin.request('GET', '/api/auth/me')).json();
    const res = await admin.request('POST', `/api/users/${me.id}/disable`);
    expect(res.statusCode).toBe(409);
  });

  it('updates the profile with a version check and persists the locale', async () => {
    const session = await login(ctx, 'auth.admin');
    const me = (await session.request('GET', '/api/auth/me')).json();
    const ok = await session.request('PATCH', '/api/auth/me', { version: me.version, locale: 'en-US' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().locale).toBe('en-US');
    const stale = await session.request('PATCH', '/api/auth/me', { version: me.version, displayName: 'late edit' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    expect((await session.request('GET', '/api/auth/me')).json()).toMatchObject({ locale: 'en-US', displayName: 'auth.admin' });
  });

  it('issues API tokens that authenticate as their organisation and role, stored hashed, revocable', async () => {
    const admin = await login(ctx, 'auth.admin');
    const huangpu = await orgByDivision(ctx, '440112');
    const created = await admin.request('POST', '/api/tokens', { name: 'reporting-feed', role: 'district_officer', orgId: huangpu.id });
    expect(created.statusCode).toBe(201);
    const { token, apiToken } = created.json();
    expect(token).toMatch(/^slt_/);
    const stored = await ctx.database.pool.query('SELECT token_hash FROM api_token WHERE id = $1', [apiToken.id]);
    expect(stored.rows[0].token_hash).not.toContain(token.slice(4));
    expect(stored.rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);

    const bearer = { authorization: `Bearer ${token}` };
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect(me.json()).toMatchObject({ role: 'district_officer', orgId: huangpu.id, orgName: '黄埔区', orgKind: 'district', via: 'token' });
    const tree = await ctx.app.inject({ method: 'GET', url: '/api/organisations/tree', headers: bearer });
    expect(tree.json().map((n: { name: string }) => n.name)).toEqual(['黄埔区']);
    // Tokens need no CSRF header but cannot mint more tokens.
    const mint = await ctx.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: bearer,
      payload: { name: 'x', role: 'enterprise_user', orgId: huangpu.id },
    });
    expect(mint.statusCode).toBe(403);

    const listed = await admin.request('GET', '/api/tokens');
    expect(listed.json().items.map((t: { id: string }) => t.id)).toContain(apiToken.id);
    expect(JSON.stringify(listed.json())).not.toContain(token);
    expect((await admin.request('POST', `/api/tokens/${apiToken.id}/revoke`)).statusCode).toBe(200);
    const after = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect(after.statusCode).toBe(401);
  });

  it('refuses a token for a role that does not belong to the organisation kind', async () => {
    const admin = await login(ctx, 'auth.admin');
    const res = await admin.request('POST', '/api/tokens', { name: 'bad', role: 'enterprise_user', orgId: cityId });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'ROLE_ORG_MISMATCH', details: { issues: [{ field: 'orgId' }] } });
  });
});

describe('login rate limiting', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '3' } });
  });
  afterAll(() => ctx.close());

  it('answers 429 with the envelope past the per-minute budget', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' } });
      codes.push(res.statusCode);
      if (res.statusCode === 429) expect(res.json().error.code).toBe('RATE_LIMITED');
    }
    expect(codes).toEqual([401, 401, 401, 429, 429]);
  });
});

describe('console pages during a forced password change', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
    const city = await orgByDivision(ctx, '440100');
    await insertUser(ctx, 'pending.user', 'city_analyst', city.id, { mustChangePassword: true });
  });
  afterAll(() => ctx.close());

  it('still serves the console (the API alone enforces the change)', async () => {
    const session = await login(ctx, 'pending.user');
    const page = await ctx.app.inject({ method: 'GET', url: '/change-password', cookies: { [SESSION_COOKIE]: session.cookie } });
    expect(page.statusCode).not.toBe(403);
    const api = await session.request('GET', '/api/organisations');
    expect(api.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });
});
