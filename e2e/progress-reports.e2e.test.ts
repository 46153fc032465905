// Issue #4 item 7 and the notification bell: a city administrator generates last quarter's progress
// report from 指标与报送 → 进展报告, follows its progress, previews the printable HTML and downloads
// the PDF; the bell then shows the "report ready" notification, which leads back to the report.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openSession, type Session } from './support/browser';
import { apiSession, loginInBrowser } from './support/reporting';

const SCREENSHOTS = join(import.meta.dirname, 'screenshots');

describe('progress reports and notifications (issue #4)', () => {
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

  it('generates, previews and downloads the quarterly report; the bell announces it', async () => {
    if (!admin) throw new Error('no city_admin demo account');
    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const { page } = session;
    await loginInBrowser(page, admin);
    await page.getByTestId('side-menu').getByText('进展报告').click();
    await page.waitForURL('**/indicators/progress-reports');

    await page.getByTestId('report-generate').click();
    await expect.poll(() => page.getByTestId('report-progress').count(), { timeout: 10_000 }).toBe(1);
    // Done: the progress bar goes and the new report is the first row, ready.
    await page.getByTestId('report-progress').waitFor({ state: 'detached', timeout: 60_000 });
    const firstRow = page.getByTestId('report-table').locator('tbody tr').first();
    await expect.poll(() => firstRow.textContent(), { timeout: 15_000 }).toContain('已生成');

    await firstRow.getByTestId('report-preview').click();
    const frame = page.frameLocator('[data-testid="report-frame"]');
    await frame.locator('h1').waitFor();
    expect(await frame.locator('h1').textContent()).toMatch(/融合应用试点城市\d{4}年第\d季度进展报告/);
    expect(await frame.locator('h2').allTextContents()).toEqual(['一、总体情况', '二、目标进度', '三、分区情况', '四、重点项目']);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'progress-report-preview.png') });

    const href = await page
      .locator('.ant-drawer')
      .getByRole('link', { name: /下载 PDF/ })
      .getAttribute('href');
    expect(href).toMatch(/^\/api\/progress-reports\/[0-9a-f-]+\/pdf$/);
    const api = await apiSession(baseURL, admin);
    const pdf = await api.api.get(href ?? '');
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // The bell counts the "report ready" notification; it leads back to the report.
    await page.locator('.ant-drawer-close').click();
    await expect.poll(() => page.getByTestId('notification-bell').isVisible()).toBe(true);
    await page.reload();
    await page.getByTestId('notification-bell').click();
    const item = page.getByTestId('notification-popover').getByTestId('notification-item').filter({ hasText: '进展报告已生成' }).first();
    await item.waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'notification-bell.png') });
    await item.click();
    await page.waitForURL('**/indicators/progress-reports?report=*');
    await page.getByTestId('report-frame').waitFor();

    await page.goto('/notifications');
    await expect.poll(() => page.getByTestId('notification-table').textContent()).toContain('进展报告已生成');
  });
});
