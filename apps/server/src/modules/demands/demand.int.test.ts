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

// Issue #15 item 3: demands, matching with reasons and leads — role by role.
describe('demands, matching and leads (#15 item 3)', () => {
  let ctx: TestContext;
  let enterprise: Session;
  let neighbour: Session;
  let officer: Session;
  let otherOfficer: Session;
  let provider: Session;
  let rival: Session;
  let admin: Session;
  let auditor: Session;
  let enterpriseId: string;
  let neighbourId: string;
  const solutionIds: Record<string, string> = {};

  const inbox = async (s: Session): Promise<Array<{ kind: string }>> =>
    (await s.request('GET', '/api/notifications?pageSize=100')).json().items;

  async function publish(owner: Session, body: Record<string, unknown>): Promise<string> {
    const s = (await owner.request('POST', '/api/solutions', body)).json();
    await owner.request('POST', `/api/solutions/${s.id}/transitions`, { version: 1, action: 'submit' });
    await admin.request('POST', `/api/solutions/${s.id}/transitions`, { version: 2, action: 'publish' });
    return s.id;
  }

  beforeAll(async () => {
    ctx = await createTestApp();
    const city = await orgByDivision(ctx, '440100');
    const huangpu = await orgByDivision(ctx, '440112');
    const tianhe = await orgByDivision(ctx, '440106');
    const e1 = await insertEnterprise(ctx, huangpu.id, '黄埔演示注塑有限公司', '91440112MA59B7XH31');
    const e2 = await insertEnterprise(ctx, huangpu.id, '黄埔邻居企业', '91440106MA5CXK0T1K');
    const p1 = await insertEnterprise(ctx, huangpu.id, '黄埔演示视觉服务商', '914403001922038216', 'provider');
    const p2 = await insertEnterprise(ctx, tianhe.id, '天河演示能源服务商', '91440101MA59UQXX10', 'provider');
    enterpriseId = e1.id;
    neighbourId = e2.id;
    await insertUser(ctx, 'd.enterprise', 'enterprise_user', e1.id);
    await insertUser(ctx, 'd.neighbour', 'enterprise_user', e2.id);
    await insertUser(ctx, 'd.officer', 'district_officer', huangpu.id);
    await insertUser(ctx, 'd.other', 'district_officer', tianhe.id);
    await insertUser(ctx, 'd.provider', 'provider_user', p1.id);
    await insertUser(ctx, 'd.rival', 'provider_user', p2.id);
    await insertUser(ctx, 'd.admin', 'city_admin', city.id);
    await insertUser(ctx, 'd.auditor', 'auditor', city.id);
    enterprise = await login(ctx, 'd.enterprise');
    neighbour = await login(ctx, 'd.neighbour');
    officer = await login(ctx, 'd.officer');
    otherOfficer = await login(ctx, 'd.other');
    provider = await login(ctx, 'd.provider');
    rival = await login(ctx, 'd.rival');
    admin = await login(ctx, 'd.admin');
    auditor = await login(ctx, 'd.auditor');
    solutionIds.vision = await publish(provider, {
      title: '5G+机器视觉外观缺陷检测',
      summary: '工业相机识别注塑件表面划伤、缺料、毛刺等缺陷，替代人工目检',
      industries: ['29'],
      scenarios: ['S06'],
      capabilities: ['机器视觉', '缺陷检测'],
      priceBand: '10_50',
      deploymentWeeks: 6,
      references: [{ name: '内饰件检测' }],
    });
    solutionIds.energy = await publish(rival, {
      title: '能耗在线监测与能效优化',
      summary: '分项计量电、水、气，识别高耗能设备',
      industries: ['26', '29'],
      scenarios: ['S13'],
      capabilities: ['能耗监测'],
      priceBand: '50_200',
      deploymentWeeks: 12,
    });
  });
  afterAll(() => ctx.close());

  const demandBody = {
    title: '注塑件外观缺陷自动检测',
    problem: '注塑车间靠人工目检划伤和缺料，漏检多，希望机器视觉自动检测',
    industry: '29',
    scenarios: ['S06'],
    budgetBand: '10_50',
    timelineWeeks: 8,
  };

  it('lets the enterprise post a demand with an attachment and scopes GET /api/demands by policy', async () => {
    const file = multipartFile('现场调研.pdf', Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n'));
    const uploaded = await ctx.app.inject({
      method: 'POST',
      url: '/api/files',
      cookies: { [SESSION_COOKIE]: enterprise.cookie },
      headers: { ...file.headers, [CSRF_HEADER]: enterprise.csrf },
      payload: file.payload,
    });
    expect(uploaded.statusCode).toBe(201);
    const res = await enterprise.request('POST', '/api/demands', { ...demandBody, attachments: [{ fileId: uploaded.json().id }] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      enterpriseId,
      districtName: '黄埔区',
      postedByDistrict: false,
      industry: { code: '29', name: '橡胶和塑料制品业' },
      scenarios: [{ code: 'S06', name: '机器视觉质检' }],
      attachments: [{ name: '现场调研.pdf' }],
      state: 'open',
    });

    // The district posts on a neighbour's behalf after a visit; not for enterprises of other districts.
    const onBehalf = await officer.request('POST', '/api/demands', {
      ...demandBody,
      title: '能耗偏高',
      problem: '空压机能耗高',
      enterpriseId: neighbourId,
      scenarios: ['S13'],
    });
    expect(onBehalf.json()).toMatchObject({ enterpriseId: neighbourId, postedByDistrict: true });
    const foreign = await otherOfficer.request('POST', '/api/demands', { ...demandBody, enterpriseId });
    expect(foreign.json().error.details.issues[0]).toMatchObject({ field: 'enterpriseId', rule: 'exists' });

    expect((await enterprise.request('GET', '/api/demands')).json().total).toBe(1);
    expect((await neighbour.request('GET', '/api/demands')).json().total).toBe(1);
    expect((await officer.request('GET', '/api/demands')).json().total).toBe(2);
    expect((await otherOfficer.request('GET', '/api/demands')).json().total).toBe(0);
    expect((await auditor.request('GET', '/api/demands')).json().total).toBe(2);
    expect((await neighbour.request('GET', `/api/demands/${res.json().id}`)).statusCode).toBe(404);
    expect((await provider.request('GET', '/api/demands')).statusCode).toBe(403);
    // The attachment follows the demand: the district reads it, a neighbour does not.
    expect((await officer.request('GET', `/api/files/${uploaded.json().id}`)).statusCode).toBe(200);
    expect((await neighbour.request('GET', `/api/files/${uploaded.json().id}`)).statusCode).toBe(404);
  });

  it('ranks solutions for the demand with each contribution explained, and demands for a provider', async () => {
    const demand = (await enterprise.request('GET', '/api/demands')).json().items[0];
    const res = await enterprise.request('GET', `/api/demands/${demand.id}/matches`);
    expect(res.statusCode).toBe(200);
    const { items, tokenizer } = res.json();
    expect(tokenizer).toBe('jieba');
    expect(items.map((m: { solution: { id: string } }) => m.solution.id)).toEqual([solutionIds.vision, solutionIds.energy]);
    const factors = Object.fromEntries(items[0].contributions.map((c: { factor: string }) => [c.factor, c]));
    expect(factors.scenario).toMatchObject({ points: 20, matched: ['S06'] });
    expect(factors.industry).toMatchObject({ points: 15, matched: ['29'] });
    expect(factors.budget.params).toEqual({ budgetBand: '10_50', priceBand: '10_50' });
    expect(factors.district.points).toBe(5);
    expect(factors.text.matched.length).toBeGreaterThan(0);
    expect(items[0].score).toBeGreaterThan(items[1].score);

    const forProvider = (await provider.request('GET', '/api/demand-matches')).json();
    expect(forProvider.items[0]).toMatchObject({
      demand: { id: demand.id, enterpriseName: '黄埔演示注塑有限公司' },
      solutionId: solutionIds.vision,
    });
    const cityNeedsProvider = await admin.request('GET', '/api/demand-matches');
    expect(cityNeedsProvider.json().error.details.issues[0]).toMatchObject({ field: 'providerId', rule: 'required' });
  });

  it('opens a lead from the demand; the provider answers it to a deal; the enterprise only adds notes', async () => {
    const demand = (await enterprise.request('GET', '/api/demands')).json().items[0];
    const opened = await enterprise.request('POST', '/api/leads', {
      demandId: demand.id,
      solutionId: solutionIds.vision,
      note: '请来现场看看',
    });
    expect(opened.statusCode).toBe(201);
    const lead = opened.json();
    expect(lead).toMatchObject({ status: 'contact', openedBy: 'enterprise', nextStatuses: [], providerName: '黄埔演示视觉服务商' });
    expect(lead.score).toBeGreaterThan(50);
    expect((await inbox(provider)).map((n) => n.kind)).toContain('lead.new');
    const twice = await enterprise.request('POST', '/api/leads', { demandId: demand.id, solutionId: solutionIds.vision });
    expect(twice.json().error.details.reason.code).toBe('lead.already_open');

    // The rival provider and the neighbour do not see it; the district does.
    expect((await rival.request('GET', `/api/leads/${lead.id}`)).statusCode).toBe(404);
    expect((await neighbour.request('GET', '/api/leads')).json().total).toBe(0);
    expect((await officer.request('GET', '/api/leads')).json().total).toBe(1);

    const byEnterprise = await enterprise.request('POST', `/api/leads/${lead.id}/follow-ups`, { version: 1, status: 'proposal' });
    expect(byEnterprise.statusCode).toBe(403);
    expect(byEnterprise.json().error.details.reason.code).toBe('lead.status_by_provider');

    const mine = (await provider.request('GET', '/api/leads')).json().items[0];
    expect(mine.nextStatuses).toEqual(['proposal', 'no_deal']);
    const proposal = await provider.request('POST', `/api/leads/${lead.id}/follow-ups`, {
      version: 1,
      status: 'proposal',
      note: '已提交试点方案',
    });
    expect(proposal.json()).toMatchObject({ status: 'proposal', nextStatuses: ['deal', 'no_deal'] });
    expect(proposal.json().firstResponseAt).not.toBeNull();
    expect((await inbox(enterprise)).map((n) => n.kind)).toContain('lead.progress');
    const skip = await provider.request('POST', `/api/leads/${lead.id}/follow-ups`, { version: 2, status: 'contact' });
    expect(skip.json().error.details.reason.code).toBe('lead.status_not_allowed');
    const reasonless = await provider.request('POST', `/api/leads/${lead.id}/follow-ups`, { version: 2, status: 'no_deal' });
    expect(reasonless.json().error.details.issues[0]).toMatchObject({ field: 'noDealReason', rule: 'required' });
    const note = await enterprise.request('POST', `/api/leads/${lead.id}/follow-ups`, { version: 2, note: '方案收到，内部评估中' });
    expect(note.json().events.map((e: { side: string }) => e.side)).toEqual(['enterprise', 'provider', 'enterprise']);
    const deal = await provider.request('POST', `/api/leads/${lead.id}/follow-ups`, { version: 3, status: 'deal' });
    expect(deal.json()).toMatchObject({ status: 'deal', nextStatuses: [] });
    expect(deal.json().closedAt).not.toBeNull();
    const after = await provider.request('POST', `/api/leads/${lead.id}/follow-ups`, {
      version: 4,
      status: 'no_deal',
      noDealReason: 'budget',
    });
    expect(after.json().error.details.reason.code).toBe('lead.closed');

    const matches = (await enterprise.request('GET', `/api/demands/${demand.id}/matches`)).json().items;
    expect(matches[0].leadId).toBe(lead.id);
    const audit = await ctx.database.pool.query("SELECT action FROM audit_log WHERE entity_type = 'lead' ORDER BY seq");
    expect(audit.rows.map((r) => r.action)).toEqual(['lead.create', 'lead.status', 'lead.note', 'lead.status']);
  });

  it('lets a provider offer its solution for an open demand, not a closed one', async () => {
    const demand = (await neighbour.request('GET', '/api/demands')).json().items[0];
    const offer = await rival.request('POST', '/api/leads', { demandId: demand.id, solutionId: solutionIds.energy });
    expect(offer.json()).toMatchObject({ openedBy: 'provider', status: 'contact' });
    expect((await inbox(neighbour)).map((n) => n.kind)).toContain('lead.new');
    // Not with another provider's solution.
    expect((await rival.request('POST', '/api/leads', { demandId: demand.id, solutionId: solutionIds.vision })).statusCode).toBe(404);
    const closed = await neighbour.request('PATCH', `/api/demands/${demand.id}`, { version: demand.version, state: 'closed' });
    expect(closed.json().state).toBe('closed');
    const late = await provider.request('POST', '/api/leads', { demandId: demand.id, solutionId: solutionIds.vision });
    expect(late.json().error.details.reason.code).toBe('demand.closed');
    const edit = await neighbour.request('PATCH', `/api/demands/${demand.id}`, { version: closed.json().version, title: '改' });
    expect(edit.json().error.details.reason.code).toBe('demand.not_editable');
  });
});
