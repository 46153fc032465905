// Issue #2 "Use the console": log in, create a district officer, forced password change,
// district-scoped organisation tree, language switch that survives a reload.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeOneTimeSecret, launchChromium, openSession, pickOption, type Session, submitLogin } from './support/browser';

const SCREENSHOTS = join(import.meta.dirname, 'screenshots');
const NEW_PASSWORD = 'Tianhe-e2e-2025!';

/** Retries an assertion for up to 15 s (the UI answers asynchronously). */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 100 });

describe('foundation console (issue #2)', () => {
  const baseURL = inject('baseURL');
  const accounts = inject('accounts');
  const admin = accounts.find((a) => a.role === 'city_admin');
  const officerName = `tianhe.e2e${Date.now().toString(36)}`;
  let officerOneTimePassword = '';
  let browser: Browser;
  const sessions: Session[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    // Every response the console read matched the contracts (the console logs mismatches).
    expect(sessions.flatMap((s) => s.contractWarnings)).toEqual([]);
    expect(sessions.flatMap((s) => s.pageErrors)).toEqual([]);
  });

  it('has a demo city administrator', () => {
    expect(admin, `demo accounts: ${accounts.map((a) => a.role).join(', ')}`).toBeDefined();
  });

  it('lets the city administrator create a district officer for 天河区 and shows the one-time password', async () => {
    if (!admin) throw new Error('no demo city_admin');
    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const { page } = session;

    await page.goto('/');
    await page.waitForURL('**/login');
    // A wrong password gives the localised INVALID_CREDENTIALS message.
    await submitLogin(page, admin.username, 'not-the-password');
    await eventually(() => page.getByTestId('api-error').textContent()).toContain('用户名或密码错误');

    // Demo accounts are not forced to change their password: straight into the console.
    await submitLogin(page, admin.username, admin.password);
    // Every role lands on 工作台 (issue #12 item 1).
    await page.waitForURL('**/workbench');
    await eventually(() => page.getByTestId('current-user').textContent()).toContain('广州市');

    await page.getByRole('menuitem', { name: '用户管理' }).click();
    await page.waitForURL('**/system/users');
    await page.getByTestId('users-table').getByText(admin.username).first().waitFor();

    await page.getByTestId('user-create').click();
    const drawer = page.getByTestId('user-create-drawer');
    await drawer.getByTestId('user-username').fill(officerName);
    await drawer.getByTestId('user-displayName').fill('天河区专员（端到端测试）');
    await pickOption(page, 'user-role', '区级专员');
    await pickOption(page, 'user-org', '天河区', '天河');
    await drawer.getByTestId('user-email').fill(`${officerName}@example.cn`);
    await page.getByTestId('user-create-submit').click();

    const secret = page.getByTestId('one-time-secret');
    await secret.waitFor();
    officerOneTimePassword = (await secret.textContent())?.trim() ?? '';
    expect(officerOneTimePassword.length).toBeGreaterThanOrEqual(10);
    expect(await page.getByRole('dialog', { name: '一次性密码' }).textContent()).toContain('只显示这一次');
    await closeOneTimeSecret(page);

    const row = page.getByRole('row', { name: new RegExp(officerName) });
    await row.waitFor();
    expect(await row.textContent()).toContain('区级专员');
    expect(await row.textContent()).toContain('天河区');

    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'users.png') });

    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');
    await session.context.close();
  });

  it('forces the new officer to change the one-time password, then shows only 天河区 in the tree', async () => {
    expect(officerOneTimePassword, 'the previous test created the officer').not.toBe('');
    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const { page } = session;

    await page.goto('/login');
    await submitLogin(page, officerName, officerOneTimePassword);
    await page.waitForURL('**/change-password');
    // Any other console route leads back to the password change while it is pending.
    await page.evaluate(() => {
      history.pushState({}, '', '/system/users');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await page.waitForURL('**/change-password');

    await page.getByTestId('current-password').fill(officerOneTimePassword);
    await page.getByTestId('new-password').fill('short');
    await eventually(() => page.getByTestId('password-form').textContent()).toContain('密码至少 12 位');
    await page.getByTestId('new-password').fill(NEW_PASSWORD);
    await page.getByTestId('confirm-password').fill(NEW_PASSWORD);
    await page.getByTestId('password-submit').click();
    await page.waitForURL('**/workbench');
    await page.goto('/system/organisations');

    const tree = page.getByTestId('org-tree');
    await tree.getByText('天河区').first().waitFor();
    const districts = await tree.locator('[data-kind="district"]').allTextContents();
    expect(districts.map((d) => d.replace(/区级$/, ''))).toEqual(['天河区']);
    const treeText = (await tree.textContent()) ?? '';
    // The district's enterprises are listed under it (demo data has several in 天河区).
    expect(await tree.locator('[data-kind="enterprise"]').count()).toBeGreaterThan(0);
    for (const other of ['越秀区', '黄埔区', '海珠区', '荔湾区', '番禺区']) expect(treeText).not.toContain(other);

    // A district officer sees no audit log.
    expect(await page.getByRole('menuitem', { name: '审计日志' }).count()).toBe(0);
  });

  it('switches to English and keeps it after a reload', async () => {
    const session = sessions.at(-1);
    if (!session) throw new Error('no officer session');
    const { page } = session;

    await page.getByTestId('locale-switch').click();
    await page.getByTestId('locale-en-US').click();
    await page.getByRole('menuitem', { name: 'Organisations' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Users' }).count()).toBe(1);
    expect(await page.getByRole('menuitem', { name: 'API tokens' }).count()).toBe(1);

    // Saved to the profile, not only to this browser.
    await eventually(async () => (await page.request.get('/api/auth/me')).json().then((me: { locale: string }) => me.locale)).toBe('en-US');

    await page.reload();
    await page.getByRole('menuitem', { name: 'Organisations' }).waitFor();
    expect(await page.getByRole('menuitem', { name: '组织机构' }).count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('suilian.locale'))).toBe('en-US');
    await session.context.close();
  });
});
