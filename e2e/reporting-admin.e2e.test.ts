// Issue #4 (报送配置): a city admin creates a validation rule in the console — a malformed expression is
// refused with the parser's message under the field, the corrected rule is saved, listed and edited —
// and the batch validation lists its violations (the rule always fails; it is deleted again after).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openSession, pickOption, type Session } from './support/browser';
import { apiSession, lastMonth, loginInBrowser } from './support/reporting';

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 100 });

describe('reporting configuration (issue #4)', () => {
  const baseURL = inject('baseURL');
  const admin = inject('accounts').find((a) => a.role === 'city_admin');
  const code = `E2E_RULE_${Date.now().toString(36).toUpperCase()}`;
  let browser: Browser;
  const sessions: Session[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    // the rule would take part in other journeys' completions: remove it again
    if (admin) {
      const city = await apiSession(baseURL, admin);
      await city.api.delete(`/api/reporting/config/validation-rules/${code}`, { headers: city.headers });
      await city.api.dispose();
    }
    await browser?.close();
    expect(sessions.flatMap((s) => s.contractWarnings)).toEqual([]);
    expect(sessions.flatMap((s) => s.pageErrors)).toEqual([]);
  });

  it('a city admin creates a validation rule and runs the batch validation', async () => {
    if (!admin) throw new Error('demo.admin missing');
    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const page = session.page;
    await loginInBrowser(page, admin);
    await page.getByTestId('side-menu').getByText('报送配置').click();
    await page.waitForURL('**/indicators/reporting-config');
    await page.getByTestId('tab-rules').click();
    await page.getByTestId('rule-table').getByText('BS5G_NEVER_FALLS').waitFor();

    await page.getByTestId('rule-add').click();
    const drawer = page.getByTestId('rule-drawer');
    await drawer.getByTestId('rule-code').fill(code);
    await pickOption(page, 'rule-dataSet', 'DISTRICT_MONTHLY');
    await drawer.getByTestId('rule-nameZh').fill('端到端：故意不成立的规则');
    await drawer.getByTestId('rule-nameEn').fill('E2E: a rule that always fails');
    await drawer.getByTestId('rule-left').fill('#{BS5G_TOTAL} +');
    await drawer.getByTestId('rule-right').fill('#{BS5G_TOTAL} + 1');
    await drawer.getByTestId('rule-submit').click();
    await eventually(() => drawer.locator('.ant-form-item-explain-error').first().textContent()).toContain(
      // formula.unexpected_end, worded by the console from the reason (position is 1-based)
      '第 16 个字符处：公式不完整，此处还缺少内容。',
    );

    await drawer.getByTestId('rule-left').fill('#{BS5G_TOTAL}');
    await drawer.getByTestId('rule-submit').click();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByTestId('rule-table').getByText(code).waitFor();

    // editing sends only the input fields (the strict API refuses anything else)
    await page.getByTestId(`rule-edit-${code}`).click();
    await drawer.getByTestId('rule-nameZh').fill('端到端：必然违反的规则');
    await drawer.getByTestId('rule-submit').click();
    await drawer.waitFor({ state: 'hidden' });

    const city = await apiSession(baseURL, admin);
    const rules = (await (await city.api.get('/api/reporting/config/validation-rules?dataSet=DISTRICT_MONTHLY')).json()) as Array<
      Record<string, string>
    >;
    expect(rules.find((r) => r.code === code)).toMatchObject({
      nameZh: '端到端：必然违反的规则',
      left: '#{BS5G_TOTAL}',
      operator: 'greater_than_or_equal_to',
      right: '#{BS5G_TOTAL} + 1',
      strategy: 'SKIP_IF_ANY_VALUE_MISSING',
      importance: 'medium',
    });
    await city.api.dispose();

    await page.getByTestId('tab-batch').click();
    await page.getByTestId('batch-run').click();
    await eventually(() => page.getByTestId('batch-summary').textContent()).toMatch(/个区 × 3 期 × \d+ 条规则/);
    // the new rule fails wherever a district reported its total: one row per district and month
    const violations = page.getByTestId('batch-table');
    await violations.getByText(code).first().waitFor();
    expect(await violations.textContent()).toContain('端到端：必然违反的规则');
    expect(await violations.textContent()).toMatch(/左值 [\d,]+ 应大于等于 >=右值 [\d,]+/);
  });

  it('a district officer imports a CSV on 月度报送 and sees every rejected cell; nothing is written', async () => {
    const officer = inject('accounts').find((a) => a.username === 'demo.huangpu');
    if (!officer) throw new Error('demo.huangpu missing');
    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const page = session.page;
    await loginInBrowser(page, officer);
    const period = lastMonth();
    await page.goto(`/indicators/reporting?period=${period}`);
    await page.getByTestId('report-import').click();
    const csv = ['dataelement,period,orgunit,value,comment', `BS5G_TOTAL,${period},440112,十二,`, `BS5G_TOTAL,${period},440106,12,`].join(
      '\r\n',
    );
    await page
      .getByTestId('report-import-dialog')
      .locator('input[type=file]')
      .setInputFiles({ name: 'values.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const rejected = page.getByTestId('report-import-rejected');
    await rejected.waitFor();
    expect(await page.getByTestId('report-import-result').textContent()).toContain('2 处不通过，文件未写入任何数据');
    // Worded from the import reason (import.scope): 您无权报送<district>的数据。
    expect(await rejected.textContent()).toMatch(/您无权报送.+的数据/);
    expect(await rejected.textContent()).toContain('应为非负整数');
    expect(await rejected.textContent()).not.toContain('you may not report');
    expect(await rejected.textContent()).not.toContain('is not a whole number');
  });
});
