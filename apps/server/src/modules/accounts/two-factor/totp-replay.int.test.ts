import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertUser, login, loginWithPassword, orgByDivision, type TestContext } from '../../../../test/harness.js';
import { manualClock } from '../../../platform/clock.js';
import { totpCodeOfStep, totpStepAt } from './totp.js';

/**
 * A TOTP code works once (issue #11, RFC 6238 §5.2): after a successful validation, no code of the
 * same or an earlier time step is accepted. The app's clock is fixed, so every step is known.
 */
describe('TOTP replay protection', () => {
  const clock = manualClock(new Date('2026-03-02T02:00:10Z'));
  let ctx: TestContext;
  let secret = '';
  let step = 0;
  const secondFactor = async (code: string) => {
    const { session } = await loginWithPassword(ctx, 'replay.admin');
    return session.request('POST', '/api/auth/second-factor', { code });
  };
  const reasonOf = (res: { json(): { error?: { details?: { reason?: { code: string } } } } }) => res.json().error?.details?.reason?.code;

  beforeAll(async () => {
    ctx = await createTestApp({ clock, env: { LOGIN_RATE_PER_MINUTE: '1000' } });
    const cityId = (await orgByDivision(ctx, '440100')).id;
    await insertUser(ctx, 'replay.admin', 'city_admin', cityId);
    const { session } = await loginWithPassword(ctx, 'replay.admin');
    secret = (await session.request('POST', '/api/auth/two-factor/enrolment')).json().secret;
    step = totpStepAt(clock.now().getTime());
    const confirmed = await session.request('POST', '/api/auth/two-factor/enrolment/confirm', { code: totpCodeOfStep(secret, step) });
    expect(confirmed.statusCode).toBe(200);
  });
  afterAll(() => ctx.close());

  it('refuses the enrolment’s own code at the next login, then takes the next step’s code once', async () => {
    const replayed = await secondFactor(totpCodeOfStep(secret, step));
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json().error.code).toBe('INVALID_SECOND_FACTOR');
    expect(reasonOf(replayed)).toBe('two_factor.code_reused');

    const next = totpCodeOfStep(secret, step + 1);
    expect((await secondFactor(next)).statusCode).toBe(200);
    const again = await secondFactor(next);
    expect(again.statusCode).toBe(401);
    expect(reasonOf(again)).toBe('two_factor.code_reused');
    // An earlier step still inside the window is no better than the same one.
    expect(reasonOf(await secondFactor(totpCodeOfStep(secret, step - 1)))).toBe('two_factor.code_reused');
    const stored = await ctx.database.pool.query("SELECT totp_last_step FROM app_user WHERE username = 'replay.admin'");
    expect(stored.rows[0].totp_last_step).toBe(step + 1);
  });

  it('counts a replayed code as a failed attempt, audited as reused', async () => {
    const attempts = await ctx.database.pool.query("SELECT failures FROM login_attempt WHERE username = 'replay.admin'");
    // The success in between cleared the count: the two replays after it are counted.
    expect(attempts.rows[0].failures).toBe(2);
    const audited = await ctx.database.pool.query(
      "SELECT after FROM audit_log WHERE action = 'auth.second_factor_failed' ORDER BY seq DESC LIMIT 1",
    );
    expect(audited.rows[0].after).toMatchObject({ reused: true, failures: 2 });
  });

  it('lets exactly one of two concurrent logins with the same code in', async () => {
    clock.advance(90_000);
    const fresh = totpCodeOfStep(secret, totpStepAt(clock.now().getTime()));
    const [a, b] = await Promise.all([loginWithPassword(ctx, 'replay.admin'), loginWithPassword(ctx, 'replay.admin')]);
    const answers = await Promise.all([a, b].map(({ session }) => session.request('POST', '/api/auth/second-factor', { code: fresh })));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 401]);
    expect(answers.map(reasonOf).filter(Boolean)).toEqual(['two_factor.code_reused']);
  });

  it('lets the test helper log in many times within one time step, without waiting (next step, then recovery codes)', async () => {
    // The helper only knows accounts it enrolled: a second administrator enrols through it.
    await insertUser(ctx, 'replay.helper', 'city_admin', (await orgByDivision(ctx, '440100')).id);
    for (let i = 0; i < 15; i++) {
      const logged = await login(ctx, 'replay.helper');
      expect((await logged.request('GET', '/api/auth/me')).json().secondFactorPending).toBe(false);
    }
  });
});
