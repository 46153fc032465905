// Issue #11 item 6: two-factor authentication for administrators. A new city administrator logs in
// with its one-time password, sets a password, lands on the enrolment (it can reach nothing else),
// reads the key for manual entry from the page as an authenticator app would, confirms with a
// code, sees its recovery codes once, and later logs in again with a code and with a recovery code.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openSession, type Session, submitLogin } from './support/browser';
import { apiSession } from './support/reporting';
import { freshCode, rememberSecondFactor, totpCode } from './support/two-factor';

const PASSWORD = 'Baiyun-Mountain-2026!';
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 100 });

describe('two-factor authentication in the console (issue #11 item 6)', () => {
  const baseURL = inject('baseURL');
  const admin = inject('accounts').find((a) => a.role === 'city_admin');
  const username = `gz.admin.${Date.now().toString(36)}`;
  let oneTimePassword = '';
  let secret = '';
  let recoveryCodes: string[] = [];
  let browser: Browser;
  const sessions: Session[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    if (!admin) throw new Error('no demo city_admin');
    // The demo city admin was enrolled at seed time: its API login answers the code from demo-accounts.txt.
    expect(admin.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    const { api, me, headers } = await apiSession(baseURL, admin);
    const created = await api.post('/api/users', {
      headers,
      data: { username, displayName: '市级管理员（双因素测试）', role: 'city_admin', orgId: me.orgId },
    });
    expect(created.status()).toBe(201);
    oneTimePassword = ((await created.json()) as { oneTimePassword: string }).oneTimePassword;
  });

  afterAll(async () => {
    await browser?.close();
    expect(sessions.flatMap((s) => s.contractWarnings)).toEqual([]);
    expect(sessions.flatMap((s) => s.pageErrors)).toEqual([]);
  });

  async function typeCredentials(page: Page, password: string) {
    await page.goto('/login');
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
  }

  it('enrols a new city administrator through the console before anything else', async () => {
    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const { page } = session;
    await typeCredentials(page, oneTimePassword);
    await page.waitForURL('**/change-password');
    await page.getByTestId('current-password').fill(oneTimePassword);
    await page.getByTestId('new-password').fill(PASSWORD);
    await page.getByTestId('confirm-password').fill(PASSWORD);
    await page.getByTestId('password-submit').click();

    // The role requires a second factor: every page leads to the enrolment.
    await page.waitForURL('**/two-factor');
    await page.goto('/system/users');
    await page.waitForURL('**/two-factor');
    await page.getByTestId('two-factor-qr').waitFor();
    secret = ((await page.getByTestId('two-factor-secret').textContent()) ?? '').trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // A wrong code is refused in Chinese; the right one turns it on.
    await page.getByTestId('two-factor-code').fill(totpCode(secret, Date.now() - 10 * 60_000));
    await page.getByTestId('two-factor-confirm').click();
    await eventually(() => page.getByTestId('api-error').first().textContent()).toContain('验证码错误');
    rememberSecondFactor(username, secret);
    await page.getByTestId('two-factor-code').fill(freshCode(username, secret).code);
    await page.getByTestId('two-factor-confirm').click();
    await page.getByTestId('recovery-codes').waitFor();
    recoveryCodes = (await page.getByTestId('recovery-codes').locator('code').allTextContents()).map((c) => c.trim());
    expect(recoveryCodes).toHaveLength(10);
    rememberSecondFactor(username, secret, recoveryCodes);
    await page.getByTestId('two-factor-done').click();
    await page.waitForURL('**/workbench');

    await page.goto('/profile');
    await eventually(() => page.getByTestId('two-factor-state').textContent()).toBe('已启用');
    await expect(page.getByTestId('two-factor-disable').count()).resolves.toBe(0);
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');
  });

  it('logs in again with a code from the enrolled secret, then with a single-use recovery code', async () => {
    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const { page } = session;
    await typeCredentials(page, PASSWORD);
    const code = freshCode(username, secret).code;
    await page.getByTestId('login-code').fill(code);
    await page.getByTestId('login-code-submit').click();
    await page.waitForURL('**/workbench');
    await eventually(() => page.getByTestId('current-user').textContent()).toContain('双因素测试');
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');

    // A code works once (RFC 6238 §5.2): the same code again is refused, in Chinese.
    await typeCredentials(page, PASSWORD);
    await page.getByTestId('login-code').fill(code);
    await page.getByTestId('login-code-submit').click();
    await eventually(() => page.getByTestId('login-error').textContent()).toContain('已使用过');

    await page.getByTestId('login-code-cancel').click();
    await page.getByTestId('login-username').waitFor();
    await typeCredentials(page, PASSWORD);
    await page.getByTestId('login-code').fill(recoveryCodes[0] ?? '');
    await page.getByTestId('login-code-submit').click();
    await page.waitForURL('**/workbench');
    await page.goto('/profile');
    await eventually(() => page.getByTestId('profile-two-factor').textContent()).toContain('9');
  });

  it('shows the second factor in user administration with a reset action', async () => {
    if (!admin) throw new Error('no demo city_admin');
    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const { page } = session;
    await page.goto('/login');
    await submitLogin(page, admin.username, admin.password);
    await page.waitForURL('**/workbench');
    await page.goto('/system/users');
    await eventually(() => page.getByTestId(`two-factor-${username}`).textContent()).toBe('已启用');
    await expect(page.getByTestId(`reset-two-factor-${username}`).count()).resolves.toBe(1);
  });
});
