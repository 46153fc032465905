// Issue #3 end to end (selections, 遴选): the city opens a benchmark round with a two-criterion rubric,
// an enterprise applies with its factory, its district recommends it, the city starts the review and
// assigns an expert — a conflicted one is refused with the reason; one assigned by mistake is removed
// and assigned again —, the expert scores through the form (the preview matches the server's total),
// and the conflicted expert cannot open the application.
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

interface Me {
  id: string;
  csrfToken: string;
  districtId: string | null;
  orgId: string;
  orgName: string;
  displayName: string;
}

/** Logs in through the API (own cookie jar) and returns the context, its CSRF token and who it is. */
async function apiSession(baseURL: string, login: Login) {
  const api = await request.newContext({ baseURL });
  const res = await api.post('/api/auth/login', { data: { username: login.username, password: login.password } });
  expect(res.status(), `login ${login.username}`).toBe(200);
  const me = (await res.json()) as Me;
  await completeSecondFactor(api, login.username, me, login.password);
  return { api, me, headers: { 'X-CSRF-Token': me.csrfToken } };
}

/** Replaces a first-login password (one-time, from creation or a reset) with a chosen one. */
async function setOwnPassword(baseURL: string, username: string, oneTimePassword: string, password: string): Promise<void> {
  const first = await apiSession(baseURL, { username, password: oneTimePassword });
  const changed = await first.api.post('/api/auth/password', {
    headers: first.headers,
    data: { currentPassword: oneTimePassword, newPassword: password },
  });
  expect(changed.status(), `password change for ${username}`).toBeLessThan(300);
  await first.api.dispose();
}

async function loginInBrowser(page: Page, login: Login): Promise<void> {
  await page.goto('/login');
  await submitLogin(page, login.username, login.password);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

describe('selections: apply → recommend → assign (a conflict refused) → score (issue #3)', () => {
  const baseURL = inject('baseURL');
  const accounts = inject('accounts');
  const admin = accounts.find((a) => a.role === 'city_admin');
  const enterprise = accounts.find((a) => a.role === 'enterprise_user');
  const expert = accounts.find((a) => a.username === 'demo.expert');
  const run = Date.now().toString(36);
  const title = `2026年5G工厂标杆遴选（端到端${run}）`;
  const narrative = `依托5G虚拟专网建成10个以上应用场景（端到端${run}）。`;
  let officer: Login | undefined = accounts.find((a) => a.username === 'demo.huangpu');
  let conflicted: Login | undefined;
  let conflictedName = '';
  let factoryName = '';
  let browser: Browser;
  let adminApi: APIRequestContext | undefined;
  const sessions: Session[] = [];
  let roundPath = '';
  let applicationPath = '';

  async function session(login: Login | undefined): Promise<Page> {
    if (!login) throw new Error('missing account');
    const s = await openSession(browser, baseURL);
    sessions.push(s);
    await loginInBrowser(s.page, login);
    return s.page;
  }

  beforeAll(async () => {
    if (!admin || !enterprise || !expert) throw new Error(`demo accounts missing: ${accounts.map((a) => a.username).join(', ')}`);
    browser = await launchChromium();
    const city = await apiSession(baseURL, admin);
    adminApi = city.api;
    const ent = await apiSession(baseURL, enterprise);
    if (!ent.me.districtId) throw new Error('the demo enterprise user has no district');

    // The enterprise applies with one of its 5G factories; one is registered if it has none.
    const factories = (await (await ent.api.get(`/api/factories?enterpriseId=${ent.me.orgId}&pageSize=5`)).json()) as {
      items: Array<{ name: string }>;
    };
    factoryName = factories.items[0]?.name ?? '';
    if (!factoryName) {
      factoryName = `端到端5G工厂${run}`;
      const created = await ent.api.post('/api/factories', { headers: ent.headers, data: { name: factoryName, level: 'workshop' } });
      expect(created.status(), await created.text()).toBe(201);
    }

    // The enterprise's own district officer recommends. demo.huangpu is used when it is that district's
    // officer; otherwise one is made for the enterprise's district so the journey stays the same.
    const hp = officer ? await apiSession(baseURL, officer) : null;
    if (hp?.me.districtId !== ent.me.districtId) {
      const username = `officer.sel${run}`;
      const created = await city.api.post('/api/users', {
        headers: city.headers,
        data: { username, displayName: `区级专员（遴选端到端${run}）`, role: 'district_officer', orgId: ent.me.districtId },
      });
      expect(created.status(), await created.text()).toBe(201);
      const { oneTimePassword } = (await created.json()) as { oneTimePassword: string };
      const password = `Officer-sel-${run}!`;
      await setOwnPassword(baseURL, username, oneTimePassword, password);
      officer = { username, password };
    }
    await hp?.api.dispose();

    // Expert profiles: demo.expert2 works for the applicant (conflicted); demo.expert has no tie to it.
    const experts = (await (await city.api.get('/api/selections/experts')).json()) as Array<{
      userId: string;
      username: string;
      displayName: string;
    }>;
    const free = experts.find((e) => e.username === 'demo.expert');
    const tied = experts.find((e) => e.username === 'demo.expert2');
    if (!free || !tied) throw new Error(`experts missing: ${experts.map((e) => e.username).join(', ')}`);
    conflictedName = tied.displayName;
    for (const [e, affiliationOrgId] of [
      [free, null],
      [tied, ent.me.orgId],
    ] as const) {
      const res = await city.api.put(`/api/selections/experts/${e.userId}`, {
        headers: city.headers,
        data: { affiliationOrgId, districtId: null, specialties: '5G专网' },
      });
      expect(res.status(), await res.text()).toBe(200);
    }
    // demo.expert2's password is unknown (demo data): the administrator resets it, the expert sets a new one.
    const reset = await city.api.post(`/api/users/${tied.userId}/reset-password`, { headers: city.headers });
    expect(reset.status(), await reset.text()).toBe(200);
    const { oneTimePassword } = (await reset.json()) as { oneTimePassword: string };
    conflicted = { username: tied.username, password: `Expert2-sel-${run}!` };
    await setOwnPassword(baseURL, conflicted.username, oneTimePassword, conflicted.password);
    await ent.api.dispose();
  });

  afterAll(async () => {
    await adminApi?.dispose();
    await browser?.close();
    expect(sessions.flatMap((s) => s.contractWarnings)).toEqual([]);
    expect(sessions.flatMap((s) => s.pageErrors)).toEqual([]);
  });

  it('lets the city administrator create a benchmark round with a two-criterion rubric and open it', async () => {
    const page = await session(admin);
    await page.goto('/programme/selections');
    await page.getByTestId('round-create').click();
    const drawer = page.getByTestId('round-form-drawer');
    await drawer.getByTestId('round-title').fill(title);
    await drawer.getByTestId('round-description').fill('面向全市5G工厂征集标杆，经区级推荐、专家评审、公示后发布。');
    await drawer.getByTestId('round-kind').getByText('5G工厂标杆').click();
    await drawer.getByTestId('round-subjectType').getByText('5G工厂').click();
    await drawer.getByTestId('round-year').fill('2026');
    await drawer.getByTestId('round-quota').fill('5');
    // The template has four criteria: keep two, weighted 60 / 40, the second scored out of 20.
    await drawer.getByTestId('criterion-remove-3').click();
    await drawer.getByTestId('criterion-remove-2').click();
    await eventually(() => drawer.locator('[data-testid^="criterion-key-"]').count()).toBe(2);
    await drawer.getByTestId('criterion-weight-0').fill('60');
    await drawer.getByTestId('criterion-weight-1').fill('40');
    await drawer.getByTestId('criterion-max-1').fill('20');
    // A duplicate key is refused before anything is sent.
    await drawer.getByTestId('criterion-key-1').fill('network');
    await eventually(() => drawer.textContent()).toContain('评分项代码不能重复');
    await drawer.getByTestId('criterion-key-1').fill('scenarios');
    await page.getByTestId('round-form-submit').click();

    await page.waitForURL(/\/programme\/selections\/[0-9a-f-]{36}$/);
    roundPath = new URL(page.url()).pathname;
    const detail = page.getByTestId('round-detail');
    await eventually(() => detail.getByTestId('round-stage').first().textContent()).toBe('草稿');
    const rubric = detail.getByTestId('rubric-table');
    expect(await rubric.textContent()).toContain('网络建设水平');
    expect(await rubric.textContent()).toContain('60（60%）');
    expect(await rubric.locator('tbody tr').count()).toBe(2);

    await page.getByTestId('round-action-open').click();
    await page.getByTestId('round-action-confirm').click();
    await eventually(() => detail.getByTestId('round-stage').first().textContent()).toBe('征集中');
  });

  it('lets the enterprise apply with its own factory', async () => {
    expect(roundPath, 'the round was created').not.toBe('');
    const page = await session(enterprise);
    await page.goto(roundPath);
    await page.getByTestId('round-apply').click();
    const drawer = page.getByTestId('apply-drawer');
    await pickOption(page, 'apply-subject', factoryName);
    await drawer.getByTestId('apply-narrative').fill(narrative);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    await drawer.locator('input[type=file]').setInputFiles({ name: `申报书-${run}.pdf`, mimeType: 'application/pdf', buffer: pdf });
    await eventually(() => drawer.textContent()).toContain(`申报书-${run}.pdf`);
    await page.getByTestId('apply-submit').click();

    await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    applicationPath = new URL(page.url()).pathname;
    const detail = page.getByTestId('application-detail');
    await eventually(() => detail.getByTestId('application-status').textContent()).toBe('已申报');
    expect(await detail.getByTestId('application-narrative').textContent()).toBe(narrative);
    expect(await detail.textContent()).toContain(`申报书-${run}.pdf`);
  });

  it('lets the city close applications and the district officer recommend it', async () => {
    expect(applicationPath, 'the enterprise applied').not.toBe('');
    const city = sessions[0]?.page;
    if (!city) throw new Error('no admin session');
    await city.goto(roundPath);
    await city.getByTestId('round-action-close_applications').click();
    await city.getByTestId('round-action-confirm').click();
    await eventually(() => city.getByTestId('round-detail').getByTestId('round-stage').first().textContent()).toBe('区级推荐');

    const page = await session(officer);
    await page.goto(roundPath);
    await page
      .getByTestId('applications-table')
      .getByRole('row', { name: new RegExp(factoryName) })
      .click();
    await page.waitForURL(`**${applicationPath}`);
    const card = page.getByTestId('recommend-card');
    await card.getByTestId('recommend-decision').getByText('推荐', { exact: true }).click();
    await card.getByTestId('recommend-comment').fill(`场景丰富，同意推荐（端到端${run}）`);
    await card.getByTestId('recommend-submit').click();
    await eventually(() => page.getByTestId('application-detail').getByTestId('application-status').textContent()).toBe('区级推荐');
  });

  it('lets the city start the review, assign an expert and refuse a conflicted one with the reason', async () => {
    const page = sessions[0]?.page;
    if (!page) throw new Error('no admin session');
    await page.goto(roundPath);
    await page.getByTestId('round-action-start_review').click();
    await page.getByTestId('round-action-confirm').click();
    const round = page.getByTestId('round-detail');
    await eventually(() => round.getByTestId('round-stage').first().textContent()).toBe('专家评审');

    await page.goto(applicationPath);
    const card = page.getByTestId('assign-card');
    await pickOption(page, 'assign-experts', '评审专家（演示）', '评审专家（');
    await page.keyboard.press('Escape');
    await card.getByTestId('assign-submit').click();
    await eventually(() => card.textContent()).toContain('已分配 1 / 3 名');

    // demo.expert2 works for the applicant: marked in the list, refused by the server, named in the message.
    await page.getByTestId('assign-experts').click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: conflictedName });
    await eventually(() => option.textContent()).toContain('须回避：本企业');
    await option.click();
    await page.keyboard.press('Escape');
    await card.getByTestId('assign-submit').click();
    const refusal = card.getByTestId('assign-conflict');
    await eventually(() => refusal.textContent()).toContain('存在利益冲突');
    expect(await refusal.textContent()).toContain(`${conflictedName}：任职于申报企业，须回避本企业`);
    expect(await card.textContent()).toContain('已分配 1 / 3 名');

    // Assigned by mistake: the organiser removes the expert (no score yet), then assigns them again.
    await page.goto(applicationPath);
    const assigned = card.getByTestId('assigned-experts');
    await eventually(() => assigned.textContent()).toContain('待评分');
    await assigned.getByTestId('unassign').click();
    await page.getByTestId('unassign-confirm').click();
    await eventually(() => card.textContent()).toContain('已分配 0 / 3 名');
    await eventually(() => assigned.textContent()).toContain('尚未分配专家');
    await pickOption(page, 'assign-experts', '评审专家（演示）', '评审专家（');
    await page.keyboard.press('Escape');
    await card.getByTestId('assign-submit').click();
    await eventually(() => card.textContent()).toContain('已分配 1 / 3 名');
    await eventually(() => assigned.textContent()).toContain('待评分');

    await page.goto(roundPath);
    await eventually(() => round.getByTestId('score-progress').first().textContent()).toBe('0 / 1');
    expect(await round.getByTestId('assigned-of-required').first().textContent()).toBe('1 / 3');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'selection-round.png'), fullPage: true });
  });

  it('lets the assigned expert score through the form; the preview is the server’s total', async () => {
    const page = await session(expert);
    // Experts start at 工作台, like everyone (issue #12 item 1).
    await page.waitForURL('**/workbench');
    await page.goto(roundPath);
    await page
      .getByTestId('applications-table')
      .getByRole('row', { name: new RegExp(factoryName) })
      .click();
    await page.waitForURL(`**${applicationPath}`);
    const card = page.getByTestId('score-card');
    expect(await card.textContent()).toContain('满分 20，权重 40（40%）');
    // Over the maximum is flagged before sending.
    await card.getByTestId('score-scenarios').fill('25');
    await card.getByTestId('score-network').fill('8');
    await eventually(() => card.textContent()).toContain('"应用场景深度"的得分为 0–20');
    await card.getByTestId('score-scenarios').fill('15');
    await card.getByTestId('score-comment').fill('网络与场景均达到标杆水平。');
    // 60·8/10 + 40·15/20 = 48 + 30 = 78 of 100.
    await eventually(() => card.getByTestId('score-total').textContent()).toContain('78.00');
    await eventually(() => card.textContent()).not.toContain('的得分为 0–20');
    await page.screenshot({ path: join(SCREENSHOTS, 'selection-scoring.png'), fullPage: true });
    await card.getByTestId('score-submit').click();
    await eventually(() => card.getByTestId('score-submitted').textContent()).toContain('总分 78.00');

    // The organiser sees the score.
    const city = sessions[0]?.page;
    if (!city) throw new Error('no admin session');
    await city.goto(applicationPath);
    const scores = city.getByTestId('scores-card');
    await eventually(() => scores.textContent()).toContain('78.00');
    expect(await scores.textContent()).toContain('评审专家（演示）');
    // Once scored, the expert stays on the application: no remove button.
    const assigned = city.getByTestId('assigned-experts');
    await eventually(() => assigned.textContent()).toContain('已评分');
    expect(await assigned.getByTestId('unassign').count()).toBe(0);
  });

  it('does not let the conflicted expert open the application', async () => {
    const page = await session(conflicted);
    await page.goto(applicationPath);
    const refused = page.getByTestId('application-not-found');
    await eventually(() => refused.textContent()).toContain('申报不存在或您无权查看');
    expect(await page.getByTestId('score-card').count()).toBe(0);
    // Nor does the application appear in the round's list for them.
    await page.goto(roundPath);
    const table = page.getByTestId('applications-table');
    await eventually(() => table.textContent()).toContain('暂无申报');
    expect(await table.textContent()).not.toContain(factoryName);
  });
});
