import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertUser, login, orgByDivision, TEST_PASSWORD, type TestContext } from '../../../test/harness.js';

// Issue #11 item 6: 12 characters, no common password (dressed up or not), not the username.
describe('password policy on a password change', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
    await insertUser(ctx, 'wang.lei', 'city_analyst', (await orgByDivision(ctx, '440100')).id);
  });
  afterAll(() => ctx.close());

  it('refuses each weak password naming the field and the rule, and accepts a good one', async () => {
    const session = await login(ctx, 'wang.lei');
    const refusals: Record<string, string> = {
      'Password123!': 'common',
      'Admin@123456': 'common',
      'P@ssw0rd2026': 'common',
      'Gz-2027!abc': 'length',
      'My-Wang.Lei-2027': 'username',
    };
    for (const [newPassword, rule] of Object.entries(refusals)) {
      const res = await session.request('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword });
      expect(res.statusCode, newPassword).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'PASSWORD_POLICY', details: { issues: [{ field: 'newPassword', rule }] } });
    }
    const ok = await session.request('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Baiyun-Airport-2027' });
    expect(ok.statusCode).toBe(200);
  });

  it('gives one-time passwords that pass the policy', async () => {
    const admin = await insertUser(ctx, 'policy.admin', 'city_admin', (await orgByDivision(ctx, '440100')).id);
    const session = await login(ctx, 'policy.admin');
    const reset = await session.request('POST', `/api/users/${admin.id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    const otp = reset.json().oneTimePassword as string;
    expect(otp.length).toBeGreaterThanOrEqual(12);
    const fresh = await login(ctx, 'policy.admin', otp);
    expect(
      (await fresh.request('POST', '/api/auth/password', { currentPassword: otp, newPassword: 'Pearl-River-Tower-88' })).statusCode,
    ).toBe(200);
  });
});
