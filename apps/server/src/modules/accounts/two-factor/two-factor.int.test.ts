import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  insertUser,
  login,
  loginWithPassword,
  orgByDivision,
  rememberTotpSecret,
  type Session,
  type TestContext,
  totpSecretOf,
  unusedTotpCode,
} from '../../../../test/harness.js';
import { totpCodeAt } from './totp.js';

/** Two-factor authentication for administrators (issue #11 item 6). */
describe('two-factor authentication', () => {
  let ctx: TestContext;
  let cityId: string;
  const now = () => Date.now();
  const actions = async (username: string) =>
    (
      await ctx.database.pool.query(
        'SELECT action FROM audit_log a JOIN app_user u ON u.id::text = a.entity_id WHERE u.username = $1 ORDER BY seq',
        [username],
      )
    ).rows.map((r) => r.action as string);

  beforeAll(async () => {
    ctx = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '1000' } });
    cityId = (await orgByDivision(ctx, '440100')).id;
    await insertUser(ctx, 'tf.boss', 'city_admin', cityId);
  });
  afterAll(() => ctx.close());

  /** Enrols through the API as a person would; returns the secret and the recovery codes. */
  async function enrol(session: Session) {
    const started = await session.request('POST', '/api/auth/two-factor/enrolment');
    expect(started.statusCode).toBe(200);
    const { secret, otpauthUri, qrDataUrl } = started.json();
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const wrong = await session.request('POST', '/api/auth/two-factor/enrolment/confirm', {
      code: totpCodeAt(secret, now() - 5 * 60_000),
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_SECOND_FACTOR');
    const confirmed = await session.request('POST', '/api/auth/two-factor/enrolment/confirm', { code: totpCodeAt(secret, now()) });
    expect(confirmed.statusCode).toBe(200);
    return { secret: secret as string, recoveryCodes: confirmed.json().recoveryCodes as string[] };
  }

  it('lets a city admin without a second factor reach only the enrolment, then enrols with a code', async () => {
    await insertUser(ctx, 'tf.enrol', 'city_admin', cityId);
    const { session, me } = await loginWithPassword(ctx, 'tf.enrol');
    expect(me).toMatchObject({ twoFactorRequired: true, twoFactorEnabled: false, secondFactorPending: false });
    const blocked = await session.request('GET', '/api/users');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('TWO_FACTOR_ENROLMENT_REQUIRED');
    expect((await session.request('GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await session.request('GET', '/api/auth/two-factor')).json()).toMatchObject({ enabled: false, required: true });

    const { recoveryCodes } = await enrol(session);
    expect(recoveryCodes).toHaveLength(10);
    expect((await session.request('GET', '/api/users')).statusCode).toBe(200);
    expect((await session.request('GET', '/api/auth/two-factor')).json()).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    // The secret and the codes are never stored or shown in clear afterwards.
    const stored = await ctx.database.pool.query(
      "SELECT c.code_hash FROM recovery_code c JOIN app_user u ON u.id = c.user_id WHERE u.username = 'tf.enrol'",
    );
    expect(stored.rows.map((r) => r.code_hash)).not.toContain(recoveryCodes[0]);
    expect(JSON.stringify((await session.request('GET', '/api/auth/me')).json())).not.toMatch(/secret/i);
    expect(await actions('tf.enrol')).toContain('auth.two_factor_enrol');
  });

  it('keeps a login pending until the code, refusing wrong codes and locking after five', async () => {
    await insertUser(ctx, 'tf.login', 'security_analyst', cityId);
    const { secret } = await enrol((await loginWithPassword(ctx, 'tf.login')).session);

    const { session, me } = await loginWithPassword(ctx, 'tf.login');
    expect(me).toMatchObject({ secondFactorPending: true, twoFactorEnabled: true });
    const pending = await session.request('GET', '/api/security/vulnerabilities');
    expect(pending.statusCode).toBe(403);
    expect(pending.json().error.code).toBe('SECOND_FACTOR_REQUIRED');
    expect((await session.request('GET', '/api/auth/me')).json().secondFactorPending).toBe(true);

    const wrongCode = totpCodeAt(secret, now() + 10 * 60_000);
    for (let i = 0; i < 4; i++) {
      const wrong = await session.request('POST', '/api/auth/second-factor', { code: wrongCode });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().error.code).toBe('INVALID_SECOND_FACTOR');
    }
    const locked = await session.request('POST', '/api/auth/second-factor', { code: wrongCode });
    expect(locked.statusCode).toBe(423);
    // Locked: even the right code waits, from any address (failures are counted per account).
    const right = await session.request('POST', '/api/auth/second-factor', { code: totpCodeAt(secret, now()) });
    expect(right.statusCode).toBe(423);
    expect(await actions('tf.login')).toEqual(expect.arrayContaining(['auth.second_factor_failed', 'auth.second_factor_lock']));

    // An administrator's unlock lifts the code lock too.
    const boss = await login(ctx, 'tf.boss');
    const target = (await boss.request('GET', '/api/users?q=tf.login')).json().items[0];
    expect((await boss.request('POST', `/api/users/${target.id}/unlock`)).statusCode).toBe(200);
    // The enrolment's code is used up (replays are refused): the next unused step answers.
    const verified = await session.request('POST', '/api/auth/second-factor', { code: await unusedTotpCode(ctx, 'tf.login', secret) });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({ secondFactorPending: false, username: 'tf.login' });
    expect((await session.request('GET', '/api/security/vulnerabilities')).statusCode).toBe(200);
    const again = await session.request('POST', '/api/auth/second-factor', { code: totpCodeAt(secret, now()) });
    expect(again.json().error.details.reason.code).toBe('two_factor.not_pending');
  });

  it('accepts each recovery code once, and regenerates them only with the password', async () => {
    await insertUser(ctx, 'tf.recover', 'city_admin', cityId);
    const first = (await loginWithPassword(ctx, 'tf.recover')).session;
    const { secret, recoveryCodes } = await enrol(first);
    const [code = '', second = ''] = recoveryCodes;

    const a = (await loginWithPassword(ctx, 'tf.recover')).session;
    expect((await a.request('POST', '/api/auth/second-factor', { code: code.toUpperCase() })).statusCode).toBe(200);
    const b = (await loginWithPassword(ctx, 'tf.recover')).session;
    const reused = await b.request('POST', '/api/auth/second-factor', { code });
    expect(reused.statusCode).toBe(401);
    expect((await a.request('GET', '/api/auth/two-factor')).json().recoveryCodesLeft).toBe(9);
    expect(await actions('tf.recover')).toContain('auth.recovery_code_used');

    const refused = await a.request('POST', '/api/auth/two-factor/recovery-codes', { password: 'not-the-password' });
    expect(refused.statusCode).toBe(401);
    const fresh = await a.request('POST', '/api/auth/two-factor/recovery-codes', { password: 'Correct-Horse-9' });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().recoveryCodes).toHaveLength(10);
    expect((await b.request('POST', '/api/auth/second-factor', { code: second })).statusCode).toBe(401);
    expect((await b.request('POST', '/api/auth/second-factor', { code: fresh.json().recoveryCodes[0] })).statusCode).toBe(200);

    // The role requires the second factor: it cannot be turned off by its owner.
    const off = await a.request('POST', '/api/auth/two-factor/disable', { password: 'Correct-Horse-9' });
    expect(off.statusCode).toBe(403);
    expect(off.json().error.details.reason.code).toBe('two_factor.required_by_role');
    rememberTotpSecret(ctx, 'tf.recover', secret);
  });

  it('lets a role that does not require it enrol and turn it off again', async () => {
    await insertUser(ctx, 'tf.optional', 'city_analyst', cityId);
    const session = await login(ctx, 'tf.optional');
    expect((await session.request('GET', '/api/auth/me')).json()).toMatchObject({ twoFactorRequired: false, twoFactorEnabled: false });
    await enrol(session);
    const off = await session.request('POST', '/api/auth/two-factor/disable', { password: 'Correct-Horse-9' });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ enabled: false });
    expect((await loginWithPassword(ctx, 'tf.optional')).me.secondFactorPending).toBe(false);
    expect(await actions('tf.optional')).toEqual(expect.arrayContaining(['auth.two_factor_enrol', 'auth.two_factor_disable']));
  });

  it('lets an administrator reset an account’s second factor, audited, ending its sessions', async () => {
    await insertUser(ctx, 'tf.lost', 'security_analyst', cityId);
    const victim = await login(ctx, 'tf.lost');
    expect(totpSecretOf(ctx, 'tf.lost')).toBeDefined();
    const boss = await login(ctx, 'tf.boss');
    const target = (await boss.request('GET', '/api/users?q=tf.lost')).json().items[0];
    expect(target.twoFactorEnabled).toBe(true);
    const reset = await boss.request('POST', `/api/users/${target.id}/reset-two-factor`);
    expect(reset.statusCode).toBe(200);
    expect(reset.json().twoFactorEnabled).toBe(false);
    expect((await victim.request('GET', '/api/auth/me')).statusCode).toBe(401);
    const count = await ctx.database.pool.query('SELECT count(*)::int AS n FROM recovery_code WHERE user_id = $1', [target.id]);
    expect(count.rows[0].n).toBe(0);
    expect(await actions('tf.lost')).toContain('user.two_factor_reset');
    // The next login must enrol again.
    const { me } = await loginWithPassword(ctx, 'tf.lost');
    expect(me).toMatchObject({ secondFactorPending: false, twoFactorEnabled: false, twoFactorRequired: true });
  });
});
