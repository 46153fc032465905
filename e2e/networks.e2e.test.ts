// Issue #14 items 1 and 5: an operator registers a private network for a demo enterprise, the
// district officer confirms it in the console, and T-INF-3's drill-down lists it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openSession, type Session } from './support/browser';
import { apiSession, loginInBrowser } from './support/reporting';

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

describe('5G private networks (issue #14)', () => {
  const baseURL = inject('baseURL');
  const accounts = inject('accounts');
  const admin = accounts.find((a) => a.role === 'city_admin');
  const officer = accounts.find((a) => a.username === 'demo.huangpu');
  const operator = accounts.find((a) => a.username === 'demo.provider');
  const enterpriseAccount = accounts.find((a) => a.username === 'demo.enterprise');
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

  it('an operator registers a network, the district confirms it, T-INF-3 drills down to it (#14 item 1)', async () => {
    if (!admin || !officer || !operator || !enterpriseAccount) throw new Error('demo accounts missing');
    const city = await apiSession(baseURL, admin);
    const provider = await apiSession(baseURL, operator);
    const enterprise = await apiSession(baseURL, enterpriseAccount);
    const me = (await (await enterprise.api.get('/api/auth/me')).json()) as { orgId: string; districtId: string };
    const { orgId: enterpriseId, districtId } = me;
    const value = async () =>
      ((await (await city.api.get(`/api/indicators/T-INF-3?district=${districtId}`)).json()) as { value: number }).value;
    const before = await value();

    const name = `端到端智造5G虚拟专网 ${Date.now()}`;
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const created = await provider.api.post('/api/networks', {
      headers: provider.headers,
      data: {
        enterpriseId,
        name,
        mode: 'virtual',
        bands: ['n79'],
        upfLocation: 'operator_edge',
        state: 'in_service',
        inServiceOn: yesterday,
        sites: [{ districtId, address: '黄埔区（演示地址）科学城厂区' }],
        slices: [{ name: '视觉质检切片', sst: 1, sd: '0A0B0C', fiveQi: 80 }],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const network = (await created.json()) as { id: string; confirmation: { state: string } };
    expect(network.confirmation.state).toBe('declared');
    expect(await value()).toBe(before);

    // The district officer finds it among the networks waiting for confirmation and confirms it.
    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const page = session.page;
    await loginInBrowser(page, officer);
    await page.goto('/networks?confirmation=declared');
    await eventually(async () => (await page.getByTestId('networks-table').textContent()) ?? '').toContain(name);
    await page.getByText(name).click();
    await eventually(async () => (await page.getByTestId('network-detail').textContent()) ?? '').toContain('01-0A0B0C');
    await page.getByTestId('network-confirm').click();
    await page.getByTestId('network-confirm-comment').fill('端到端：现场核验通过');
    await page.getByTestId('network-action-ok').click();
    await eventually(() => page.getByTestId('network-confirmation-confirmed').count()).toBe(1);
    await eventually(value).toBe(before + 1);

    await page.goto(`/indicators/T-INF-3/records?district=${districtId}`);
    await eventually(async () => (await page.getByTestId('drill-table').textContent()) ?? '').toContain(name);
    await Promise.all([city.api.dispose(), provider.api.dispose(), enterprise.api.dispose()]);
  });
});
