// Issue #3 end to end: an enterprise declares a "5G+工业互联网" project with two scenarios and submits it,
// the district officer forwards it with a comment, the city approves it; the timeline shows all three.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type APIRequestContext, type Browser, type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openSession, pickOption, type Session, submitLogin } from './support/browser';
import { completeSecondFactor } from './support/two-factor';

const SCREENSHOTS = join(import.meta.dirname, 'screenshots');
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 100 });

interface Login {
  username: string;
  password: string;
}

/** Logs in through the API (own cookie jar) and returns the context, its CSRF token and who it is. */
async function apiSession(baseURL: string, login: Login) {
  const api = await request.newContext({ baseURL });
  const res = await api.post('/api/auth/login', { data: { username: login.username, password: login.password } });
  expect(res.status(), `login ${login.username}`).toBe(200);
  const me = (await res.json()) as { csrfToken: string; districtId: string | null; orgId: string; displayName: string };
  await completeSecondFactor(api, login.username, me, login.password);
  return { api, me, headers: { 'X-CSRF-Token': me.csrfToken } };
}

async function loginInBrowser(page: Page, login: Login): Promise<void> {
  await page.goto('/login');
  await submitLogin(page, login.username, login.password);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

describe('programme: declare → forward → approve (issue #3)', () => {
  const baseURL = inject('baseURL');
  const accounts = inject('accounts');
  const admin = accounts.find((a) => a.role === 'city_admin');
  const enterprise = accounts.find((a) => a.role === 'enterprise_user');
  const run = Date.now().toString(36);
  const title = `5G+机器视觉质检示范项目（端到端${run}）`;
  const forwardComment = `材料齐全，同意转报市级（端到端${run}）`;
  let officer: Login | undefined = accounts.find((a) => a.username === 'demo.huangpu');
  // The timeline names people by their display names.
  const names = { enterprise: '', officer: '' };
  let browser: Browser;
  let adminApi: APIRequestContext | undefined;
  const sessions: Session[] = [];
  let projectPath = '';

  beforeAll(async () => {
    if (!admin || !enterprise || !officer) throw new Error(`demo accounts missing: ${accounts.map((a) => a.username).join(', ')}`);
    browser = await launchChromium();
    // The enterprise's own district officer pre-reviews it. The demo data puts demo.enterprise in
    // 黄埔区 with demo.huangpu; should they ever be in different districts, an officer for the
    // enterprise's district is made through the API so the journey stays the same.
    const ent = await apiSession(baseURL, enterprise);
    const hp = await apiSession(baseURL, officer);
    names.enterprise = ent.me.displayName;
    names.officer = hp.me.displayName;
    if (ent.me.districtId !== hp.me.districtId) {
      const city = await apiSession(baseURL, admin);
      adminApi = city.api;
      const username = `officer.e2e${run}`;
      const created = await city.api.post('/api/users', {
        headers: city.headers,
        data: { username, displayName: `区级专员（端到端${run}）`, role: 'district_officer', orgId: ent.me.districtId },
      });
      expect(created.status()).toBe(201);
      const { oneTimePassword } = (await created.json()) as { oneTimePassword: string };
      const password = `Officer-e2e-${run}!`;
      const first = await apiSession(baseURL, { username, password: oneTimePassword });
      const changed = await first.api.post('/api/auth/password', {
        headers: first.headers,
        data: { currentPassword: oneTimePassword, newPassword: password },
      });
      expect(changed.status()).toBeLessThan(300);
      await first.api.dispose();
      officer = { username, password };
      names.officer = `区级专员（端到端${run}）`;
    }
    await Promise.all([ent.api.dispose(), hp.api.dispose()]);
  });

  afterAll(async () => {
    await adminApi?.dispose();
    await browser?.close();
    expect(sessions.flatMap((s) => s.contractWarnings)).toEqual([]);
    expect(sessions.flatMap((s) => s.pageErrors)).toEqual([]);
  });

  it('lets the enterprise user declare a project with two scenarios and submit it', async () => {
    if (!enterprise) throw new Error('no demo enterprise_user');
    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const { page } = session;
    await loginInBrowser(page, enterprise);

    await page.goto('/programme/projects');
    await page.getByTestId('project-declare').click();
    const drawer = page.getByTestId('project-form-drawer');
    // Enterprise users declare for their own enterprise: no enterprise picker.
    await drawer.getByTestId('project-own-enterprise').waitFor();
    await drawer.getByTestId('project-title').fill(title);
    await drawer.getByTestId('project-description').fill('在总装车间部署5G专网，开展机器视觉质检与数字孪生巡检。');

    // A filing id that breaks the rule is flagged as it is typed.
    await drawer.getByTestId('project-filingId').fill('GD 5G');
    await eventually(() => drawer.textContent()).toContain('申报编号为 6–40 位字母、数字或 -');
    await drawer.getByTestId('project-filingId').fill(`GD5G-E2E-${run}`.toUpperCase());

    // One scenario from the list, one custom; the listed one is core production.
    await pickOption(page, 'project-scenarios', '机器视觉质检', '机器视觉');
    await page.keyboard.type('数字孪生巡检');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    const rows = drawer.getByTestId('project-scenarios-rows');
    await eventually(() => rows.locator('tbody tr').count()).toBe(2);
    await drawer.getByTestId('scenario-category-0').getByText('核心生产').click();
    expect(await rows.textContent()).toContain('自定义');

    await drawer.getByTestId('project-networkMode').getByText('虚拟专网').click();
    await drawer.getByTestId('project-investmentTotal').fill('1200.5');
    // 5G investment above the total is refused before sending.
    await drawer.getByTestId('project-investment5g').fill('1300');
    await eventually(() => drawer.textContent()).toContain('5G投资不能超过总投资');
    await drawer.getByTestId('project-investment5g').fill('480');
    await drawer.getByTestId('project-plannedStart').fill('2027-01-04');
    await drawer.getByTestId('project-plannedStart').press('Enter');
    await drawer.getByTestId('project-plannedEnd').fill('2027-09-30');
    await drawer.getByTestId('project-plannedEnd').press('Enter');
    await page.getByTestId('project-form-submit').click();

    await page.waitForURL(/\/programme\/projects\/[0-9a-f-]{36}$/);
    projectPath = new URL(page.url()).pathname;
    const detail = page.getByTestId('project-detail');
    await eventually(() => detail.getByTestId('project-state').textContent()).toBe('草稿');
    const scenarios = detail.getByTestId('project-scenarios-table');
    await eventually(() => scenarios.textContent()).toContain('机器视觉质检');
    expect(await scenarios.textContent()).toContain('数字孪生巡检');
    expect(await scenarios.textContent()).toContain('核心生产');
    expect(await detail.textContent()).toContain('1,200.50');

    await page.getByTestId('project-action-submit').click();
    await page.getByTestId('project-action-confirm').click();
    await eventually(() => detail.getByTestId('project-state').textContent()).toBe('已申报');
    // Submitted: nothing left for the enterprise but cancelling.
    expect(await page.getByTestId('project-action-submit').count()).toBe(0);
    await session.context.close();
  });

  it('lets the district officer find it and forward it to the city with a comment', async () => {
    if (!officer) throw new Error('no district officer');
    expect(projectPath, 'the previous test declared the project').not.toBe('');
    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const { page } = session;
    await loginInBrowser(page, officer);

    await page.goto('/programme/projects');
    await page.getByTestId('project-tab-submitted').click();
    await page.getByPlaceholder('搜索项目名称、编号、描述').fill(run);
    await page.getByPlaceholder('搜索项目名称、编号、描述').press('Enter');
    const row = page.getByTestId('projects-table').getByRole('row', { name: new RegExp(`端到端${run}`) });
    await row.click();
    await page.waitForURL(`**${projectPath}`);

    // Returning needs a comment: the dialog says so before anything is sent.
    await page.getByTestId('project-action-return').click();
    await page.getByTestId('project-action-confirm').click();
    await eventually(() => page.getByTestId('project-action-modal').textContent()).toContain('请填写意见');
    await page.getByRole('button', { name: /取\s*消/ }).click();

    await page.getByTestId('project-action-forward').click();
    await page.getByTestId('project-action-comment').fill(forwardComment);
    await page.getByTestId('project-action-confirm').click();
    await eventually(() => page.getByTestId('project-detail').getByTestId('project-state').textContent()).toBe('市级审核');
    await session.context.close();
  });

  it('lets the city administrator approve it; the timeline shows the three actions', async () => {
    if (!admin) throw new Error('no demo city_admin');
    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const { page } = session;
    await loginInBrowser(page, admin);

    // The list filters live in the address: the city-review tab, searched by the run id.
    await page.goto(`/programme/projects?status=city_review&q=${run}`);
    await page
      .getByTestId('projects-table')
      .getByRole('row', { name: new RegExp(`端到端${run}`) })
      .click();
    await page.waitForURL(`**${projectPath}`);
    await page.getByTestId('project-action-approve').click();
    await page.getByTestId('project-action-comment').fill('同意立项');
    await page.getByTestId('project-action-confirm').click();
    const detail = page.getByTestId('project-detail');
    await eventually(() => detail.getByTestId('project-state').textContent()).toBe('审核通过');

    const timeline = page.getByTestId('project-timeline');
    await timeline.getByTestId('timeline-event-approve').waitFor();
    const submit = (await timeline.getByTestId('timeline-event-submit').textContent()) ?? '';
    const forward = (await timeline.getByTestId('timeline-event-forward').textContent()) ?? '';
    const approve = (await timeline.getByTestId('timeline-event-approve').textContent()) ?? '';
    expect(submit).toContain('提交');
    expect(submit).toContain('企业用户');
    expect(submit).toContain(names.enterprise);
    expect(submit).toContain('草稿 → 已申报');
    expect(forward).toContain('转报市级');
    // The timeline names the person who acted (the server records their display name).
    expect(forward).toContain(names.officer);
    expect(forward).toContain('区级专员');
    expect(forward).toContain(forwardComment);
    expect(approve).toContain('审核通过');
    expect(approve).toContain('市级管理员');
    const adminMe = (await (await page.request.get('/api/auth/me')).json()) as { displayName: string };
    expect(approve).toContain(adminMe.displayName);
    expect(approve).toContain('市级审核 → 审核通过');
    expect(approve).toContain('同意立项');
    // Creation, then the three actions, in order.
    const order = await timeline
      .locator('[data-testid^="timeline-event-"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
    expect(order).toEqual(['timeline-event-create', 'timeline-event-submit', 'timeline-event-forward', 'timeline-event-approve']);

    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'project-detail.png'), fullPage: true });

    // The enterprise's page lists the project.
    await detail
      .getByRole('link', { name: /有限公司/ })
      .first()
      .click();
    await page.waitForURL(/\/programme\/enterprises\/[0-9a-f-]{36}$/);
    const enterprisePage = page.getByTestId('enterprise-detail');
    await eventually(() => enterprisePage.textContent()).toContain(title);
    await enterprisePage.getByTestId('enterprise-profile').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'enterprise-detail.png'), fullPage: true });
  });

  it('shows the server’s reason when 验收 is refused, then accepts once the report is uploaded', async () => {
    const page = sessions.at(-1)?.page;
    if (!page) throw new Error('no admin session');
    const built = await (await page.request.get('/api/projects?status=built&pageSize=50')).json();
    const target = (built.items as Array<{ id: string; attachments: Array<{ kind: string }> }>).find(
      (p) => !p.attachments.some((a) => a.kind === 'acceptance_report'),
    );
    expect(target, 'a built demo project without an acceptance report').toBeDefined();
    await page.goto(`/programme/projects/${target?.id}`);
    const detail = page.getByTestId('project-detail');
    await page.getByTestId('project-action-accept').click();
    const modal = page.getByTestId('project-action-modal');
    await eventually(() => modal.textContent()).toContain('尚未上传"验收报告"类附件');
    await page.getByTestId('project-action-confirm').click();
    const error = modal.getByTestId('api-error');
    await eventually(() => error.textContent()).toContain('验收前须上传验收报告');
    // (#12 item 3) the reason code worded in Chinese, never the server's English sentence
    expect(await error.textContent()).toContain('验收前须在附件中上传验收报告。');
    expect(await error.textContent()).not.toContain('acceptance report');
    await modal.getByRole('button', { name: /取\s*消/ }).click();
    expect(await detail.getByTestId('project-state').textContent()).toBe('建成');

    // A program renamed .pdf is refused by content; the real report is attached as 验收报告.
    const fileInput = detail.locator('input[type=file]');
    await fileInput.setInputFiles({ name: '验收报告.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00fake executable') });
    await eventually(() => page.locator('.ant-message').textContent()).toContain('文件内容与其类型不符');
    expect(await detail.getByTestId('attachment-kind').textContent()).toContain('验收报告');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    await fileInput.setInputFiles({ name: `验收报告-${run}.pdf`, mimeType: 'application/pdf', buffer: pdf });
    const attachments = detail.getByTestId('project-attachments');
    await eventually(() => attachments.textContent()).toContain(`验收报告-${run}.pdf`);
    const link = attachments.getByRole('link', { name: new RegExp(`验收报告-${run}`) });
    const download = await page.request.get((await link.getAttribute('href')) ?? '');
    expect(download.status()).toBe(200);
    expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');

    await page.getByTestId('project-action-accept').click();
    await eventually(() => modal.textContent()).toContain('已上传验收报告');
    await page.getByTestId('project-action-confirm').click();
    await eventually(() => detail.getByTestId('project-state').textContent()).toBe('已验收');
    await page.getByTestId('project-timeline').getByTestId('timeline-event-accept').waitFor();
  });
});
