// Issue #15 item 3: an enterprise posts a demand, sees solutions ranked with their reasons and asks
// for contact; the provider answers the lead (contact → 方案沟通) in its own console.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openSession, pickOption, type Session } from './support/browser';
import { apiSession, loginInBrowser } from './support/reporting';

describe('供需对接: demand → ranked solutions with reasons → lead answered (#15 item 3)', () => {
  const baseURL = inject('baseURL');
  const accounts = inject('accounts');
  const enterprise = accounts.find((a) => a.role === 'enterprise_user');
  const provider = accounts.find((a) => a.role === 'provider_user');
  const title = `注塑件外观缺陷自动检测（e2e ${Date.now().toString(36)}）`;
  let browser: Browser;
  const sessions: Session[] = [];

  beforeAll(async () => {
    if (!enterprise || !provider) throw new Error('demo enterprise or provider account missing');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    expect(sessions.flatMap((s) => s.pageErrors)).toEqual([]);
    expect(sessions.flatMap((s) => s.contractWarnings)).toEqual([]);
  });

  it('walks the demand to a lead the provider moves to proposal', async () => {
    if (!enterprise || !provider) return;
    const ent = await openSession(browser, baseURL);
    sessions.push(ent);
    await loginInBrowser(ent.page, enterprise);
    await ent.page.goto('/services/demands');
    await ent.page.getByTestId('demand-create').click();
    await ent.page.getByTestId('demand-title').fill(title);
    await ent.page.getByTestId('demand-problem').fill('注塑车间靠人工目检外观划伤和缺料，夜班漏检多，希望用机器视觉自动检测缺陷。');
    await pickOption(ent.page, 'demand-scenarios', '机器视觉质检', '机器视觉');
    await ent.page.keyboard.press('Escape');
    await pickOption(ent.page, 'demand-industry', '橡胶和塑料制品业', '橡胶');
    await pickOption(ent.page, 'demand-budget', '10–50万元');
    await ent.page.getByTestId('demand-form-submit').click();
    await ent.page.waitForURL('**/services/demands/*');
    await expect.poll(() => ent.page.getByTestId('demand-title-heading').textContent()).toBe(title);

    // Ranked solutions, each with its reasons worded (never codes): the vision solution first.
    const first = ent.page.getByTestId('demand-match').first();
    await first.waitFor();
    expect(await first.textContent()).toContain('5G+机器视觉外观缺陷检测');
    await first.getByTestId('match-reason-scenario').waitFor();
    const reasons = (await first.getByTestId('match-reasons').textContent()) ?? '';
    expect(reasons).toContain('机器视觉质检');
    expect(reasons).toContain('橡胶和塑料制品业');
    expect(reasons).not.toMatch(/\b(scenario|industry|budget)\b/);
    await first.getByTestId('match-request-contact').click();
    await first.getByTestId('match-view-lead').waitFor();

    // The provider (owner of that solution) finds the lead and answers it.
    const prov = await openSession(browser, baseURL);
    sessions.push(prov);
    await loginInBrowser(prov.page, provider);
    await prov.page.goto('/services/leads');
    await prov.page.getByTestId('provider-matches').waitFor();
    const row = prov.page.getByTestId('leads-table').locator('tr', { hasText: title });
    await row.click();
    const drawer = prov.page.getByTestId('lead-drawer');
    await drawer.waitFor();
    await pickOption(prov.page, 'lead-next-status', '方案沟通');
    await prov.page.getByTestId('lead-note').fill('已约现场勘查，提交试点方案');
    await prov.page.getByTestId('lead-follow-up-submit').click();
    await expect.poll(() => drawer.getByTestId('lead-status').first().textContent()).toBe('方案沟通');

    // The API agrees: the lead is at proposal with the provider's answer recorded.
    const api = await apiSession(baseURL, enterprise);
    const leads = (await (await api.api.get(`/api/leads?q=${encodeURIComponent(title)}`)).json()) as {
      items: Array<{ status: string; firstResponseAt: string | null; solutionTitle: string }>;
    };
    expect(leads.items).toHaveLength(1);
    expect(leads.items[0]).toMatchObject({ status: 'proposal', solutionTitle: '5G+机器视觉外观缺陷检测' });
    expect(leads.items[0]?.firstResponseAt).not.toBeNull();
    await api.api.dispose();
  });
});
