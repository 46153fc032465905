// Issue #12 item 7, the details users hit: the public pages on a 390 px phone, breadcrumbs and the
// header's global search on one page, and a batch action on findings with its per-row result.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, login, openSession, type Session } from './support/browser';

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 100 });

/** How much wider than the viewport the page is (0 when nothing scrolls sideways). */
const overflow = (page: Page) => page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth);

describe('console details (issue #12 item 7)', () => {
  const baseURL = inject('baseURL');
  const accounts = inject('accounts');
  const admin = accounts.find((a) => a.role === 'city_admin');
  // The security analyst works the city's new findings (the demo enterprise's are already in hand).
  const analyst = accounts.find((a) => a.role === 'security_analyst');
  let browser: Browser;
  const sessions: Session[] = [];

  beforeAll(async () => {
    if (!admin || !analyst) throw new Error('demo accounts missing');
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const s of sessions) await s.context.close();
    await browser?.close();
  });

  it('shows the public dashboard and a resolved identifier on a 390 px phone without sideways scrolling', async () => {
    const context = await browser.newContext({ baseURL, locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await context.newPage();
    try {
      await page.goto('/public/dashboard');
      await page.getByTestId('public-dashboard-page').waitFor();
      await page.getByTestId('dashboard-map-indicator').waitFor();
      expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)).toBeLessThanOrEqual(390);
      expect(await overflow(page)).toBeLessThanOrEqual(0);

      await page.goto('/resolve/88.118.8/JXDY2106023');
      await page.getByTestId('resolve-record').waitFor();
      await page.getByTestId('resolve-labelled').waitFor();
      expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)).toBeLessThanOrEqual(390);
      // The technical values are folded away: HS_ADMIN is not on the screen until the section opens.
      const technical = page.getByTestId('resolve-technical');
      expect(await technical.isVisible()).toBe(true);
      expect(
        await page
          .getByText('HS_ADMIN', { exact: true })
          .first()
          .isVisible()
          .catch(() => false),
      ).toBe(false);
      await technical.getByRole('button').first().click();
      await eventually(() => page.getByText('HS_ADMIN').first().isVisible());
      expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)).toBeLessThanOrEqual(390);
    } finally {
      await context.close();
    }
  });

  it('shows breadcrumbs and finds a project from the header search, opening it with the keyboard', async () => {
    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const { page } = session;
    await login(page, admin?.username ?? '', admin?.password ?? '');
    await page.goto('/security/findings');
    const crumbs = page.getByTestId('breadcrumbs');
    await crumbs.waitFor();
    await eventually(async () => (await crumbs.textContent()) ?? '').toContain('安全');
    expect(await crumbs.textContent()).toContain('漏洞处置');

    // A project of the demo programme: its code is a search term everyone can type.
    const res = await session.context.request.get('/api/projects?pageSize=1');
    const project = (await res.json()).items[0] as { id: string; title: string };
    const box = page.getByTestId('global-search').locator('input');
    await box.fill(project.title.slice(0, 8));
    await page.getByTestId('search-group-project').waitFor();
    await box.press('Enter');
    await page.waitForURL(/\/programme\/projects\/[0-9a-f-]{36}$/);
    await eventually(async () => (await page.getByTestId('breadcrumbs').textContent()) ?? '').toContain('详情');
    expect(session.pageErrors).toEqual([]);
  });

  it('confirms several findings at once and reports each row', async () => {
    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const { page } = session;
    await login(page, analyst?.username ?? '', analyst?.password ?? '');
    const listed = await session.context.request.get('/api/security/findings?state=new&pageSize=50');
    expect(listed.status()).toBe(200);
    const fresh = (await listed.json()).items as Array<{ id: string }>;
    expect(fresh.length, 'the demo programme has new findings').toBeGreaterThanOrEqual(2);
    await page.goto('/security/findings?state=new');
    const table = page.getByTestId('finding-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const boxes = table.locator('tbody tr.ant-table-row .ant-checkbox-input');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByTestId('batch-bar').waitFor();
    await page.getByTestId('finding-batch-action').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '确认' }).first().click();
    await page.getByTestId('finding-batch-apply').click();
    const result = page.getByTestId('batch-result');
    await result.waitFor();
    await eventually(() => page.getByTestId('batch-row-ok').count()).toBe(2);
    expect(await page.getByTestId('batch-summary').textContent()).toContain('2');
    expect(session.pageErrors).toEqual([]);
  });
});
