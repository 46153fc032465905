// Issue #16 item 2: the sanction register (取消资格). A city administrator records a sanction in the
// console (an ID number with a wrong check character is refused in Chinese first); the sanctioned
// enterprise cannot submit a project (refused with the decision's number); the district officer
// sees the banner on the enterprise's project and finds the person by ID number; lifting it in the
// console lets the enterprise submit again.
import { residentIdCheckChar } from '@suilian/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, login, openSession, type Session } from './support/browser';
import { type ApiSession, apiSession } from './support/reporting';

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 200 });
const ID_FIRST17 = '44011219800101777';
const ID = ID_FIRST17 + residentIdCheckChar(ID_FIRST17);
const WRONG_ID = ID_FIRST17 + (ID.endsWith('1') ? '2' : '1');
const BASIS = '穗工信函〔2026〕901号（测试）';

describe('sanction register (issue #16 item 2)', () => {
  const baseURL = inject('baseURL');
  const accounts = inject('accounts');
  const admin = accounts.find((a) => a.role === 'city_admin');
  const officer = accounts.find((a) => a.username === 'demo.huangpu');
  let browser: Browser;
  const sessions: Session[] = [];
  let city: ApiSession;
  let sanctionId: string | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    // Whatever happened, the demo enterprise is not left barred for the files that follow.
    if (sanctionId && city)
      await city.api.post(`/api/sanctions/${sanctionId}/lift`, { headers: city.headers, data: { reason: '测试结束' } });
    await browser?.close();
    expect(sessions.flatMap((s) => s.contractWarnings)).toEqual([]);
    expect(sessions.flatMap((s) => s.pageErrors)).toEqual([]);
  });

  it('records, enforces, shows and lifts a sanction', async () => {
    if (!admin || !officer) throw new Error('demo accounts missing');
    city = await apiSession(baseURL, admin);
    const district = await apiSession(baseURL, officer);
    // A Huangpu enterprise with a login, and a draft project of it to submit.
    const enterpriseLogin = accounts.find((a) => a.role === 'enterprise_user');
    if (!enterpriseLogin) throw new Error('no demo enterprise account');
    const enterprise = await apiSession(baseURL, enterpriseLogin);
    const me = (await (await enterprise.api.get('/api/auth/me')).json()) as { orgId: string };
    const org = (await (await city.api.get(`/api/enterprises/${me.orgId}`)).json()) as { name: string; creditCode: string };
    const created = await enterprise.api.post('/api/projects', {
      headers: enterprise.headers,
      data: {
        title: '取消资格测试项目',
        description: '用于验证取消资格期内不能申报',
        filingId: `GD-5G-SX${Date.now() % 1e8}`,
        scenarios: [{ code: 'S06', category: 'main_production' }],
        networkMode: 'virtual',
        investmentTotal: '100.00',
        investment5g: '50.00',
        plannedStart: '2026-01-01',
        plannedEnd: '2026-12-31',
      },
    });
    expect(created.status()).toBe(201);
    const project = (await created.json()) as { id: string; version: number };

    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const page = session.page;
    await login(page, admin.username, admin.password);
    await page.goto('/programme/sanctions');
    // The demo register: one sanction in force, shown with its masked ID number.
    await eventually(() => page.getByTestId('sanctions-table').textContent()).toContain('广州星辰示范智能装备有限公司（演示）');
    expect(await page.getByTestId('sanctions-table').textContent()).toMatch(/4401\*{13}[0-9X]/);

    await page.getByTestId('sanction-create-open').click();
    await page.getByTestId('sanction-entity').fill(org.name);
    await page.getByTestId('sanction-credit-code').fill(org.creditCode);
    await page.getByTestId('sanction-person').fill('王测试');
    await page.getByTestId('sanction-person-id').fill(WRONG_ID);
    await page.getByTestId('sanction-basis').fill(BASIS);
    await page.getByTestId('sanction-reason').fill('同一合同在两个专项中重复申报（测试）');
    const range = page.getByTestId('sanction-create').locator('.ant-picker-range input');
    await range.first().fill('2026-01-01');
    await range.first().press('Enter');
    await range.last().fill('2099-12-31');
    await range.last().press('Enter');
    await page.getByTestId('sanction-create-submit').click();
    await eventually(() => page.getByTestId('sanction-create').textContent()).toContain('身份证号第 18 位校验码不正确（GB 11643-1999）');
    await page.getByTestId('sanction-person-id').fill(ID);
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/sanctions') && r.request().method() === 'POST');
    await page.getByTestId('sanction-create-submit').click();
    const res = await answer;
    expect(res.status()).toBe(201);
    const sanction = (await res.json()) as { id: string; personIdMasked: string };
    sanctionId = sanction.id;
    expect(JSON.stringify(sanction)).not.toContain(ID.slice(4, 17));
    await eventually(() => page.getByTestId('sanctions-table').textContent()).toContain(BASIS);

    // The enterprise cannot submit, and is told why by code with the decision's number.
    const refused = await enterprise.api.post(`/api/projects/${project.id}/transitions`, {
      headers: enterprise.headers,
      data: { version: project.version, action: 'submit' },
    });
    expect(refused.status()).toBe(403);
    const refusal = (await refused.json()) as { error: { details: { reason: { code: string; params: { basis: string } } } } };
    expect(refusal.error.details.reason).toMatchObject({ code: 'sanction.in_force', params: { basis: BASIS } });

    // The district officer sees the banner on the project, and finds the person by ID number.
    if (district.me.districtId) {
      const officerSession = await openSession(browser, baseURL);
      sessions.push(officerSession);
      const officerPage = officerSession.page;
      await login(officerPage, officer.username, officer.password);
      await officerPage.goto(`/programme/projects/${project.id}`);
      const banner = officerPage.getByTestId('sanction-banner');
      await eventually(() => banner.textContent()).toContain('处于取消资格期内');
      expect(await banner.textContent()).toContain(BASIS);
      await officerPage.goto('/programme/sanctions');
      await officerPage.getByTestId('sanction-lookup-input').fill(ID);
      await officerPage.getByTestId('sanction-lookup').click();
      await eventually(() => officerPage.getByTestId('sanction-lookup-result').textContent()).toContain('王测试');
      expect(await officerPage.getByTestId('sanction-create-open').count()).toBe(0);
    }

    // Lifting in the console, with the reason, lets the enterprise submit again.
    await page.getByTestId('sanctions-table').locator('tr', { hasText: BASIS }).getByTestId('sanction-lift').click();
    await page.getByTestId('sanction-lift-reason').fill('行政复议撤销（测试）');
    await page.getByTestId('sanction-lift-confirm').click();
    await eventually(() => page.getByTestId('sanctions-table').locator('tr', { hasText: BASIS }).textContent()).toContain('已解除');
    sanctionId = undefined;
    const current = (await (await enterprise.api.get(`/api/projects/${project.id}`)).json()) as { version: number };
    const submitted = await enterprise.api.post(`/api/projects/${project.id}/transitions`, {
      headers: enterprise.headers,
      data: { version: current.version, action: 'submit' },
    });
    expect(submitted.status()).toBe(200);
  });
});
