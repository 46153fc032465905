// Issue #12 item 6 (reviews that hold up): in a blind round (匿名评审) the assigned expert reviews an
// application without learning who applied — no enterprise, no district, no district comment, the
// subject shown by an anonymous number — while the organiser sees everything. The round is set up
// through the API (the console journey of a round is selections.e2e); what is checked here is what
// the expert's browser receives and shows.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openSession, type Session } from './support/browser';
import { type ApiSession, apiSession, loginInBrowser } from './support/reporting';

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

describe('a blind round hides the applicant from its experts (#12 item 6)', () => {
  const baseURL = inject('baseURL');
  const accounts = inject('accounts');
  const account = (username: string) => {
    const found = accounts.find((a) => a.username === username);
    if (!found) throw new Error(`demo account ${username} missing`);
    return found;
  };
  const run = Date.now().toString(36);
  const comment = `匿名评审推荐意见${run}`;
  let browser: Browser;
  const sessions: Session[] = [];
  const apis: ApiSession[] = [];
  let roundId = '';
  let applicationId = '';
  let enterpriseName = '';
  let subjectName = '';

  async function api(username: string): Promise<ApiSession> {
    const s = await apiSession(baseURL, account(username));
    apis.push(s);
    return s;
  }

  async function ok(res: { status(): number; text(): Promise<string>; json(): Promise<unknown> }, status = 200) {
    expect(res.status(), await res.text()).toBe(status);
    return (await res.json()) as Record<string, unknown>;
  }

  beforeAll(async () => {
    browser = await launchChromium();
    const city = await api('demo.admin');
    const ent = await api('demo.enterprise');
    const officer = await api('demo.huangpu');
    if (officer.me.districtId !== ent.me.districtId) throw new Error('the demo enterprise is expected in demo.huangpu’s district');

    const round = await ok(
      await city.api.post('/api/selections', {
        headers: city.headers,
        data: {
          title: `2026年匿名评审标杆遴选（端到端${run}）`,
          kind: 'benchmark_factory',
          subjectType: 'factory',
          year: 2026,
          rubric: [{ key: 'network', nameZh: '网络建设水平', nameEn: 'Network', weight: 1, maxScore: 10 }],
          deadline: '2027-06-30T00:00:00+08:00',
          quota: 1,
          blind: true,
        },
      }),
      201,
    );
    roundId = String(round.id);
    const move = async (action: string) => {
      const current = await ok(await city.api.get(`/api/selections/${roundId}`));
      await ok(
        await city.api.post(`/api/selections/${roundId}/transitions`, {
          headers: city.headers,
          data: { version: current.version, action },
        }),
      );
    };
    await move('open');

    subjectName = `匿名评审车间${run}`;
    const factory = await ok(
      await ent.api.post('/api/factories', { headers: ent.headers, data: { name: subjectName, level: 'workshop' } }),
      201,
    );
    const applied = await ok(
      await ent.api.post(`/api/selections/${roundId}/applications`, {
        headers: ent.headers,
        data: { subjectId: factory.id, narrative: '5G全连接车间，12个应用场景。' },
      }),
      201,
    );
    applicationId = String(applied.id);
    enterpriseName = String(applied.enterpriseName);
    await move('close_applications');
    await ok(
      await officer.api.post(`/api/selections/${roundId}/applications/${applicationId}/recommendation`, {
        headers: officer.headers,
        data: { recommended: true, comment },
      }),
    );

    // demo.expert has no tie to the applicant (cleared here in case another spec set one).
    const experts = (await (await city.api.get('/api/selections/experts')).json()) as Array<{ userId: string; username: string }>;
    const expert = experts.find((e) => e.username === 'demo.expert');
    if (!expert) throw new Error('demo.expert has no expert profile');
    await ok(
      await city.api.put(`/api/selections/experts/${expert.userId}`, {
        headers: city.headers,
        data: { affiliationOrgId: null, districtId: null, specialties: '5G专网' },
      }),
    );
    await ok(
      await city.api.post(`/api/selections/${roundId}/applications/${applicationId}/assignments`, {
        headers: city.headers,
        data: { expertIds: [expert.userId] },
      }),
    );
    await move('start_review');
  });

  afterAll(async () => {
    await Promise.all(apis.map((a) => a.api.dispose()));
    await browser?.close();
    expect(sessions.flatMap((s) => s.contractWarnings)).toEqual([]);
    expect(sessions.flatMap((s) => s.pageErrors)).toEqual([]);
  });

  it('shows the expert an anonymous number instead of the applicant, district and recommendation', async () => {
    expect(enterpriseName).not.toBe('');
    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const { page } = session;
    await loginInBrowser(page, account('demo.expert'));
    await page.goto(`/programme/selections/${roundId}/applications/${applicationId}`);
    const detail = page.getByTestId('application-detail');
    await eventually(() => detail.getByTestId('application-hidden').textContent()).toBe('（匿名评审，已隐藏）');
    await eventually(() => detail.getByTestId('application-title').textContent()).toMatch(/No\.[0-9A-F]{6}/);
    // The expert still scores it.
    await page.getByTestId('score-card').waitFor();
    const text = (await page.locator('body').textContent()) ?? '';
    for (const secret of [enterpriseName, subjectName, comment, '黄埔区']) expect(text).not.toContain(secret);

    // The round's list of applications is anonymous too.
    await page.goto(`/programme/selections/${roundId}`);
    const table = page.getByTestId('applications-table');
    await eventually(() => table.textContent()).toContain('（匿名评审，已隐藏）');
    expect(await table.textContent()).not.toContain(enterpriseName);
  });

  it('shows the organiser the applicant, its district and the recommendation', async () => {
    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const { page } = session;
    await loginInBrowser(page, account('demo.admin'));
    await page.goto(`/programme/selections/${roundId}/applications/${applicationId}`);
    const detail = page.getByTestId('application-detail');
    await eventually(() => detail.textContent()).toContain(enterpriseName);
    expect(await detail.textContent()).toContain(comment);
    expect(await detail.getByTestId('application-hidden').count()).toBe(0);
  });
});
