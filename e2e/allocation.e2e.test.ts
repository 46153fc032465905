// Issue #12 item 5 (目标分解): a city administrator allocates T-APP-2 to 黄埔 in the console; 黄埔's
// figure, status and ranking row are then judged against that allocation, while a district without
// one shows 未分解 — never 滞后 against the whole city's target.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openSession, pickOption, type Session } from './support/browser';
import { apiSession, loginInBrowser } from './support/reporting';

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

interface Figure {
  value: number | null;
  target: number;
  status: string;
  allocation?: { mode: string; amount: number; target: number; by: string } | null;
}

describe('a district judged against its allocation (#12 item 5)', () => {
  const baseURL = inject('baseURL');
  const accounts = inject('accounts');
  const admin = accounts.find((a) => a.role === 'city_admin' && !a.otpauthUri) ?? accounts.find((a) => a.role === 'city_admin');
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

  it('allocates T-APP-2 to 黄埔 on 目标分解; 黄埔 is judged against it, 海珠 stays 未分解', async () => {
    if (!admin) throw new Error('no demo city_admin');
    const city = await apiSession(baseURL, admin);
    const districts = (await (await city.api.get('/api/indicators/T-APP-2/allocations')).json()) as {
      districts: Array<{ districtId: string; divisionCode: string; allocation: unknown }>;
    };
    const huangpu = districts.districts.find((d) => d.divisionCode === '440112');
    const haizhu = districts.districts.find((d) => d.divisionCode === '440105');
    if (!huangpu || !haizhu) throw new Error('districts missing');
    const figure = async (district: string) =>
      (await (await city.api.get(`/api/indicators/T-APP-2?district=${district}`)).json()) as Figure;
    const before = await figure(huangpu.districtId);
    // An allocation 黄埔 has already met: judged against it, 黄埔 has achieved its part.
    const amount = Math.max(1, before.value ?? 0) + (huangpu.allocation ? 1 : 0);

    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const { page } = session;
    await loginInBrowser(page, admin);
    await page.goto('/indicators/allocation?indicator=T-APP-2');
    await page.getByTestId('allocation-page').waitFor();
    await page.getByTestId('side-menu').getByText('目标分解').waitFor();
    const table = page.getByTestId('allocation-table');
    await eventually(() => table.locator('tbody tr').count()).toBe(11);
    // 海珠 has no allocation: the table says 未分解.
    expect(await table.locator('tr', { hasText: '海珠区' }).textContent()).toContain('未分解');

    await pickOption(page, 'allocation-mode-440112', '目标值');
    await page.getByTestId('allocation-amount-440112').fill(String(amount));
    await eventually(() => page.getByTestId('allocation-target-440112').textContent()).toContain(String(amount));
    await page.getByTestId('allocation-save').click();
    await eventually(async () => (await page.getByTestId('allocation-history').textContent()) ?? '').toContain(admin.username);

    const after = await figure(huangpu.districtId);
    expect(after).toMatchObject({ target: amount, allocation: { mode: 'absolute', amount, by: admin.username } });
    expect(after.status).not.toBe('unallocated');
    if ((after.value ?? 0) >= amount) expect(after.status).toBe('achieved');
    expect((await figure(haizhu.districtId)).status).toBe('unallocated');

    // The 驾驶舱 ranking for T-APP-2: 黄埔 with its target and status, 海珠 未分解 (not 滞后).
    await page.goto('/dashboard?map=T-APP-2');
    const ranking = page.getByTestId('dashboard-ranking');
    await eventually(() => ranking.locator('tbody tr').count()).toBe(11);
    await eventually(() => page.getByTestId('dashboard-rank-status-440105').textContent()).toBe('未分解');
    expect(await page.getByTestId('dashboard-rank-status-440112').textContent()).not.toBe('未分解');
    expect(await ranking.locator('tr', { hasText: '黄埔区' }).textContent()).toContain(String(amount));
    await city.api.dispose();
  });
});
