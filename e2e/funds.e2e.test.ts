// Issue #16 item 1 in the console: a fund programme from the call to disbursement with 公示. The
// Huangpu demo enterprise is refused while under sanction (with the decision named), then submits
// its draft; the district and the city approve it into 公示, each finding the step on their 工作台.
// A 公示 cannot be waited out here, so the decision half uses the demo application whose 公示 ended
// yesterday with an objection still open: the city settles the objection, awards, and pays in two
// tranches until it is disbursed.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, login, openSession, type Session } from './support/browser';
import { apiSession } from './support/reporting';

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

interface Application {
  id: string;
  code: string;
  state: string;
  enterpriseId: string;
  publicityEndsOn: string | null;
  awardedAmount: string | null;
}

describe('special funds in the console (#16 item 1)', () => {
  const baseURL = inject('baseURL');
  const accounts = inject('accounts');
  const admin = accounts.find((a) => a.role === 'city_admin');
  const officer = accounts.find((a) => a.username === 'demo.huangpu');
  const enterpriseLogin = accounts.find((a) => a.username === 'demo.enterprise');
  let browser: Browser;
  const sessions: Session[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    expect(sessions.flatMap((s) => s.contractWarnings)).toEqual([]);
    expect(sessions.flatMap((s) => s.pageErrors)).toEqual([]);
  });

  async function pageAs(who: { username: string; password: string }): Promise<Page> {
    const session = await openSession(browser, baseURL);
    sessions.push(session);
    await login(session.page, who.username, who.password);
    return session.page;
  }

  const detail = (page: Page) => page.getByTestId('fund-application-detail');
  const stateOf = (page: Page) => detail(page).locator('.ant-card-head').first().textContent();

  /** Opens a step's dialog, fills what it asks and confirms it. */
  async function step(page: Page, name: string, fill: Record<string, string> = {}) {
    await page.getByTestId(`fund-step-${name}`).click();
    for (const [testId, value] of Object.entries(fill)) await page.getByTestId(testId).fill(value);
    await page.getByTestId('fund-action-confirm').click();
  }

  it('refuses a sanctioned enterprise with the reason, then takes its application through both reviews into 公示', async () => {
    if (!admin || !officer || !enterpriseLogin) throw new Error('demo accounts missing');
    const city = await apiSession(baseURL, admin);
    const enterprise = await apiSession(baseURL, enterpriseLogin);
    const me = (await (await enterprise.api.get('/api/auth/me')).json()) as { orgId: string };
    const org = (await (await city.api.get(`/api/enterprises/${me.orgId}`)).json()) as { name: string; creditCode: string };
    const drafts = (await (await enterprise.api.get('/api/funds/applications?state=draft')).json()) as { items: Application[] };
    const draft = drafts.items[0];
    if (!draft) throw new Error('the demo enterprise has no draft fund application');

    const basis = `穗工信函〔2026〕${Date.now() % 1000}号（资金测试）`;
    const sanctioned = await city.api.post('/api/sanctions', {
      headers: city.headers,
      data: {
        creditCode: org.creditCode,
        entityName: org.name,
        reason: '专项资金申报材料造假（测试）',
        basis,
        startsOn: '2026-01-01',
        endsOn: '2099-12-31',
      },
    });
    expect(sanctioned.status(), await sanctioned.text()).toBe(201);
    const sanction = (await sanctioned.json()) as { id: string };

    const page = await pageAs(enterpriseLogin);
    await page.goto(`/funds/applications/${draft.id}`);
    await eventually(() => stateOf(page)).toContain('草稿');
    await step(page, 'submit');
    // The refusal is worded in Chinese and names the decision it rests on; nothing changed.
    await eventually(async () => (await page.locator('.ant-modal').textContent()) ?? '').toContain('处于取消资格期内');
    expect(await page.locator('.ant-modal').textContent()).toContain(basis);
    await page.keyboard.press('Escape');
    expect(await stateOf(page)).toContain('草稿');

    const lifted = await city.api.post(`/api/sanctions/${sanction.id}/lift`, {
      headers: city.headers,
      data: { reason: '行政复议撤销（测试）' },
    });
    expect(lifted.status(), await lifted.text()).toBe(200);
    await page.reload();
    await step(page, 'submit', { 'fund-action-comment': '材料齐全，请审核' });
    await eventually(() => stateOf(page)).toContain('区级审核');

    // The district officer finds it on the 工作台 and approves it.
    const districtPage = await pageAs(officer);
    await districtPage.goto('/');
    await districtPage.getByText('待区级审核的资金申请').click();
    await districtPage.waitForURL((u) => u.pathname === '/funds/applications' && u.search.includes('state=submitted'));
    await districtPage.getByText(draft.code).click();
    await step(districtPage, 'approve', { 'fund-action-comment': '区级审核通过' });
    await eventually(() => stateOf(districtPage)).toContain('市级审核');

    // The city approves it into 公示; the period's last day is shown.
    const cityPage = await pageAs(admin);
    await cityPage.goto(`/funds/applications/${draft.id}`);
    await step(cityPage, 'approve', { 'fund-action-comment': '市级审核通过，进入公示' });
    await eventually(() => stateOf(cityPage)).toContain('公示中');
    const now = (await (await city.api.get(`/api/funds/applications/${draft.id}`)).json()) as Application;
    expect(now.state).toBe('publicity');
    expect(now.publicityEndsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await detail(cityPage).textContent()).toContain(now.publicityEndsOn as string);
    await Promise.all([city.api.dispose(), enterprise.api.dispose()]);
  });

  it('after 公示 the city settles the objection, awards and pays in tranches until disbursed', async () => {
    if (!admin) throw new Error('demo accounts missing');
    const city = await apiSession(baseURL, admin);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const inPublicity = (await (await city.api.get('/api/funds/applications?state=publicity&pageSize=50')).json()) as {
      items: Application[];
    };
    const ended = inPublicity.items.find((a) => a.publicityEndsOn !== null && a.publicityEndsOn < today);
    if (!ended) throw new Error('the demo has no application whose 公示 has ended');

    const page = await pageAs(admin);
    await page.goto('/');
    await page.getByText('公示期满待决定的资金申请').click();
    await page.waitForURL((u) => u.search.includes('state=publicity'));
    await page.getByText(ended.code).click();
    await eventually(() => stateOf(page)).toContain('公示中');

    // An open objection blocks the decision until it is settled.
    await step(page, 'award', { 'fund-action-reason': '公示期满' });
    await eventually(async () => (await page.locator('.ant-modal').textContent()) ?? '').toContain('异议');
    await page.keyboard.press('Escape');
    await page.getByTestId('fund-objection-resolve').click();
    await page.getByTestId('fund-action-resolution').fill('经核查，项目5G投资额有合同和发票支撑，异议不成立');
    await page.getByTestId('fund-action-confirm').click();
    await eventually(() => page.getByTestId('fund-objection-resolve').count()).toBe(0);

    await step(page, 'award', { 'fund-action-reason': '公示期满，异议不成立，按申请金额奖补' });
    await eventually(() => stateOf(page)).toContain('已立项奖补');
    const awarded = (await (await city.api.get(`/api/funds/applications/${ended.id}`)).json()) as Application;
    const total = Number(awarded.awardedAmount);
    expect(total).toBeGreaterThan(0);
    const first = (Math.floor(total / 2 / 100) * 100).toFixed(2);
    const rest = (total - Number(first)).toFixed(2);

    await step(page, 'disburse', { 'fund-action-amount': first, 'fund-action-reference': `GK-E2E-${Date.now()}-1` });
    await eventually(async () => (await detail(page).textContent()) ?? '').toContain(`GK-E2E-`);
    expect(await stateOf(page)).toContain('已立项奖补');
    // More than what is left is refused, with the remainder named.
    await step(page, 'disburse', { 'fund-action-amount': (Number(rest) + 1).toFixed(2), 'fund-action-reference': 'GK-E2E-OVER' });
    await eventually(async () => (await page.locator('.ant-modal').textContent()) ?? '').toContain('超过');
    await page.keyboard.press('Escape');
    await step(page, 'disburse', { 'fund-action-amount': rest, 'fund-action-reference': `GK-E2E-${Date.now()}-2` });
    await eventually(() => stateOf(page)).toContain('已拨付');
    const paid = (await (await city.api.get(`/api/funds/applications/${ended.id}`)).json()) as Application & {
      disbursedAmount: string;
    };
    expect(paid.state).toBe('disbursed');
    expect(Number(paid.disbursedAmount)).toBe(total);
    await city.api.dispose();
  });
});
