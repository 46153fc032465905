// Issue #4 items 1, 2 and 6: every number drills down to the records it counts (T-APP-2 → its
// projects, each linking to the project); a city admin adds a formula indicator in 指标管理, the
// formula being checked as it is typed (a malformed one shows the parser's problem, a valid one the
// city-wide value today), and retires it again.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, login, openSession, pickOption, type Session } from './support/browser';

const SCREENSHOTS = join(import.meta.dirname, 'screenshots');
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 100 });

describe('indicators: drill-down and administration (issue #4)', () => {
  const baseURL = inject('baseURL');
  const accounts = inject('accounts');
  const admin = accounts.find((a) => a.role === 'city_admin');
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

  it('drills from the T-APP-2 figure to exactly the projects it counts', async () => {
    if (!admin) throw new Error('no demo city_admin');
    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const { page } = session;
    await login(page, admin.username, admin.password);
    await page.goto('/dashboard/targets');
    const card = page.getByTestId('indicator-T-APP-2');
    const shown = (await card.getByTestId('indicator-value').textContent()) ?? '';
    await card.getByTestId('indicator-value-link').click();
    await page.waitForURL('**/indicators/T-APP-2/records');
    const drill = page.getByTestId('indicator-records-page');
    await eventually(() => drill.getByTestId('drill-value').textContent()).toBe(shown);
    expect(await drill.getByTestId('drill-sum').textContent()).toBe(shown);
    expect(await drill.getByTestId('drill-method').textContent()).toContain('有国家备案号');
    const value = Number(shown.replaceAll(',', ''));
    await eventually(() => drill.getByTestId('drill-record-link').count()).toBe(Math.min(value, 20));
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'indicator-records.png'), fullPage: true });
    await drill.getByTestId('drill-record-link').first().click();
    await page.waitForURL(/\/programme\/projects\/[0-9a-f-]{36}$/);
  });

  it('lets a city admin add a formula indicator, checked as it is typed, and retire it', async () => {
    if (!admin) throw new Error('no demo city_admin');
    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const { page } = session;
    await login(page, admin.username, admin.password);
    await page.getByTestId('side-menu').getByText('指标管理').click();
    await page.waitForURL('**/indicators/manage');
    const table = page.getByTestId('indicator-table');
    await eventually(() => table.locator('tr[data-row-key^="T-"]').count()).toBe(16);

    await page.getByTestId('indicator-create').click();
    const drawer = page.getByTestId('indicator-drawer');
    await drawer.getByTestId('indicator-code').fill('X-E2E-SMALL');
    await drawer.getByTestId('indicator-unit').fill('%');
    await drawer.getByTestId('indicator-nameZh').fill('小基站占比');
    await drawer.getByTestId('indicator-nameEn').fill('Share of small cells');
    // Picked with the check that the pick took: a click while the list slides open can be lost (CI, stop 20).
    await pickOption(page, 'indicator-kind', '公式');
    await drawer.getByTestId('indicator-formula').fill('#{BS5G_SMALL} / ');
    await eventually(() => drawer.getByTestId('formula-problems').textContent()).toContain('第');
    await drawer.getByTestId('indicator-formula').fill('#{BS5G_SMALL} / #{BS5G_TOTAL} * 100');
    await eventually(() => drawer.getByTestId('formula-ok').count()).toBe(1);
    expect(await drawer.getByTestId('formula-preview').textContent()).toMatch(/全市当前(值|无值)/);
    await drawer.getByTestId('indicator-target').fill('40');
    await drawer.getByTestId('indicator-definitionZh').fill('小基站及室分站点 ÷ 5G基站累计 × 100');
    await page.screenshot({ path: join(SCREENSHOTS, 'indicator-admin-drawer.png'), fullPage: true });
    await drawer.getByTestId('indicator-submit').click();
    await eventually(() => table.locator('tr[data-row-key="X-E2E-SMALL"]').count()).toBe(1);

    // The server agrees: the formula indicator has a value computed from the reported elements.
    const api = await request.newContext({ baseURL, storageState: await session.context.storageState() });
    const created = (await (await api.get('/api/indicators/X-E2E-SMALL')).json()) as { kind: string; value: number | null };
    await api.dispose();
    expect(created.kind).toBe('formula');

    await page.getByTestId('indicator-retire-X-E2E-SMALL').click();
    await page.getByTestId('indicator-retire-reason').fill('e2e 清理');
    await page.locator('.ant-modal:visible .ant-btn-dangerous').click();
    await eventually(() => table.locator('tr[data-row-key="X-E2E-SMALL"]').count()).toBe(0);
  });
});
