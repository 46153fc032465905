import { CSRF_HEADER, SESSION_COOKIE } from '@suilian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  insertEnterprise,
  insertUser,
  login,
  multipartFile,
  orgByDivision,
  type Session,
  type TestContext,
} from '../../../test/harness.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n');

// Issue #3 item 2: declaration, the review lifecycle with role rules, timeline, audit; T-APP-2 relies on states.
describe('projects', () => {
  let ctx: TestContext;
  let enterprise: Session;
  let otherEnterprise: Session;
  let officer: Session;
  let otherOfficer: Session;
  let admin: Session;
  let operator: Session;
  let operatorId: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    const city = await orgByDivision(ctx, '440100');
    const huangpu = await orgByDivision(ctx, '440112');
    const tianhe = await orgByDivision(ctx, '440106');
    const e1 = await insertEnterprise(ctx, huangpu.id, '黄埔智造有限公司', '91440112MA59B7XH31');
    const e2 = await insertEnterprise(ctx, tianhe.id, '天河软件有限公司', '91440106MA5CXK0T1K');
    const op = await insertEnterprise(ctx, tianhe.id, '演示移动广州分公司', '914403001922038216', 'provider');
    operatorId = op.id;
    await insertUser(ctx, 'p.ent', 'enterprise_user', e1.id);
    await insertUser(ctx, 'p.ent2', 'enterprise_user', e2.id);
    await insertUser(ctx, 'p.officer', 'district_officer', huangpu.id);
    await insertUser(ctx, 'p.officer2', 'district_officer', tianhe.id);
    await insertUser(ctx, 'p.admin', 'city_admin', city.id);
    await insertUser(ctx, 'p.operator', 'provider_user', op.id);
    [enterprise, otherEnterprise, officer, otherOfficer, admin, operator] = (await Promise.all(
      ['p.ent', 'p.ent2', 'p.officer', 'p.officer2', 'p.admin', 'p.operator'].map((u) => login(ctx, u)),
    )) as [Session, Session, Session, Session, Session, Session];
  });
  afterAll(() => ctx.close());

  const declare = (body: Record<string, unknown> = {}) =>
    enterprise.request('POST', '/api/projects', {
      title: '基于5G的机器视觉质检项目',
      description: '在总装车间部署5G专网，实现机器视觉质检与AGV协同',
      filingId: `GD-5G-${Math.floor(Math.random() * 1e8)}`,
      scenarios: [
        { code: 'S06', category: 'main_production' },
        { code: null, customName: '5G+AR远程指导', category: 'auxiliary' },
      ],
      operatorId,
      networkMode: 'virtual',
      investmentTotal: '1200.50',
      investment5g: '300.00',
      plannedStart: '2026-01-01',
      plannedEnd: '2026-12-31',
      ...body,
    });

  const act = async (s: Session, id: string, action: string, extra: Record<string, unknown> = {}) => {
    const current = await admin.request('GET', `/api/projects/${id}`);
    return s.request('POST', `/api/projects/${id}/transitions`, { version: current.json().version, action, ...extra });
  };

  it('walks the whole lifecycle with the right roles and records a timeline', async () => {
    const created = await declare();
    expect(created.statusCode).toBe(201);
    const p = created.json();
    expect(p).toMatchObject({
      state: 'draft',
      enterpriseName: '黄埔智造有限公司',
      districtName: '黄埔区',
      investmentTotal: '1200.50',
      allowedActions: ['submit', 'cancel'],
    });
    expect(p.code).toMatch(/^XM\d{4}\d{6}$/);
    expect(p.scenarios).toEqual([
      { code: 'S06', customName: null, name: '机器视觉质检', category: 'main_production' },
      { code: null, customName: '5G+AR远程指导', name: '5G+AR远程指导', category: 'auxiliary' },
    ]);

    expect((await act(enterprise, p.id, 'submit')).json().state).toBe('submitted');
    const returned = await act(officer, p.id, 'return', { comment: '请补充网络方案' });
    expect(returned.json().state).toBe('returned');
    expect((await act(enterprise, p.id, 'submit')).json().state).toBe('submitted');
    expect((await act(officer, p.id, 'forward', { comment: '同意推荐' })).json().state).toBe('city_review');
    expect((await act(admin, p.id, 'approve')).json().state).toBe('approved');
    const started = await act(enterprise, p.id, 'start_construction', { date: '2026-02-01' });
    expect(started.json()).toMatchObject({ state: 'under_construction', actualStart: '2026-02-01' });
    const early = await act(enterprise, p.id, 'complete', { date: '2026-01-15' });
    expect(early.statusCode).toBe(422);
    expect((await act(enterprise, p.id, 'complete', { date: '2026-10-01' })).json().state).toBe('built');

    const noReport = await act(admin, p.id, 'accept');
    expect(noReport.statusCode).toBe(409);
    expect(noReport.json().error.details.rule).toBe('acceptanceReport');
    expect(noReport.json().error.details.reason).toEqual({
      code: 'project.acceptance_report_required',
      params: { state: 'built', action: 'accept' },
    });
    const upload = multipartFile('验收报告.pdf', PDF);
    const file = await ctx.app.inject({
      method: 'POST',
      url: '/api/files',
      cookies: { [SESSION_COOKIE]: enterprise.cookie },
      headers: { ...upload.headers, [CSRF_HEADER]: enterprise.csrf },
      payload: upload.payload,
    });
    const current = (await enterprise.request('GET', `/api/projects/${p.id}`)).json();
    const attached = await enterprise.request('PATCH', `/api/projects/${p.id}`, {
      version: current.version,
      attachments: [{ fileId: file.json().id, kind: 'acceptance_report' }],
    });
    expect(attached.statusCode).toBe(200);
    expect((await act(admin, p.id, 'accept', { comment: '验收通过' })).json().state).toBe('accepted');

    const events = (await admin.request('GET', `/api/projects/${p.id}/events`)).json();
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'submit',
      'return',
      'submit',
      'forward',
      'approve',
      'start_construction',
      'complete',
      'accept',
    ]);
    expect(events[2]).toMatchObject({
      fromState: 'submitted',
      toState: 'returned',
      comment: '请补充网络方案',
      actorName: 'p.officer',
      actorRole: 'district_officer',
    });
    const audit = (await admin.request('GET', `/api/audit?entityType=project&entityId=${p.id}&sort=seq`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toContain('project.return');
  });

  it('refuses illegal transitions and wrong roles with the reason', async () => {
    const p = (await declare()).json();
    const skip = await act(admin, p.id, 'approve');
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.message).toBe('a project that is draft cannot be approved');
    // (#12 item 3) the console words the reason code with the state and action, not the sentence above
    expect(skip.json().error.details.reason).toEqual({ code: 'project.transition_illegal', params: { state: 'draft', action: 'approve' } });
    await act(enterprise, p.id, 'submit');
    const wrongRole = await act(enterprise, p.id, 'forward');
    expect(wrongRole.statusCode).toBe(403);
    expect(wrongRole.json().error.message).toContain('district_officer');
    const noComment = await act(officer, p.id, 'return');
    expect(noComment.json().error.details.rule).toBe('comment');
    // a district officer of another district cannot even see it
    expect((await act(otherOfficer, p.id, 'forward')).statusCode).toBe(404);
    const stale = await officer.request('POST', `/api/projects/${p.id}/transitions`, { version: 1, action: 'forward' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
  });

  it('validates money, dates, scenarios and filing ids', async () => {
    const negative = await declare({ investmentTotal: '-5' });
    expect(negative.json().error.details.issues[0].field).toBe('body.investmentTotal');
    const backwards = await declare({ plannedStart: '2026-05-01', plannedEnd: '2026-04-01' });
    expect(backwards.json().error.details.issues[0]).toMatchObject({ field: 'body.plannedEnd' });
    const unknownScenario = await declare({ scenarios: [{ code: 'S99', category: 'auxiliary' }] });
    expect(unknownScenario.json().error.details.issues[0]).toMatchObject({ field: 'scenarios.0.code', rule: 'code_list' });
    const first = await declare({ filingId: 'GD-DUP-0001' });
    expect(first.statusCode).toBe(201);
    const dup = await declare({ filingId: 'GD-DUP-0001' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details.issues[0].field).toBe('filingId');
  });

  it('scopes lists: own enterprise, own district, operator, city', async () => {
    const mine = (await enterprise.request('GET', '/api/projects?pageSize=100')).json();
    expect(mine.total).toBeGreaterThan(0);
    expect((await otherEnterprise.request('GET', '/api/projects')).json().total).toBe(0);
    expect((await otherOfficer.request('GET', '/api/projects')).json().total).toBe(0);
    expect((await officer.request('GET', '/api/projects')).json().total).toBe(mine.total);
    expect((await operator.request('GET', '/api/projects')).json().total).toBe(mine.total);
    expect((await admin.request('GET', '/api/projects?status=accepted')).json().total).toBe(1);
    expect((await admin.request('GET', '/api/projects?scenario=S06')).json().total).toBe(mine.total);
    expect((await admin.request('GET', `/api/projects?q=${encodeURIComponent('机器视觉')}`)).json().total).toBe(mine.total);
    const foreign = mine.items[0].id;
    expect((await otherEnterprise.request('GET', `/api/projects/${foreign}`)).statusCode).toBe(404);
    expect((await operator.request('POST', `/api/projects/${foreign}/transitions`, { version: 1, action: 'submit' })).statusCode).toBe(403);
  });

  it('limits edits after approval to progress fields', async () => {
    const p = (await declare()).json();
    await act(enterprise, p.id, 'submit');
    await act(officer, p.id, 'forward');
    const approved = (await act(admin, p.id, 'approve')).json();
    const retitle = await enterprise.request('PATCH', `/api/projects/${p.id}`, { version: approved.version, title: '改名' });
    expect(retitle.statusCode).toBe(409);
    expect(retitle.json().error.details.reason).toEqual({ code: 'project.progress_only', params: { state: 'approved' } });
    const progress = await enterprise.request('PATCH', `/api/projects/${p.id}`, { version: approved.version, investmentTotal: '1300.00' });
    expect(progress.statusCode).toBe(200);
  });
});

describe('project search (Chinese)', () => {
  let ctx: TestContext;
  let admin: Session;
  beforeAll(async () => {
    ctx = await createTestApp();
    const city = await orgByDivision(ctx, '440100');
    const huangpu = await orgByDivision(ctx, '440112');
    const e1 = await insertEnterprise(ctx, huangpu.id, '搜索测试企业', '91440112MA59B7XH31');
    await insertUser(ctx, 's.ent', 'enterprise_user', e1.id);
    await insertUser(ctx, 's.admin', 'city_admin', city.id);
    const ent = await login(ctx, 's.ent');
    admin = await login(ctx, 's.admin');
    for (const [title, description] of [
      ['厂区智能物流改造', '涉及机器视觉定位的AGV调度'],
      ['基于5G的机器视觉质检项目', '总装车间质检'],
      ['5G专网覆盖工程', '车间无线覆盖'],
    ]) {
      await ent.request('POST', '/api/projects', { title, description });
    }
  });
  afterAll(() => ctx.close());

  it('finds "机器视觉" in titles and descriptions, title matches first', async () => {
    const res = (await admin.request('GET', `/api/projects?q=${encodeURIComponent('机器视觉')}`)).json();
    expect(res.items.map((p: { title: string }) => p.title)).toEqual(['基于5G的机器视觉质检项目', '厂区智能物流改造']);
  });

  it('matches two-character words and mixed Latin text', async () => {
    expect((await admin.request('GET', `/api/projects?q=${encodeURIComponent('质检')}`)).json().total).toBe(1);
    expect((await admin.request('GET', `/api/projects?q=${encodeURIComponent('5G专网')}`)).json().total).toBe(1);
    expect((await admin.request('GET', `/api/projects?q=${encodeURIComponent('区块链')}`)).json().total).toBe(0);
  });
});

describe('project attachments and the operator directory', () => {
  let ctx: TestContext;
  let ent: Session;
  let admin: Session;
  let stranger: Session;
  const upload = async (s: Session, name: string) => {
    const body = multipartFile(name, PDF);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/files',
      cookies: { [SESSION_COOKIE]: s.cookie },
      headers: { ...body.headers, [CSRF_HEADER]: s.csrf },
      payload: body.payload,
    });
    return res.json().id as string;
  };
  beforeAll(async () => {
    ctx = await createTestApp();
    const city = await orgByDivision(ctx, '440100');
    const huangpu = await orgByDivision(ctx, '440112');
    const tianhe = await orgByDivision(ctx, '440106');
    const e1 = await insertEnterprise(ctx, huangpu.id, '附件企业', '91440112MA59B7XH31');
    const e2 = await insertEnterprise(ctx, tianhe.id, '旁观企业', '91440106MA5CXK0T1K');
    await insertEnterprise(ctx, tianhe.id, '天河运营商', '914403001922038216', 'provider');
    await insertUser(ctx, 'a.ent', 'enterprise_user', e1.id);
    await insertUser(ctx, 'a.other', 'enterprise_user', e2.id);
    await insertUser(ctx, 'a.admin', 'city_admin', city.id);
    [ent, stranger, admin] = [await login(ctx, 'a.ent'), await login(ctx, 'a.other'), await login(ctx, 'a.admin')];
  });
  afterAll(() => ctx.close());

  it('keeps files others attached, and lets everyone who sees the project read them', async () => {
    const p = (await ent.request('POST', '/api/projects', { title: '附件项目' })).json();
    const adminFile = await upload(admin, '审核意见.pdf');
    const withAdmin = await admin.request('PATCH', `/api/projects/${p.id}`, {
      version: p.version,
      attachments: [{ fileId: adminFile, kind: 'other' }],
    });
    expect(withAdmin.statusCode).toBe(200);
    const ownFile = await upload(ent, '申报书.pdf');
    const both = await ent.request('PATCH', `/api/projects/${p.id}`, {
      version: withAdmin.json().version,
      attachments: [
        { fileId: adminFile, kind: 'other' },
        { fileId: ownFile, kind: 'declaration' },
      ],
    });
    expect(both.statusCode, both.body).toBe(200);
    expect((await ent.request('GET', `/api/files/${adminFile}`)).statusCode).toBe(200);
    expect((await stranger.request('GET', `/api/files/${adminFile}`)).statusCode).toBe(404);
    // A file the enterprise cannot see is still not its to attach anew.
    const foreign = await upload(stranger, '别人的.pdf');
    const steal = await ent.request('PATCH', `/api/projects/${p.id}`, {
      version: both.json().version,
      attachments: [{ fileId: foreign, kind: 'other' }],
    });
    expect(steal.statusCode).toBe(422);
  });

  it('lists operators from every district for enterprise users', async () => {
    const res = await ent.request('GET', '/api/organisations/providers');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: '天河运营商', providerType: 'operator', districtName: '天河区' })]),
    );
  });
});
