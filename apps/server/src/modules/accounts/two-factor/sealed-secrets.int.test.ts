import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  insertUser,
  login,
  loginWithPassword,
  orgByDivision,
  rememberTotpSecret,
  type TestContext,
  totpSecretOf,
} from '../../../../test/harness.js';
import { buildApp } from '../../../app.js';
import { connectDatabase } from '../../../db/client.js';
import { newTotpSecret } from './totp.js';

/** TOTP secrets are sealed at rest with SM4 + HMAC-SM3 (issue #11, ADR 0014). */
describe('sealed TOTP secrets', () => {
  let ctx: TestContext;
  let cityId: string;
  const stored = async (username: string) =>
    (await ctx.database.pool.query('SELECT totp_secret, totp_pending_secret FROM app_user WHERE username = $1', [username])).rows[0] as {
      totp_secret: string | null;
      totp_pending_secret: string | null;
    };

  beforeAll(async () => {
    ctx = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '1000' } });
    cityId = (await orgByDivision(ctx, '440100')).id;
  });
  afterAll(() => ctx.close());

  it('keeps no TOTP secret in clear, pending or enrolled', async () => {
    await insertUser(ctx, 'seal.pending', 'city_admin', cityId);
    const { session } = await loginWithPassword(ctx, 'seal.pending');
    const pending = (await session.request('POST', '/api/auth/two-factor/enrolment')).json().secret as string;
    const row = await stored('seal.pending');
    expect(row.totp_pending_secret).toMatch(/^s1:/);
    expect(row.totp_pending_secret).not.toContain(pending);

    await insertUser(ctx, 'seal.admin', 'city_admin', cityId);
    await login(ctx, 'seal.admin');
    const secret = totpSecretOf(ctx, 'seal.admin') ?? '';
    const enrolled = await stored('seal.admin');
    expect(enrolled.totp_secret).toMatch(/^s1:/);
    expect(enrolled.totp_secret).not.toContain(secret);
    // And it still works: the next login answers a code of that secret.
    await login(ctx, 'seal.admin');
    // A sealed secret copied onto another account does not open there: its context is the account.
    await insertUser(ctx, 'seal.copy', 'city_admin', cityId);
    await ctx.database.pool.query("UPDATE app_user SET totp_secret = $1, totp_enabled_at = now() WHERE username = 'seal.copy'", [
      enrolled.totp_secret,
    ]);
    rememberTotpSecret(ctx, 'seal.copy', secret);
    await expect(login(ctx, 'seal.copy')).rejects.toThrow(/500/);
  });

  it('seals secrets stored in clear at the next start, and the account keeps its second factor', async () => {
    await insertUser(ctx, 'seal.legacy', 'security_analyst', cityId);
    const secret = newTotpSecret();
    await ctx.database.pool.query("UPDATE app_user SET totp_secret = $1, totp_enabled_at = now() WHERE username = 'seal.legacy'", [secret]);
    const db = connectDatabase(ctx.databaseUrl, { max: 2 });
    const restarted = await buildApp({ config: ctx.config, database: db, webDistDir: '/nonexistent' });
    try {
      await restarted.ready();
      const row = await stored('seal.legacy');
      expect(row.totp_secret).toMatch(/^s1:/);
      expect(row.totp_secret).not.toContain(secret);
      rememberTotpSecret(ctx, 'seal.legacy', secret);
      const session = await login(ctx, 'seal.legacy', undefined, restarted);
      expect((await session.request('GET', '/api/auth/me')).json()).toMatchObject({ secondFactorPending: false, twoFactorEnabled: true });
    } finally {
      await restarted.close();
      await db.close();
    }
  });
});
