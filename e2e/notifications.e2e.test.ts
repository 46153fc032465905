// Issue #12 item 2: a district reviewer returns a project with a comment; the enterprise user sees
// the bell's badge, opens the notification, lands on the project and reads the reason at the top.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openSession, type Session } from './support/browser';
import { apiSession, loginInBrowser } from './support/reporting';

const SCREENSHOTS = join(import.meta.dirname, 'screenshots');

describe('a returned project notifies the enterprise (issue #12 item 2)', () => {
  const baseURL = inject('baseURL');
  const accounts = inject('accounts');
  const enterprise = accounts.find((a) => a.role === 'enterprise_user');
  const officer = accounts.find((a) => a.username === 'demo.huangpu');
  const run = Date.now().toString(36);
  const title = `5G+AGV协同项目（通知端到端${run}）`;
  const reason = `请补充5G专网拓扑图和投资明细（端到端${run}）`;
  let projectId = '';
  let officerName = '';
  let browser: Browser;
  const sessions: Session[] = [];

  beforeAll(async () => {
    if (!enterprise || !officer) throw new Error(`demo accounts missing: ${accounts.map((a) => a.username).join(', ')}`);
    browser = await launchChromium();
    const ent = await apiSession(baseURL, enterprise);
    const hp = await apiSession(baseURL, officer);
    // The demo puts demo.enterprise in 黄埔区 with demo.huangpu, its pre-reviewer.
    expect(hp.me.districtId).toBe(ent.me.districtId);
    officerName = (hp.me as unknown as { displayName: string }).displayName;
    const created = await ent.api.post('/api/projects', {
      headers: ent.headers,
      data: { title, scenarios: [{ code: 'S06', category: 'main_production' }] },
    });
    expect(created.status()).toBe(201);
    const project = (await created.json()) as { id: string; version: number };
    projectId = project.id;
    const submitted = await ent.api.post(`/api/projects/${projectId}/transitions`, {
      headers: ent.headers,
      data: { action: 'submit', version: project.version },
    });
    expect(submitted.status()).toBe(200);
    await Promise.all([ent.api.dispose(), hp.api.dispose()]);
  });

  afterAll(async () => {
    await browser?.close();
    expect(sessions.flatMap((s) => s.contractWarnings)).toEqual([]);
    expect(sessions.flatMap((s) => s.pageErrors)).toEqual([]);
  });

  it('the district reviewer returns the project with a comment', async () => {
    if (!officer) throw new Error('no demo.huangpu');
    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const { page } = session;
    await loginInBrowser(page, officer);
    await page.goto(`/programme/projects/${projectId}`);
    await page.getByTestId('project-action-return').click();
    await page.getByTestId('project-action-comment').fill(reason);
    await page.getByTestId('project-action-confirm').click();
    await page.getByTestId('project-action-modal').waitFor({ state: 'hidden' });
    // The reviewer sees the reason at the top too.
    await expect.poll(() => page.getByTestId('project-decision-alert').textContent()).toContain(reason);
  });

  it('the enterprise user follows the badge to the project and reads the reason at the top', async () => {
    if (!enterprise) throw new Error('no demo enterprise_user');
    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const { page } = session;
    await loginInBrowser(page, enterprise);
    const badge = page.locator('.ant-badge:has([data-testid="notification-bell"]) .ant-badge-count');
    await expect.poll(async () => Number((await badge.getAttribute('title')) ?? 0), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.getByTestId('notification-bell').click();
    const item = page
      .getByTestId('notification-popover')
      .getByTestId('notification-item')
      .filter({ hasText: `项目被退回修改：${title}` });
    await item.first().waitFor();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'notification-project-returned.png') });
    await item.first().click();
    await page.waitForURL(`**/programme/projects/${projectId}`);
    const alert = page.getByTestId('project-decision-alert');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain(reason);
    expect(text).toContain(officerName);
    expect(text).toContain('退回修改');
    // It sits above everything else on the page.
    const [alertBox, titleBox] = await Promise.all([alert.boundingBox(), page.getByTestId('project-title').boundingBox()]);
    expect(alertBox?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(titleBox?.y ?? 0);
    await page.screenshot({ path: join(SCREENSHOTS, 'project-returned-reason.png') });
  });
});
