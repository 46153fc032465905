// Issue #12 item 1: every role lands on 工作台 after login, sees its own to-dos (the same kinds and
// counts the API answers, worded, never codes), and a to-do opens the filtered list.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Workbench } from '@suilian/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openSession, type Session, submitLogin } from './support/browser';
import { apiSession, type Login } from './support/reporting';

const SCREENSHOTS = join(import.meta.dirname, 'screenshots');
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 100 });

describe('工作台: every role lands on its own to-dos (issue #12 item 1)', () => {
  const baseURL = inject('baseURL');
  const accounts = inject('accounts');
  const enterprise = accounts.find((a) => a.role === 'enterprise_user');
  const officer = accounts.find((a) => a.username === 'demo.huangpu');
  const admin = accounts.find((a) => a.role === 'city_admin');
  const expert = accounts.find((a) => a.role === 'expert');
  const run = Date.now().toString(36);
  const draftTitle = `5G+设备预测性维护项目草稿（工作台${run}）`;
  const submittedTitle = `5G+园区物流项目（工作台${run}）`;
  let browser: Browser;
  const sessions: Session[] = [];

  /** Logs in through the login form, lands on 工作台 and checks the page against the API's answer. */
  async function landOnWorkbench(login: Login): Promise<{ page: Page; workbench: Workbench }> {
    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const { page } = session;
    await page.goto('/login');
    await submitLogin(page, login.username, login.password);
    await page.waitForURL('**/workbench');
    await page.getByTestId('workbench-todos').waitFor();
    // The browser's own session asks the API (a second login would spend the one-time code again).
    const res = await session.context.request.get('/api/workbench');
    expect(res.status(), `${login.username}: ${await res.text()}`).toBe(200);
    const workbench = (await res.json()) as Workbench;
    if (workbench.items.length === 0) {
      await page.getByTestId('workbench-no-todos').waitFor();
    }
    for (const item of workbench.items) {
      const card = page.getByTestId(`workbench-todo-${item.kind}`);
      await card.waitFor();
      expect(await card.getAttribute('data-count'), item.kind).toBe(String(item.count));
      expect(await card.getAttribute('href'), item.kind).toBe(item.link);
    }
    // Kinds are worded: no code such as project.draft reaches the reader.
    const text = (await page.getByTestId('workbench-todos').textContent()) ?? '';
    expect(text).not.toMatch(/[a-z_]+\.[a-z_]+/);
    return { page, workbench };
  }

  beforeAll(async () => {
    if (!enterprise || !officer || !admin || !expert)
      throw new Error(`demo accounts missing: ${accounts.map((a) => a.username).join(', ')}`);
    browser = await launchChromium();
    // The enterprise keeps one draft and submits another: its own to-do, and its district's.
    const ent = await apiSession(baseURL, enterprise);
    const hp = await apiSession(baseURL, officer);
    expect(ent.me.districtId, 'demo.enterprise lies in demo.huangpu’s district').toBe(hp.me.districtId);
    const create = async (title: string) => {
      const res = await ent.api.post('/api/projects', {
        headers: ent.headers,
        data: { title, scenarios: [{ code: 'S06', category: 'main_production' }] },
      });
      expect(res.status()).toBe(201);
      return (await res.json()) as { id: string; version: number };
    };
    await create(draftTitle);
    const submitted = await create(submittedTitle);
    const res = await ent.api.post(`/api/projects/${submitted.id}/transitions`, {
      headers: ent.headers,
      data: { action: 'submit', version: submitted.version },
    });
    expect(res.status()).toBe(200);
    await Promise.all([ent.api.dispose(), hp.api.dispose()]);
  });

  afterAll(async () => {
    for (const s of sessions) {
      expect(s.contractWarnings).toEqual([]);
      expect(s.pageErrors).toEqual([]);
    }
    await browser?.close();
  });

  it('lands the enterprise on its drafts; the card opens the projects filtered to drafts', async () => {
    if (!enterprise) return;
    const { page, workbench } = await landOnWorkbench(enterprise);
    expect(workbench.items.map((i) => i.kind)).toContain('project.draft');
    expect(workbench.cockpit).toBeNull();
    await eventually(() => page.getByTestId('workbench-todo-project.draft').textContent()).toContain('未提交的项目草稿');
    await page.getByTestId('workbench-todo-project.draft').click();
    await page.waitForURL('**/programme/projects?status=draft');
    const table = page.getByTestId('projects-table');
    await table.getByText(draftTitle).waitFor();
    expect(await table.getByText(submittedTitle).count()).toBe(0);
  });

  it('lands the district officer on its pre-reviews and the cockpit; the card opens the submitted projects', async () => {
    if (!officer) return;
    const { page, workbench } = await landOnWorkbench(officer);
    expect(workbench.items.map((i) => i.kind)).toContain('project.pre_review');
    expect(workbench.cockpit?.scope).toBe('district');
    await page.getByTestId('workbench-cockpit').waitFor();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'workbench-district.png'), fullPage: true });
    await page.getByTestId('workbench-todo-project.pre_review').click();
    await page.waitForURL('**/programme/projects?status=submitted');
    const table = page.getByTestId('projects-table');
    await table.getByText(submittedTitle).waitFor();
    expect(await table.getByText(draftTitle).count()).toBe(0);
  });

  it('lands the city administrator on its to-dos and the city cockpit', async () => {
    if (!admin) return;
    const { page, workbench } = await landOnWorkbench(admin);
    expect(workbench.cockpit?.scope).toBe('city');
    await page.getByTestId('workbench-cockpit').waitFor();
    // The city reviews; it never pre-reviews a district's projects or finishes an enterprise's drafts.
    const kinds = workbench.items.map((i) => i.kind);
    expect(kinds).not.toContain('project.pre_review');
    expect(kinds).not.toContain('project.draft');
    // 工作台 is the first menu entry.
    const first = page.getByTestId('side-menu').getByRole('menuitem').first();
    expect(await first.textContent()).toContain('工作台');
  });

  it('lands the expert on 工作台 with only what is assigned to score, no cockpit', async () => {
    if (!expert) return;
    const { page, workbench } = await landOnWorkbench(expert);
    expect(workbench.items.every((i) => i.kind === 'selection.score')).toBe(true);
    expect(workbench.cockpit).toBeNull();
    expect(await page.getByTestId('workbench-cockpit').count()).toBe(0);
    // `/` leads to 工作台 too.
    await page.goto('/');
    await page.waitForURL('**/workbench');
  });
});
