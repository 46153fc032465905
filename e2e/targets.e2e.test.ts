// Issue #4 (dashboard, 目标进度): the 16 targets in their four groups, each with value / target, the
// expected-by-now mark, its pace tag and a sparkline; a city user picks a district, a district officer
// sees its own district.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, login, openSession, pickOption, type Session } from './support/browser';

const SCREENSHOTS = join(import.meta.dirname, 'screenshots');
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 100 });
const PACE_TAGS = ['正常', '预警', '滞后', '已完成', '无数据', '未分解'];

describe('target progress (issue #4)', () => {
  const baseURL = inject('baseURL');
  const accounts = inject('accounts');
  const analyst = accounts.find((a) => a.role === 'city_analyst');
  const officer = accounts.find((a) => a.role === 'district_officer');
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

  it('shows a city user the 16 targets by group with pace, expected mark and sparkline, and a district on request', async () => {
    if (!analyst) throw new Error('no demo city_analyst');
    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const { page } = session;
    await login(page, analyst.username, analyst.password);
    await page.getByTestId('side-menu').getByText('目标进度').click();
    await page.waitForURL('**/dashboard/targets');

    const targets = page.getByTestId('targets-page');
    for (const group of ['infrastructure', 'application', 'ecosystem', 'public_service'])
      await targets.getByTestId(`indicator-group-${group}`).waitFor();
    await eventually(() => targets.locator('[data-testid^="indicator-T-"]').count()).toBe(16);
    expect(await targets.getByTestId('indicator-group-infrastructure').textContent()).toContain('基础设施');

    // T-APP-2 agrees with the API: value / target, its pace tag, the mark at expected / target.
    const api = await request.newContext({ baseURL, storageState: await session.context.storageState() });
    const list = (await (await api.get('/api/indicators')).json()) as Array<{
      code: string;
      value: number | null;
      target: number;
      expected: number;
    }>;
    await api.dispose();
    const app2 = list.find((i) => i.code === 'T-APP-2');
    if (!app2) throw new Error('T-APP-2 missing');
    const card = targets.getByTestId('indicator-T-APP-2');
    expect(await card.getByTestId('indicator-value').textContent()).toBe((app2.value ?? 0).toLocaleString('en-US'));
    expect(await card.textContent()).toContain(`/ ${app2.target}`);
    expect(PACE_TAGS).toContain(await card.getByTestId('indicator-status').textContent());
    const left = await card.getByTestId('expected-mark').evaluate((el) => (el as HTMLElement).style.left);
    expect(left).toContain(`${Math.min(100, (app2.expected / app2.target) * 100)}`.slice(0, 4));
    await eventually(() => card.getByTestId('indicator-sparkline').locator('canvas').count()).toBe(1);
    // Derived indicators (X-*) have cards too; the 16 plan targets each have their sparkline.
    await eventually(() => targets.locator('[data-testid^="indicator-T-"] [data-testid="indicator-sparkline"] canvas').count()).toBe(16);

    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'targets.png'), fullPage: true });

    // One district: the address keeps it, the figures are the district's.
    await pickOption(page, 'targets-district', '黄埔区', '黄埔');
    await page.waitForURL(/district=[0-9a-f-]{36}/);
    await eventually(() => targets.textContent()).toContain('区级数值对照的是分解到本区的目标');
    await eventually(() => targets.locator('[data-testid^="indicator-T-"]').count()).toBe(16);
  });

  it('shows a district officer its own district, without a district picker', async () => {
    if (!officer) throw new Error('no demo district_officer');
    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const { page } = session;
    await login(page, officer.username, officer.password);
    await page.goto('/dashboard/targets');
    const targets = page.getByTestId('targets-page');
    await eventually(() => targets.locator('[data-testid^="indicator-T-"]').count()).toBe(16);
    expect(await page.getByTestId('targets-district').count()).toBe(0);
    const own = (await page.getByTestId('targets-own-district').textContent()) ?? '';
    expect(own).toMatch(/区$/);
    expect(await page.getByTestId('current-user').textContent()).toContain(own);
  });
});
