// Issue #4 item 6 (驾驶舱): the city's dashboard shows the base-station total; a district officer fills
// and submits the monthly report, the city accepts it, and the dashboard's total changes by the
// difference. The officer sees the same page for its district; anyone opens the public page from the
// login page without logging in and sees aggregate figures without links to records.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openSession, type Session } from './support/browser';
import { apiSession, fillBaseStations, lastMonth, loginInBrowser, reopenForEntry } from './support/reporting';

const SCREENSHOTS = join(import.meta.dirname, 'screenshots');
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 100 });

/** The figure on a target card, as a number (`12,345` → 12345; `—` → null). */
async function cardValue(page: Page, code: string): Promise<number | null> {
  const text = (await page.getByTestId(`dashboard-card-${code}`).getByTestId('dashboard-card-value').textContent()) ?? '';
  return text.trim() === '—' ? null : Number(text.replace(/,/g, ''));
}

describe('command dashboard (issue #4 item 6)', () => {
  const baseURL = inject('baseURL');
  const accounts = inject('accounts');
  const admin = accounts.find((a) => a.role === 'city_admin');
  const officer = accounts.find((a) => a.username === 'demo.huangpu');
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

  it('changes the base-station total once a district’s report is accepted', async () => {
    if (!admin || !officer) throw new Error('demo.admin or demo.huangpu missing');
    const city = await apiSession(baseURL, admin);
    const huangpu = (await apiSession(baseURL, officer)).me.districtId;
    if (!huangpu) throw new Error('demo.huangpu has no district');
    const period = lastMonth();
    const form = await reopenForEntry(city, period, huangpu);
    const cell = form.cells.find((c) => c.element === 'BS5G_TOTAL');
    const previous = Number(cell?.history.at(-1)?.value ?? 0);
    const before = Number(cell?.value ?? previous);
    const newTotal = Math.max(before, previous) + 53;

    // The city admin lands on the dashboard (first menu entry) and reads T-INF-1.
    const cityTab = await openSession(browser, baseURL);
    sessions.push(cityTab);
    const cityPage = cityTab.page;
    await loginInBrowser(cityPage, admin);
    await cityPage.getByTestId('side-menu').getByText('驾驶舱', { exact: true }).click();
    await cityPage.waitForURL('**/dashboard');
    await cityPage.getByTestId('dashboard-cards').waitFor();
    const totalBefore = await cardValue(cityPage, 'T-INF-1');
    const api = async () =>
      (
        (await (await city.api.get('/api/dashboard')).json()) as {
          groups: Array<{ indicators: Array<{ code: string; value: number | null }> }>;
        }
      ).groups
        .flatMap((g) => g.indicators)
        .find((i) => i.code === 'T-INF-1')?.value ?? null;
    expect(totalBefore).toBe(await api());
    const link = cityPage.getByTestId('dashboard-card-T-INF-1').getByRole('link').first();
    expect(await link.getAttribute('href')).toMatch(/^\/indicators\/T-INF-1\/records\?asOf=\d{4}-\d{2}-\d{2}$/);
    await cityPage.getByTestId('dashboard-map').waitFor();
    await cityPage.getByTestId('dashboard-trend').waitFor();
    expect(await cityPage.getByTestId('dashboard-forecast-method').textContent()).toContain('预测方法');
    // Said in Chinese from the method code, not the API's English sentence.
    expect(await cityPage.getByTestId('dashboard-forecast-method').textContent()).not.toMatch(/linear trend|no forecast/);
    expect(await cityPage.getByTestId('dashboard-ranking').locator('tbody tr').count()).toBe(11);
    expect(await cityPage.getByText('示意图').count()).toBeGreaterThan(0);

    // The district officer fills, saves, submits and approves the monthly report in the console.
    const officerTab = await openSession(browser, baseURL);
    sessions.push(officerTab);
    const page = officerTab.page;
    await loginInBrowser(page, officer);
    await page.goto(`/indicators/reporting?period=${period}`);
    const reporting = page.getByTestId('reporting-page');
    await eventually(() => reporting.getByTestId('report-state').textContent()).toBe('填报中');
    await fillBaseStations(page, newTotal);
    await page.getByTestId('report-save').click();
    await page.getByTestId('report-complete').click();
    await eventually(() => reporting.getByTestId('report-state').textContent()).toBe('已提交');

    // Someone other than the submitter approves (four eyes, issue #12 item 6): the city approves and
    // accepts it; the dashboard's total moves by the difference.
    await cityPage.goto(`/indicators/reporting?period=${period}&district=${huangpu}`);
    const cityReporting = cityPage.getByTestId('reporting-page');
    await eventually(() => cityReporting.getByTestId('report-state').textContent()).toBe('已提交');
    await cityPage.getByTestId('report-approve').click();
    await eventually(() => cityReporting.getByTestId('report-state').textContent()).toBe('区级已审批');
    await cityPage.getByTestId('report-accept').click();
    await eventually(() => cityReporting.getByTestId('report-state').textContent()).toBe('市级已接收');
    await cityPage.goto('/dashboard');
    await cityPage.getByTestId('dashboard-cards').waitFor();
    await eventually(() => cardValue(cityPage, 'T-INF-1')).toBe((totalBefore ?? 0) + newTotal - before);
    await cityPage.getByTestId('dashboard-reports').getByTestId('dashboard-reports-accepted').waitFor();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await cityPage.screenshot({ path: join(SCREENSHOTS, 'dashboard.png'), fullPage: true });

    // Tables download as Excel.
    const [download] = await Promise.all([cityPage.waitForEvent('download'), cityPage.getByTestId('dashboard-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^驾驶舱-\d{4}-\d{2}-\d{2}\.xlsx$/);

    // The officer's dashboard is its district's: one row in the ranking, links scoped to the district.
    await page.goto('/dashboard');
    await page.getByTestId('dashboard-cards').waitFor();
    expect(await page.getByTestId('dashboard-ranking').locator('tbody tr').count()).toBe(1);
    const own = page.getByTestId('dashboard-card-T-INF-1').getByRole('link').first();
    expect(await own.getAttribute('href')).toContain(`district=${huangpu}`);
    expect(await cardValue(page, 'T-INF-1')).toBe(newTotal);

    await city.api.dispose();
  });

  it('shows the public dashboard without logging in, with aggregate figures and no links to records', async () => {
    const visitor = await openSession(browser, baseURL);
    sessions.push(visitor);
    const page = visitor.page;
    await page.goto('/login');
    await page.getByTestId('login-public-dashboard-link').click();
    await page.waitForURL('**/public/dashboard');
    await page.getByTestId('public-dashboard-page').getByTestId('dashboard-cards').waitFor();
    expect(await page.getByTestId('dashboard-card-T-INF-1').getByTestId('dashboard-card-value').textContent()).toMatch(/^[\d,.]+$|^—$/);
    expect(await page.locator('a[href*="/records"]').count()).toBe(0);
    await page.getByTestId('dashboard-map').waitFor();
    expect(page.url()).toContain('/public/dashboard');
    await page.screenshot({ path: join(SCREENSHOTS, 'public-dashboard.png'), fullPage: true });
  });
});
