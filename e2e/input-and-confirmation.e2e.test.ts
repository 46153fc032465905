// Issue #12 items 4 and 5: a value out of its range is refused in the monthly form — the rule in
// Chinese under the red cell, the form saying it was not saved, the value not stored; a factory an
// enterprise declares does not move T-APP-1 until its district confirms it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openSession, type Session } from './support/browser';
import { apiSession, FORM, type FormBody, lastMonth, loginInBrowser, numberInput, reopenForEntry } from './support/reporting';

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

describe('input refused, figures confirmed (issue #12 items 4 and 5)', () => {
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

  it('refuses 120 % in a percentage cell with the rule in Chinese and stores nothing (#12 item 4)', async () => {
    if (!admin || !officer) throw new Error('demo accounts missing');
    const city = await apiSession(baseURL, admin);
    const district = await apiSession(baseURL, officer);
    const huangpu = district.me.districtId;
    if (!huangpu) throw new Error('demo.huangpu has no district');
    const period = lastMonth();
    const before = (await reopenForEntry(city, period, huangpu)).cells.find((c) => c.element === 'FIBRE_GIGABIT_COVERAGE')?.value ?? null;
    const read = async () =>
      ((await (await city.api.get(`${FORM}/${period}?orgUnit=${huangpu}`)).json()) as FormBody).cells.find(
        (c) => c.element === 'FIBRE_GIGABIT_COVERAGE',
      )?.value ?? null;

    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const page = session.page;
    await loginInBrowser(page, officer);
    await page.goto(`/indicators/reporting?period=${period}`);
    await eventually(() => page.getByTestId('report-state').textContent()).toBe('填报中');
    const input = numberInput(page, 'FIBRE_GIGABIT_COVERAGE');
    await input.fill('120');
    await input.blur();
    // The value stays as typed (no clamping to 100), the cell is marked and the rule shown.
    expect(await input.inputValue()).toBe('120');
    await eventually(() => input.getAttribute('data-invalid')).toBe('true');
    expect(await page.getByTestId('cell-error-FIBRE_GIGABIT_COVERAGE').textContent()).toBe('请输入 0 到 100 之间的百分比（最多 2 位小数）');
    await page.getByTestId('report-save').click();
    const outcome = page.getByTestId('report-outcome');
    await eventually(() => outcome.getAttribute('data-outcome')).toBe('refused');
    expect(await outcome.textContent()).toContain('未保存');
    expect(await read()).toBe(before);

    // Corrected, it is saved as typed and the form says so.
    await input.fill('99.5');
    await page.getByTestId('report-save').click();
    await eventually(() => outcome.getAttribute('data-outcome')).toBe('saved');
    expect(await outcome.textContent()).toContain('已保存');
    await eventually(read).toBe('99.5');
    await city.api.dispose();
    await district.api.dispose();
  });

  it('a declared factory counts toward T-APP-1 only once its district confirms it in the console (#12 item 5)', async () => {
    if (!admin) throw new Error('demo.admin missing');
    const city = await apiSession(baseURL, admin);
    const enterpriseAccount = accounts.find((a) => a.username === 'demo.enterprise') ?? accounts.find((a) => a.role === 'enterprise_user');
    if (!enterpriseAccount) throw new Error('no enterprise account');
    const enterprise = await apiSession(baseURL, enterpriseAccount);
    const districtId = enterprise.me.districtId;
    let confirmer: typeof officer;
    for (const candidate of accounts.filter((a) => a.role === 'district_officer' && !a.otpauthUri)) {
      const s = await apiSession(baseURL, candidate);
      if (s.me.districtId === districtId) confirmer = candidate;
      await s.api.dispose();
      if (confirmer) break;
    }
    if (!confirmer || !districtId) throw new Error('no district officer for the enterprise’s district');
    const value = async () =>
      ((await (await city.api.get(`/api/indicators/T-APP-1?district=${districtId}`)).json()) as { value: number }).value;
    const before = await value();

    const name = `端到端申报工厂 ${Date.now()}`;
    const scenarios = Array.from({ length: 10 }, (_, i) => ({
      code: null,
      customName: `场景${i + 1}`,
      category: 'main_production',
      goLiveDate: '2025-06-01',
    }));
    const created = await enterprise.api.post('/api/factories', {
      headers: enterprise.headers,
      data: { name, level: 'factory', scenarios },
    });
    expect(created.status(), await created.text()).toBe(201);
    const factory = (await created.json()) as { id: string; version: number; confirmation: { state: string } };
    expect(factory.confirmation.state).toBe('declared');
    expect(await value()).toBe(before);

    // The district officer sees it in the drill-down, apart and not counted.
    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const page = session.page;
    await loginInBrowser(page, confirmer);
    await page.goto(`/indicators/T-APP-1/records?district=${districtId}`);
    const pending = page.getByTestId('drill-pending');
    await eventually(() => pending.textContent()).toContain(name);
    expect(await pending.textContent()).toContain('待区级确认');

    // 工作台 counts it; the confirmation list confirms it by clicking, a reason required to return.
    await page.goto('/workbench');
    const todo = page.getByTestId('workbench-todo-record.confirm');
    await eventually(() => todo.count()).toBe(1);
    await todo.click();
    const row = page.getByTestId('confirmations-table').locator('tr', { hasText: name });
    await eventually(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('待区级确认');
    await row.getByTestId('confirmation-return').click();
    await page.getByTestId('confirmation-submit').click();
    await eventually(async () => (await page.getByTestId('confirmation-dialog').textContent()) ?? '').toContain('请填写退回原因');
    await page.getByRole('button', { name: /取\s*消/ }).click();
    await row.getByTestId('confirmation-confirm').click();
    await page.getByTestId('confirmation-comment').fill('端到端：现场核查通过');
    await page.getByTestId('confirmation-submit').click();
    await eventually(() => row.count()).toBe(0);
    await eventually(value).toBe(before + 1);
    // The enterprise is told.
    const told = (await (await enterprise.api.get('/api/notifications')).json()) as { items: Array<{ kind: string; titleZh: string }> };
    expect(told.items.find((n) => n.titleZh.includes(name))).toMatchObject({ kind: 'confirmation.confirmed' });
    await page.goto(`/indicators/T-APP-1/records?district=${districtId}`);
    await eventually(async () => (await page.getByTestId('drill-table').textContent()) ?? '').toContain(name);
    expect(await page.getByTestId('drill-pending').count()).toBe(0);
    await Promise.all([city.api.dispose(), enterprise.api.dispose()]);
  });
});
