import { CSRF_HEADER, SESSION_COOKIE } from '@suilian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertUser, login, multipartFile, type Session, type TestContext } from '../../../test/harness.js';
import { selectionPeople } from '../../../test/selections.js';
import { manualClock } from '../../platform/clock.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
// A made-up account number as the enterprise types it, and its digits (which must never come back).
const ACCOUNT = '6222 0212 3456 7890 123';
const ACCOUNT_DIGITS = ACCOUNT.replace(/ /g, '');

// Issue #16 item 1: special funds from programme to disbursement, role by role.
describe('special funds (#16 item 1)', () => {
  const clock = manualClock(new Date('2026-06-01T02:00:00Z'));
  let ctx: TestContext;
  const s: Record<string, Session> = {};
  const ids: Record<string, string> = {};
  const answers: string[] = [];
  const as = (name: string) => {
    const session = s[name] as Session;
    return {
      request: async (method: string, url: string, body?: unknown) => {
        const res = await session.request(method, url, body);
        answers.push(res.body);
        return res;
      },
    };
  };

  const insertProject = async (enterpriseId: string, districtId: string, title: string, state: string, investment5g: string | null) => {
    const { rows } = await ctx.database.pool.query(
      `INSERT INTO project (code, title, enterprise_id, district_id, state, investment_total, investment_5g, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6, now(), now()) RETURNING id`,
      [`XMT${Math.floor(Math.random() * 1e9)}`, title, enterpriseId, districtId, state, investment5g],
    );
    return rows[0].id as string;
  };

  const programme = (patch: Record<string, unknown> = {}) => ({
    nameZh: '2026年5G工厂建设奖补',
    nameEn: '2026 5G factory grants',
    policyBasis: '穗工信规字〔2026〕3号',
    budgets: [{ year: 2026, amount: '3000000.00' }],
    eligibility: [
      { kind: 'project_state', states: ['built', 'accepted'] },
      { kind: 'min_investment_5g', amount: '1000000' },
    ],
    awardRule: { kind: 'share', percent: '20', cap: '800000' },
    opensOn: '2026-05-01',
    closesOn: '2026-06-30',
    publicityDays: 7,
    ...patch,
  });

  const application = (programmeId: string, projectId: string, patch: Record<string, unknown> = {}) => ({
    programmeId,
    projectId,
    requestedAmount: '900000',
    bankName: '中国工商银行广州黄埔支行',
    bankAccount: ACCOUNT,
    evidence: [{ fileId: ids.file, kind: 'invoice', number: '44001234 00012345', amount: '1200000.00' }],
    ...patch,
  });

  const act = async (who: string, id: string, action: string, comment?: string) => {
    const current = (await as('fd.admin').request('GET', `/api/funds/applications/${id}`)).json();
    return as(who).request('POST', `/api/funds/applications/${id}/transitions`, { version: current.version, action, comment });
  };
  const versionOf = async (id: string) => (await as('fd.admin').request('GET', `/api/funds/applications/${id}`)).json().version;
  /** The to-do kinds on this person's 工作台 that concern special funds, with their counts. */
  const fundTodos = async (who: string) =>
    Object.fromEntries(
      ((await as(who).request('GET', '/api/workbench')).json().items as Array<{ kind: string; count: number }>)
        .filter((i) => i.kind.startsWith('fund.'))
        .map((i) => [i.kind, i.count]),
    );

  beforeAll(async () => {
    ctx = await createTestApp({ clock });
    const people = await selectionPeople(ctx, 'fd', [], '资金企业');
    Object.assign(ids, people.ids);
    Object.assign(s, people.sessions);
    const { rows } = await ctx.database.pool.query("SELECT id FROM organisation WHERE kind = 'city' LIMIT 1");
    for (const [name, role] of [
      ['fd.auditor', 'auditor'],
      ['fd.analyst', 'city_analyst'],
    ] as const) {
      await insertUser(ctx, name, role, rows[0].id);
      s[name] = await login(ctx, name);
    }
    ids.built = await insertProject(ids.e1 as string, ids.huangpu as string, '总装车间5G专网', 'accepted', '500.00');
    ids.building = await insertProject(ids.e1 as string, ids.huangpu as string, '在建项目', 'under_construction', '500.00');
    ids.e2project = await insertProject(ids.e2 as string, ids.tianhe as string, '天河5G项目', 'accepted', '300.00');
    const upload = multipartFile('发票.pdf', PDF);
    const e1 = s['fd.e1'] as Session;
    const file = await ctx.app.inject({
      method: 'POST',
      url: '/api/files',
      cookies: { [SESSION_COOKIE]: e1.cookie },
      headers: { ...upload.headers, [CSRF_HEADER]: e1.csrf },
      payload: upload.payload,
    });
    ids.file = file.json().id;
  });
  afterAll(() => ctx.close());

  it('lets only city administrators keep programmes, and refuses bad rules naming the field', async () => {
    expect((await as('fd.hp').request('POST', '/api/funds/programmes', programme())).statusCode).toBe(403);
    const bad = await as('fd.admin').request('POST', '/api/funds/programmes', programme({ closesOn: '2026-04-01' }));
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.issues[0]).toMatchObject({ field: 'body.closesOn', rule: 'after_start' });
    const floaty = await as('fd.admin').request('POST', '/api/funds/programmes', programme({ budgets: [{ year: 2026, amount: 1.5 }] }));
    expect(floaty.statusCode).toBe(422);
    const created = await as('fd.admin').request('POST', '/api/funds/programmes', programme());
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ window: 'open', budgets: [{ year: 2026, amount: '3000000.00' }], awardedTotal: '0.00' });
    ids.programme = created.json().id;
    const closed = await as('fd.admin').request(
      'POST',
      '/api/funds/programmes',
      programme({ nameZh: '已截止专项', opensOn: '2026-01-01', closesOn: '2026-01-31' }),
    );
    ids.closedProgramme = closed.json().id;
    for (const reader of ['fd.e1', 'fd.hp', 'fd.auditor', 'fd.analyst'])
      expect((await as(reader).request('GET', '/api/funds/programmes')).json().total, reader).toBe(2);
  });

  it('drafts an application with evidence, the bank account sealed and only ever masked', async () => {
    const res = await as('fd.e1').request('POST', '/api/funds/applications', application(ids.programme as string, ids.built as string));
    expect(res.statusCode, res.body).toBe(201);
    ids.app = res.json().id;
    expect(res.json()).toMatchObject({
      state: 'draft',
      bankAccountMasked: '****0123',
      requestedAmount: '900000.00',
      ceiling: '800000.00',
      eligibility: { eligible: true, reasons: [] },
      evidence: [{ kind: 'invoice', number: '44001234 00012345', amount: '1200000.00' }],
      actions: ['edit', 'submit'],
    });
    const other = await as('fd.e1').request(
      'POST',
      '/api/funds/applications',
      application(ids.programme as string, ids.e2project as string),
    );
    expect(other.statusCode).toBe(422);
    expect(other.json().error.details.issues[0]).toMatchObject({ field: 'projectId', rule: 'exists' });
    expect(
      (await as('fd.admin').request('POST', '/api/funds/applications', application(ids.programme as string, ids.built as string)))
        .statusCode,
    ).toBe(403);
  });

  it('shows an application to its enterprise, its district, the city and auditors only', async () => {
    for (const reader of ['fd.e1', 'fd.hp', 'fd.admin', 'fd.auditor', 'fd.analyst'])
      expect((await as(reader).request('GET', `/api/funds/applications/${ids.app}`)).statusCode, reader).toBe(200);
    for (const outsider of ['fd.e2', 'fd.th']) {
      expect((await as(outsider).request('GET', `/api/funds/applications/${ids.app}`)).statusCode, outsider).toBe(404);
      expect((await as(outsider).request('GET', '/api/funds/applications')).json().total, outsider).toBe(0);
    }
    expect((await as('fd.hp').request('GET', '/api/funds/applications')).json().total).toBe(1);
    expect(
      (await as('fd.auditor').request('POST', `/api/funds/applications/${ids.app}/transitions`, { version: 1, action: 'approve' }))
        .statusCode,
    ).toBe(403);
  });

  it('refuses submission over the cap, when ineligible, out of the window, and by anyone but the enterprise', async () => {
    const over = await act('fd.e1', ids.app as string, 'submit');
    expect(over.statusCode).toBe(422);
    expect(over.json().error.details.reason).toEqual({ code: 'fund.amount_over_cap', params: { ceiling: '800000.00' } });
    for (const stranger of ['fd.hp', 'fd.admin']) {
      const res = await act(stranger, ids.app as string, 'submit');
      expect(res.statusCode, stranger).toBe(403);
      expect(res.json().error.details.reason.code).toBe('fund.not_your_step');
    }
    const building = await as('fd.e1').request(
      'POST',
      '/api/funds/applications',
      application(ids.programme as string, ids.building as string, { requestedAmount: '100000' }),
    );
    const ineligible = await act('fd.e1', building.json().id, 'submit');
    expect(ineligible.statusCode).toBe(422);
    expect(ineligible.json().error.details.reason.code).toBe('fund.ineligible');
    expect(ineligible.json().error.details.eligibility).toEqual([
      { code: 'project_state', params: { state: 'under_construction', allowed: 'built,accepted' } },
    ]);
    const late = await as('fd.e1').request(
      'POST',
      '/api/funds/applications',
      application(ids.closedProgramme as string, ids.built as string, { requestedAmount: '100000' }),
    );
    const closed = await act('fd.e1', late.json().id, 'submit');
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.details.reason).toEqual({
      code: 'fund.window_closed',
      params: { opensOn: '2026-01-01', closesOn: '2026-01-31' },
    });
  });

  it('refuses a sanctioned enterprise at submission (sanction.in_force)', async () => {
    const draft = await as('fd.e2').request(
      'POST',
      '/api/funds/applications',
      application(ids.programme as string, ids.e2project as string, { requestedAmount: '100000', evidence: [] }),
    );
    expect(draft.statusCode, draft.body).toBe(201);
    await as('fd.admin').request('POST', '/api/sanctions', {
      creditCode: '91440106MA5CXK0T1K',
      entityName: '天河资金企业',
      reason: '重复申报',
      basis: '穗工信〔2026〕88号',
      startsOn: '2026-01-01',
      endsOn: '2029-12-31',
    });
    const res = await act('fd.e2', draft.json().id, 'submit');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details.reason).toEqual({
      code: 'sanction.in_force',
      params: { basis: '穗工信〔2026〕88号', endsOn: '2029-12-31' },
    });
  });

  it('goes through district and city review, 公示 with an objection, award and tranches', async () => {
    const fixed = await as('fd.e1').request('PUT', `/api/funds/applications/${ids.app}`, {
      ...application(ids.programme as string, ids.built as string, { requestedAmount: '600000' }),
      programmeId: undefined,
      bankAccount: undefined,
      version: await versionOf(ids.app as string),
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect((await act('fd.e1', ids.app as string, 'submit')).json().state).toBe('submitted');
    const inbox = (await as('fd.hp').request('GET', '/api/notifications')).json();
    expect(inbox.items.map((n: { kind: string }) => n.kind)).toContain('fund.submitted');
    // The step waits on the district's 工作台 only (#12 item 1): not the enterprise's, not the city's.
    expect(await fundTodos('fd.hp')).toEqual({ 'fund.district_review': 1 });
    expect(await fundTodos('fd.e1')).toEqual({});
    expect(await fundTodos('fd.admin')).toEqual({});
    expect((await act('fd.th', ids.app as string, 'approve')).statusCode).toBe(404);
    expect((await act('fd.admin', ids.app as string, 'approve')).statusCode).toBe(403);
    const noComment = await act('fd.hp', ids.app as string, 'return');
    expect(noComment.statusCode).toBe(422);
    expect((await act('fd.hp', ids.app as string, 'return', '请补充合同')).json().state).toBe('returned');
    expect(await fundTodos('fd.e1')).toEqual({ 'fund.returned': 1 });
    expect((await act('fd.e1', ids.app as string, 'submit')).json().state).toBe('submitted');
    expect((await act('fd.hp', ids.app as string, 'approve')).json().state).toBe('city_review');
    const publicity = await act('fd.admin', ids.app as string, 'approve');
    expect(publicity.json()).toMatchObject({ state: 'publicity', publicityEndsOn: '2026-06-08', actions: ['object', 'award', 'reject'] });
    // Nothing to decide while 公示 runs.
    expect(await fundTodos('fd.admin')).toEqual({});

    const decide = async (body: Record<string, unknown>) =>
      as('fd.admin').request('POST', `/api/funds/applications/${ids.app}/decisions`, {
        version: await versionOf(ids.app as string),
        ...body,
      });
    const early = await decide({ reason: '公示期满无异议' });
    expect(early.json().error.details.reason).toEqual({ code: 'fund.publicity_running', params: { endsOn: '2026-06-08' } });
    const objected = await as('fd.admin').request('POST', `/api/funds/applications/${ids.app}/objections`, {
      objector: '匿名来信',
      content: '投资额存疑',
    });
    expect(objected.statusCode).toBe(201);
    clock.advance(8 * 86_400_000);
    // A week later the sessions have lapsed: people log in again.
    for (const name of ['fd.admin', 'fd.e1', 'fd.auditor']) s[name] = await login(ctx, name);
    expect(await fundTodos('fd.admin')).toEqual({ 'fund.decide': 1 });
    expect((await decide({ reason: '公示期满' })).json().error.details.reason.code).toBe('fund.objection_open');
    const objectionId = objected.json().objections[0].id;
    const resolved = await as('fd.admin').request('POST', `/api/funds/applications/${ids.app}/objections/${objectionId}/resolve`, {
      upheld: false,
      resolution: '经核查发票真实',
    });
    expect(resolved.json().objections[0]).toMatchObject({ upheld: false, resolution: '经核查发票真实' });
    const over = await decide({ amount: '800000.01', reason: '超额' });
    expect(over.json().error.details.reason).toEqual({ code: 'fund.amount_over_cap', params: { ceiling: '800000.00' } });
    const awarded = await decide({ reason: '公示期满，异议不成立' });
    expect(awarded.statusCode, awarded.body).toBe(201);
    expect(awarded.json()).toMatchObject({ state: 'awarded', awardedAmount: '600000.00', eligibility: { eligible: true } });
    const revised = await decide({ amount: '550000', reason: '核减不合规发票' });
    expect(revised.json().decisions.map((d: { amount: string; reason: string }) => [d.amount, d.reason])).toEqual([
      ['600000.00', '公示期满，异议不成立'],
      ['550000.00', '核减不合规发票'],
    ]);
    const pay = (amount: string, reference: string) =>
      as('fd.admin').request('POST', `/api/funds/applications/${ids.app}/tranches`, { amount, paidOn: '2026-06-20', reference });
    expect(await fundTodos('fd.admin')).toEqual({ 'fund.disburse': 1 });
    expect((await pay('300000', 'BK-001')).json()).toMatchObject({ state: 'awarded', disbursedAmount: '300000.00' });
    expect((await pay('300000', 'BK-002')).json().error.details.reason).toEqual({
      code: 'fund.tranche_over_award',
      params: { remaining: '250000.00' },
    });
    expect((await pay('250000', 'BK-002')).json()).toMatchObject({ state: 'disbursed', disbursedAmount: '550000.00' });
    expect(await fundTodos('fd.admin')).toEqual({});
    expect((await decide({ amount: '500000', reason: '再核减' })).json().error.details.reason).toEqual({
      code: 'fund.below_disbursed',
      params: { disbursed: '550000.00' },
    });
    expect(
      (await as('fd.e1').request('POST', `/api/funds/applications/${ids.app}/decisions`, { version: 1, reason: 'x' })).statusCode,
    ).toBe(403);
    const programmeNow = (await as('fd.auditor').request('GET', `/api/funds/programmes/${ids.programme}`)).json();
    expect(programmeNow.awardedTotal).toBe('550000.00');
    const enterpriseInbox = (await as('fd.e1').request('GET', '/api/notifications')).json();
    expect(enterpriseInbox.items.map((n: { kind: string }) => n.kind)).toEqual(
      expect.arrayContaining(['fund.returned', 'fund.publicity', 'fund.awarded', 'fund.disbursed']),
    );
  });

  it('never lets the bank account appear in clear in answers, the audit log or the table', async () => {
    const exported = await as('fd.admin').request('GET', '/api/funds/applications/export');
    expect(exported.statusCode).toBe(200);
    expect(answers.length).toBeGreaterThan(40);
    for (const body of answers) expect(body).not.toContain(ACCOUNT_DIGITS.slice(0, 12));
    const audit = await ctx.database.pool.query("SELECT * FROM audit_log WHERE entity_type = 'fund_application'");
    expect(audit.rows.length).toBeGreaterThan(10);
    expect(JSON.stringify(audit.rows)).not.toContain(ACCOUNT_DIGITS.slice(0, 12));
    expect(JSON.stringify(audit.rows)).toContain('****0123');
    const stored = await ctx.database.pool.query('SELECT bank_account_sealed, bank_account_masked FROM fund_application');
    expect(JSON.stringify(stored.rows)).not.toContain(ACCOUNT_DIGITS.slice(0, 12));
    expect(stored.rows.every((r: { bank_account_sealed: string }) => r.bank_account_sealed.startsWith('s1:'))).toBe(true);
  });
});
