// Issue #4 (定期报送, 月度报送): a district officer fills the 5G base-station figures of a monthly report
// consistently, saves and submits it (approving their own form is refused: four eyes); the city approves and accepts it and the form shows the 已接收 lock;
// the dashboard's base-station total (T-INF-1) follows the reported figures.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openSession, type Session } from './support/browser';
import { apiSession, FORM, type FormBody, fillBaseStations, lastMonth, loginInBrowser, reopenForEntry } from './support/reporting';

const SCREENSHOTS = join(import.meta.dirname, 'screenshots');
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 100 });

describe('monthly reporting (issue #4)', () => {
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

  it('district officer enters and submits; approving their own form is refused (four eyes); the city approves and accepts; T-INF-1 follows', async () => {
    if (!admin || !officer) throw new Error('demo.admin or demo.huangpu missing');
    const city = await apiSession(baseURL, admin);
    const district = await apiSession(baseURL, officer);
    const huangpu = district.me.districtId;
    if (!huangpu) throw new Error('demo.huangpu has no district');
    const period = lastMonth();
    const url = `${FORM}/${period}?orgUnit=${huangpu}`;
    const read = async () => (await (await city.api.get(url)).json()) as FormBody;

    const form = await reopenForEntry(city, period, huangpu);

    const total = form.cells.find((c) => c.element === 'BS5G_TOTAL');
    if (!total) throw new Error('BS5G_TOTAL missing');
    const previous = Number(total.history.at(-1)?.value ?? 0);
    const before = Number(total.value ?? previous);
    const newTotal = Math.max(before, previous) + 37;
    const indicator = async () => ((await (await city.api.get('/api/indicators/T-INF-1')).json()) as { value: number | null }).value ?? 0;
    const indicatorBefore = await indicator();

    // The district officer enters, saves, submits and approves in the console.
    const officerSession = await openSession(browser, baseURL);
    sessions.push(officerSession);
    const page = officerSession.page;
    await loginInBrowser(page, officer);
    await page.getByTestId('side-menu').getByText('月度报送').click();
    await page.waitForURL('**/indicators/reporting');
    await page.goto(`/indicators/reporting?period=${period}`);
    const reporting = page.getByTestId('reporting-page');
    await eventually(() => reporting.getByTestId('report-state').textContent()).toBe('填报中');
    expect(await page.getByTestId('reporting-district').count()).toBe(0);
    expect(await reporting.getByTestId('previous-BS5G_TOTAL').textContent()).toBe(previous.toLocaleString('en-US'));

    await fillBaseStations(page, newTotal);
    await page.getByTestId('comment-BS5G_TOTAL').fill('端到端：新增基站');
    await page.getByTestId('report-save').click();
    await eventually(async () => (await read()).cells.find((c) => c.element === 'BS5G_TOTAL')?.value).toBe(String(newTotal));
    await eventually(indicator).toBe(indicatorBefore + newTotal - before);

    await page.getByTestId('report-complete').click();
    await eventually(() => reporting.getByTestId('report-state').textContent()).toBe('已提交');
    await reporting.getByTestId('validation-results').waitFor();
    expect(await reporting.getByTestId('rule-BS5G_CATEGORIES_SUM').getAttribute('data-status')).toBe('passed');
    // Four eyes (issue #12 item 6): the officer who submitted it cannot approve it.
    await page.getByTestId('report-approve').click();
    await page.getByText('报表须由提交人').first().waitFor();
    expect((await read()).state).toBe('completed');

    // The city admin (another person) approves and accepts it for 黄埔区 and sees the 已接收 lock.
    const adminSession = await openSession(browser, baseURL);
    sessions.push(adminSession);
    const cityPage = adminSession.page;
    await loginInBrowser(cityPage, admin);
    await cityPage.goto(`/indicators/reporting?period=${period}&district=${huangpu}`);
    const cityReporting = cityPage.getByTestId('reporting-page');
    await eventually(() => cityReporting.getByTestId('report-state').textContent()).toBe('已提交');
    expect(await cityReporting.getByTestId('value-BS5G_TOTAL').textContent()).toBe(newTotal.toLocaleString('en-US'));
    await cityPage.getByTestId('report-approve').click();
    await eventually(() => cityReporting.getByTestId('report-state').textContent()).toBe('区级已审批');
    await eventually(() => cityReporting.getByTestId('entry-locked').textContent()).toContain('已审批锁定');
    await cityPage.getByTestId('report-accept').click();
    await eventually(() => cityReporting.getByTestId('report-state').textContent()).toBe('市级已接收');
    await eventually(() => cityReporting.getByTestId('entry-locked').textContent()).toContain('已接收锁定');
    await cityReporting.getByTestId('report-unaccept').waitFor();
    expect((await read()).state).toBe('accepted');
    expect(await indicator()).toBe(indicatorBefore + newTotal - before);

    mkdirSync(SCREENSHOTS, { recursive: true });
    await cityPage.screenshot({ path: join(SCREENSHOTS, 'reporting.png'), fullPage: true });

    await city.api.dispose();
    await district.api.dispose();
  });
});
