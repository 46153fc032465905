import { residentIdCheckChar } from '@suilian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertUser, login, type Session, type TestContext } from '../../../test/harness.js';
import { selectionPeople } from '../../../test/selections.js';

// A made-up identity number (Huangpu region code, born 1979-05-20) and another person's.
const ID = `44011219790520321${residentIdCheckChar('44011219790520321')}`;
const OTHER_ID = `44010619880101123${residentIdCheckChar('44010619880101123')}`;

// Issue #16 item 2: the sanction register (取消资格), enforced at applications and selections.
describe('sanction register', () => {
  let ctx: TestContext;
  const s: Record<string, Session> = {};
  const ids: Record<string, string> = {};
  const as = (name: string) => s[name] as Session;

  beforeAll(async () => {
    ctx = await createTestApp();
    const people = await selectionPeople(ctx, 'sx', [], '诚信企业');
    Object.assign(ids, people.ids);
    Object.assign(s, people.sessions);
    const { rows } = await ctx.database.pool.query("SELECT id FROM organisation WHERE kind = 'city' LIMIT 1");
    await insertUser(ctx, 'sx.auditor', 'auditor', rows[0].id);
    await insertUser(ctx, 'sx.analyst', 'city_analyst', rows[0].id);
    s['sx.auditor'] = await login(ctx, 'sx.auditor');
    s['sx.analyst'] = await login(ctx, 'sx.analyst');
  });
  afterAll(() => ctx.close());

  const impose = (body: Record<string, unknown> = {}) =>
    as('sx.admin').request('POST', '/api/sanctions', {
      creditCode: '91440112MA59B7XH31',
      entityName: '黄埔诚信企业',
      personName: '张三',
      personIdNumber: ID,
      reason: '同一发票在两个专项中重复申报',
      basis: '穗工信〔2026〕88号',
      startsOn: '2026-01-01',
      endsOn: '2099-12-31',
      ...body,
    });

  const declareProject = () =>
    as('sx.e1').request('POST', '/api/projects', {
      title: '5G+机器视觉质检',
      description: '总装车间5G专网',
      filingId: `GD-5G-${Math.floor(Math.random() * 1e8)}`,
      scenarios: [{ code: 'S06', category: 'main_production' }],
      networkMode: 'virtual',
      investmentTotal: '100.00',
      investment5g: '50.00',
      plannedStart: '2026-01-01',
      plannedEnd: '2026-12-31',
    });

  it('refuses bad input naming the field and the rule, and writes nothing', async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ creditCode: '91440112MA59B7XH3X' }, 'creditCode', ''],
      [{ personIdNumber: `${ID.slice(0, 17)}${ID.endsWith('0') ? '1' : '0'}` }, 'personIdNumber', 'resident_id'],
      [{ endsOn: '2025-12-31' }, 'endsOn', 'after_start'],
      [{ personIdNumber: undefined }, 'personIdNumber', 'person_pair'],
    ];
    for (const [patch, field, rule] of cases) {
      const res = await impose(patch);
      expect(res.statusCode, field).toBe(422);
      const issue = res.json().error.details.issues.find((i: { field: string }) => i.field === `body.${field}`);
      expect(issue, JSON.stringify(res.json())).toBeDefined();
      if (rule) expect(issue.rule).toBe(rule);
    }
    expect((await as('sx.admin').request('GET', '/api/sanctions')).json().total).toBe(0);
  });

  it('keeps the identity number only as a digest and a mask, and tells the enterprise', async () => {
    const res = await impose();
    expect(res.statusCode).toBe(201);
    ids.sanction = res.json().id;
    expect(res.json()).toMatchObject({
      organisationId: ids.e1,
      personName: '张三',
      personIdMasked: `4401${'*'.repeat(13)}${ID.at(-1)}`,
      state: 'active',
      liftedAt: null,
    });
    expect(JSON.stringify(res.json())).not.toContain(ID.slice(4, 17));
    const stored = await ctx.database.pool.query('SELECT * FROM sanction');
    expect(JSON.stringify(stored.rows)).not.toContain(ID.slice(4, 17));
    const audit = await ctx.database.pool.query("SELECT * FROM audit_log WHERE action = 'sanction.create'");
    expect(audit.rows).toHaveLength(1);
    expect(JSON.stringify(audit.rows)).not.toContain(ID.slice(4, 17));
    const inbox = (await as('sx.e1').request('GET', '/api/notifications')).json();
    expect(inbox.items.map((n: { kind: string }) => n.kind)).toContain('sanction.imposed');
    const other = (await as('sx.e2').request('GET', '/api/notifications')).json();
    expect(other.items.map((n: { kind: string }) => n.kind)).not.toContain('sanction.imposed');
  });

  it('finds a person by identity number without storing the query', async () => {
    const found = await as('sx.hp').request('POST', '/api/sanctions/lookup', { personIdNumber: ID.toLowerCase() });
    expect(found.json().items.map((x: { id: string }) => x.id)).toEqual([ids.sanction]);
    const none = await as('sx.hp').request('POST', '/api/sanctions/lookup', { personIdNumber: OTHER_ID });
    expect(none.json().items).toEqual([]);
    // The number is refused in a query string: it would land in access logs.
    expect((await as('sx.hp').request('GET', `/api/sanctions?personIdNumber=${ID}`)).statusCode).toBe(400);
    expect((await as('sx.e1').request('POST', '/api/sanctions/lookup', { personIdNumber: ID })).statusCode).toBe(403);
    expect((await as('sx.hp').request('GET', '/api/sanctions?state=expired')).json().total).toBe(0);
    expect((await as('sx.hp').request('GET', '/api/sanctions?state=active&q=诚信')).json().total).toBe(1);
  });

  it('lets reviewers, analysts and auditors read, and only city administrators write', async () => {
    for (const reader of ['sx.hp', 'sx.th', 'sx.auditor', 'sx.analyst'])
      expect((await as(reader).request('GET', `/api/sanctions/${ids.sanction}`)).statusCode, reader).toBe(200);
    for (const outsider of ['sx.e1', 'sx.e2']) expect((await as(outsider).request('GET', '/api/sanctions')).statusCode, outsider).toBe(403);
    for (const nonWriter of ['sx.hp', 'sx.auditor', 'sx.analyst', 'sx.e1']) {
      const res = await as(nonWriter).request('POST', `/api/sanctions/${ids.sanction}/lift`, { reason: '复核撤销' });
      expect(res.statusCode, nonWriter).toBe(403);
    }
  });

  it('bars the entity from declaring projects and applying to selections while in force', async () => {
    const project = await declareProject();
    expect(project.statusCode).toBe(201);
    ids.project = project.json().id;
    const submit = await as('sx.e1').request('POST', `/api/projects/${ids.project}/transitions`, {
      version: project.json().version,
      action: 'submit',
    });
    expect(submit.statusCode).toBe(403);
    expect(submit.json().error.details.reason).toEqual({
      code: 'sanction.in_force',
      params: { basis: '穗工信〔2026〕88号', endsOn: '2099-12-31' },
    });
    expect((await as('sx.e1').request('GET', `/api/projects/${ids.project}`)).json().state).toBe('draft');

    const round = await as('sx.admin').request('POST', '/api/selections', {
      title: '2026年典型案例遴选',
      kind: 'typical_case',
      subjectType: 'project',
      year: 2026,
      rubric: [{ key: 'benefit', nameZh: '成效', nameEn: 'Benefit', weight: 100, maxScore: 10 }],
      deadline: '2099-04-01T00:00:00+08:00',
      quota: 1,
    });
    ids.round = round.json().id;
    await as('sx.admin').request('POST', `/api/selections/${ids.round}/transitions`, { version: round.json().version, action: 'open' });
    const apply = await as('sx.e1').request('POST', `/api/selections/${ids.round}/applications`, {
      subjectId: ids.project,
      narrative: '申报',
    });
    expect(apply.statusCode).toBe(403);
    expect(apply.json().error.details.reason.code).toBe('sanction.in_force');
  });

  it('does not bar before the period starts, and lifting ends it with a reason, once', async () => {
    const later = await impose({
      creditCode: '91440106MA5CXK0T1K',
      entityName: '天河诚信企业',
      personName: undefined,
      personIdNumber: undefined,
      startsOn: '2099-01-01',
    });
    expect(later.json()).toMatchObject({ state: 'scheduled', organisationId: ids.e2, personIdMasked: null });

    const lifted = await as('sx.admin').request('POST', `/api/sanctions/${ids.sanction}/lift`, { reason: '行政复议撤销原决定' });
    expect(lifted.json()).toMatchObject({ state: 'lifted', liftReason: '行政复议撤销原决定' });
    const again = await as('sx.admin').request('POST', `/api/sanctions/${ids.sanction}/lift`, { reason: '再次' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.reason.code).toBe('sanction.already_lifted');

    const current = (await as('sx.e1').request('GET', `/api/projects/${ids.project}`)).json();
    const submit = await as('sx.e1').request('POST', `/api/projects/${ids.project}/transitions`, {
      version: current.version,
      action: 'submit',
    });
    expect(submit.json().state).toBe('submitted');
    const inbox = (await as('sx.e1').request('GET', '/api/notifications')).json();
    expect(inbox.items.map((n: { kind: string }) => n.kind)).toContain('sanction.lifted');
  });
});
