// The city administrator's everyday console work: organisations (credit code rule, stale edits),
// API tokens shown once and revoked, the audit log rendered as text and its hash chain verified.
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar } from '@suilian/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeOneTimeSecret, launchChromium, openSession, pickOption, type Session, submitLogin } from './support/browser';

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 100 });

/** A valid GB 32100-2015 code for a Tianhe (440106) enterprise, unique per run. */
function tianheCreditCode(): string {
  const stamp = Date.now().toString(31).toUpperCase().slice(-9).padStart(9, '0');
  const body = [...stamp].map((c) => CREDIT_CODE_ALPHABET.charAt(Number.parseInt(c, 31))).join('');
  const first17 = `91440106${body}`;
  return first17 + creditCodeCheckChar(first17);
}

describe('console as the city administrator', () => {
  const baseURL = inject('baseURL');
  const admin = inject('accounts').find((a) => a.role === 'city_admin');
  const run = Date.now().toString(36);
  const orgName = `广州天河<b>端到端</b>测试${run}有限公司`;
  const tokenName = `端到端-数据对接-${run}`;
  let browser: Browser;
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    if (!admin) throw new Error('no demo city_admin');
    browser = await launchChromium();
    session = await openSession(browser, baseURL);
    page = session.page;
    await page.goto('/login');
    await submitLogin(page, admin.username, admin.password);
    // Every role lands on 工作台 (issue #12 item 1).
    await page.waitForURL('**/workbench');
  });

  afterAll(async () => {
    await browser?.close();
    expect(session?.contractWarnings ?? []).toEqual([]);
    expect(session?.pageErrors ?? []).toEqual([]);
  });

  it('creates an enterprise under 天河区, checking the credit code as it is typed', async () => {
    await page.goto('/system/organisations');
    await page.getByTestId('org-tree').getByText('天河区', { exact: true }).click();
    await page.getByTestId('org-detail').getByText('440106').waitFor();
    await page.getByTestId('org-create-under').click();
    const drawer = page.getByTestId('org-form-drawer');
    await eventually(() => drawer.getByTestId('org-district').textContent()).toContain('天河区');
    await drawer.getByTestId('org-name').fill(orgName);

    const code = tianheCreditCode();
    const wrongCheck = code.slice(0, 17) + (code.endsWith('0') ? '1' : '0');
    await drawer.getByTestId('org-creditCode').fill(wrongCheck);
    await eventually(() => drawer.textContent()).toContain('第 18 位校验码不正确');
    await drawer.getByTestId('org-creditCode').fill(code.slice(0, 10));
    await eventually(() => drawer.textContent()).toContain('须为 18 位');
    // Lower case is normalised to the upper-case form the rule expects.
    await drawer.getByTestId('org-creditCode').fill(code.toLowerCase());
    await eventually(() => drawer.textContent()).not.toContain('GB 32100-2015');
    await page.getByTestId('org-form-submit').click();

    await eventually(() => page.getByTestId('org-detail').textContent()).toContain(code);
    expect(await page.getByTestId('org-tree').textContent()).toContain(orgName);
    await page.getByRole('dialog', { name: '新建组织' }).waitFor({ state: 'detached' });
  });

  it('reloads an organisation edited by someone else and says so', async () => {
    await page.getByTestId('org-edit').click();
    const drawer = page.getByRole('dialog', { name: /编辑组织/ });
    await drawer.getByTestId('org-name').waitFor();

    // Someone else saves first (same API the console uses).
    const id = new URL(page.url()).searchParams.get('org');
    const me = await (await page.request.get('/api/auth/me')).json();
    const org = await (await page.request.get(`/api/organisations/${id}`)).json();
    const other = await page.request.patch(`/api/organisations/${id}`, {
      data: { version: org.version, address: '广州市天河区（他人修改）' },
      headers: { 'X-CSRF-Token': me.csrfToken },
    });
    expect(other.status()).toBe(200);

    await drawer.getByLabel('联系人').fill('张工');
    await drawer.getByTestId('org-form-submit').click();
    await drawer.getByTestId('org-stale').waitFor();
    await eventually(() => drawer.getByLabel('地址').inputValue()).toBe('广州市天河区（他人修改）');

    await drawer.getByLabel('联系人').fill('张工');
    await drawer.getByTestId('org-form-submit').click();
    await drawer.waitFor({ state: 'detached' });
    await eventually(() => page.getByTestId('org-detail').textContent()).toContain('张工');
    expect(await page.getByTestId('org-detail').textContent()).toContain('他人修改');
  });

  it('creates an API token, shows it once, and revokes it', async () => {
    await page.getByRole('menuitem', { name: 'API令牌' }).click();
    await page.getByTestId('token-create').click();
    await page.getByTestId('token-name').fill(tokenName);
    await pickOption(page, 'token-role', '区级专员');
    await pickOption(page, 'token-org', '天河区', '天河');
    await page.getByTestId('token-create-submit').click();

    const secret = page.getByTestId('one-time-secret');
    await secret.waitFor();
    const token = (await secret.textContent())?.trim() ?? '';
    expect(token).toMatch(/^slt_/);
    await closeOneTimeSecret(page);

    // The token works for the API, as a district officer of 天河区.
    const bearer = { Authorization: `Bearer ${token}` };
    const asToken = await (await page.request.get('/api/auth/me', { headers: bearer })).json();
    expect([asToken.role, asToken.via]).toEqual(['district_officer', 'token']);
    const tree = await (await page.request.get('/api/organisations/tree', { headers: bearer })).json();
    expect(tree.map((node: { name: string }) => node.name)).toEqual(['天河区']);

    const row = page.getByRole('row', { name: new RegExp(tokenName) });
    await row.getByRole('button', { name: '撤销' }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await row.waitFor({ state: 'detached' });
    await page.getByTestId('tokens-show-revoked').click();
    await eventually(() => page.getByRole('row', { name: new RegExp(tokenName) }).textContent()).toContain('已撤销');
    const revoked = await page.request.get('/api/auth/me', { headers: bearer });
    expect(revoked.status()).toBe(401);
  });

  it('shows audit entries by name, their details as a diff, exports the filtered list and verifies the hash chain (#12 item 7)', async () => {
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    const table = page.getByTestId('audit-table');
    // Filtered by the action's name; the server is sent its code.
    await pickOption(page, 'audit-filter-action', '新建组织机构', '新建组织');
    await page
      .getByTestId('audit-filters')
      .getByRole('button', { name: /查\s*询/ })
      .click();
    await eventually(() => table.locator('.ant-table-row').first().textContent()).toContain('新建组织机构');
    expect(await table.textContent()).not.toContain('organisation.create');

    await table.locator('.ant-table-row-expand-icon').first().click();
    const diff = table.getByTestId('audit-diff').first();
    // The organisation name with markup is shown literally, never interpreted as HTML.
    await eventually(() => diff.textContent()).toContain('<b>端到端</b>');
    expect(await diff.locator('b').count()).toBe(0);
    expect(await diff.textContent()).toContain('名称');

    // The export holds the filtered list: names for people, codes beside them.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const csv = Buffer.concat(chunks).toString('utf8');
    expect(csv.split('\r\n')[0]).toContain('操作');
    const rows = csv.trim().split('\r\n').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toContain('新建组织机构');
    expect(csv).toContain('organisation.create');

    await page.getByTestId('audit-verify').click();
    await eventually(() => page.getByTestId('audit-verify-result').textContent()).toContain('哈希链完整');
  });
});
