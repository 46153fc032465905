import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertBank, insertUser, login, type Session, type TestContext } from '../../../test/harness.js';
import { selectionPeople } from '../../../test/selections.js';
import { manualClock } from '../../platform/clock.js';

// Issue #15 item 5: 产融合作 — an enterprise's request routed to banks, answered, chosen, closed; role by role.
describe('financing requests (#15 item 5)', () => {
  const clock = manualClock(new Date('2026-06-01T02:00:00Z'));
  let ctx: TestContext;
  const s: Record<string, Session> = {};
  const ids: Record<string, string> = {};
  const as = (name: string) => s[name] as Session;

  const insertProject = async (enterpriseId: string, districtId: string, title: string) => {
    const { rows } = await ctx.database.pool.query(
      `INSERT INTO project (code, title, enterprise_id, district_id, state, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'under_construction', now(), now()) RETURNING id`,
      [`XMF${Math.floor(Math.random() * 1e9)}`, title, enterpriseId, districtId],
    );
    return rows[0].id as string;
  };
  const request = (patch: Record<string, unknown> = {}) => ({
    projectId: ids.p1,
    amount: '5000000.00',
    termMonths: 36,
    purpose: '5G全连接工厂产线改造设备采购',
    collateralKind: 'mortgage',
    collateralNote: '厂房抵押',
    bankIds: [ids.icbc, ids.ccb, ids.gzb],
    ...patch,
  });
  const offer = (patch: Record<string, unknown> = {}) => ({
    amount: '4500000.00',
    annualRate: '3.45',
    termMonths: 36,
    conditions: '按季付息，到期还本',
    validUntil: '2026-06-30',
    ...patch,
  });
  const get = async (who: string, id: string) => as(who).request('GET', `/api/financing/requests/${id}`);
  const step = async (who: string, id: string, action: string) => {
    const version = (await get('fi.e1', id)).json().version;
    return as(who).request('POST', `/api/financing/requests/${id}/transitions`, { version, action });
  };
  const todos = async (who: string) =>
    Object.fromEntries(
      ((await as(who).request('GET', '/api/workbench')).json().items as Array<{ kind: string; count: number }>)
        .filter((i) => i.kind.startsWith('financing.'))
        .map((i) => [i.kind, i.count]),
    );
  const total = async (who: string) => {
    const res = await as(who).request('GET', '/api/financing/requests');
    return res.statusCode === 200 ? res.json().total : res.statusCode;
  };

  beforeAll(async () => {
    ctx = await createTestApp({ clock });
    const people = await selectionPeople(ctx, 'fi', [], '融资企业');
    Object.assign(ids, people.ids);
    Object.assign(s, people.sessions);
    for (const [key, name] of [
      ['icbc', '测试工商银行广州分行'],
      ['ccb', '测试建设银行广东省分行'],
      ['gzb', '测试广州银行'],
      ['rcb', '测试广州农商银行'],
    ] as const) {
      ids[key] = (await insertBank(ctx, name)).id;
      await insertUser(ctx, `fi.${key}`, 'bank_user', ids[key]);
      s[`fi.${key}`] = await login(ctx, `fi.${key}`);
    }
    const { rows } = await ctx.database.pool.query("SELECT id FROM organisation WHERE kind = 'city' LIMIT 1");
    for (const [name, role] of [
      ['fi.auditor', 'auditor'],
      ['fi.analyst', 'city_analyst'],
    ] as const) {
      await insertUser(ctx, name, role, rows[0].id);
      s[name] = await login(ctx, name);
    }
    ids.p1 = await insertProject(ids.e1 as string, ids.huangpu as string, '总装车间5G专网');
    ids.p2 = await insertProject(ids.e2 as string, ids.tianhe as string, '天河5G质检');
  });
  afterAll(() => ctx.close());

  it('refuses bad requests naming the field: amount ≤ 0, a project not theirs, a bank that is not one', async () => {
    for (const amount of ['0', '0.00', '-5']) {
      const res = await as('fi.e1').request('POST', '/api/financing/requests', request({ amount }));
      expect(res.statusCode).toBe(422);
      expect(res.json().error.details.issues[0].field).toBe('body.amount');
    }
    const other = await as('fi.e1').request('POST', '/api/financing/requests', request({ projectId: ids.p2 }));
    expect(other.statusCode).toBe(422);
    expect(other.json().error.details.issues[0]).toMatchObject({ field: 'projectId', rule: 'exists' });
    const notBank = await as('fi.e1').request('POST', '/api/financing/requests', request({ bankIds: [ids.icbc, ids.e2] }));
    expect(notBank.json().error.details.issues[0]).toMatchObject({ field: 'bankIds.1', rule: 'exists' });
    // The city holds the permission but does not borrow on an enterprise's behalf.
    const city = await as('fi.admin').request('POST', '/api/financing/requests', request());
    expect(city.statusCode).toBe(403);
    expect(city.json().error.details.reason.code).toBe('financing.enterprise_only');
    expect((await as('fi.icbc').request('POST', '/api/financing/requests', request())).statusCode).toBe(403);
  });

  it('keeps a draft from the banks, routes it on submission and tells each bank', async () => {
    const draft = await as('fi.e1').request('POST', '/api/financing/requests', request());
    expect(draft.statusCode).toBe(201);
    ids.a = draft.json().id;
    expect(draft.json()).toMatchObject({ state: 'draft', amount: '5000000.00', bankCount: 3, actions: ['edit', 'submit'] });
    expect((await get('fi.icbc', ids.a as string)).statusCode).toBe(404);
    expect(await total('fi.icbc')).toBe(0);
    expect((await step('fi.e1', ids.a as string, 'submit')).json().state).toBe('submitted');
    const seen = await get('fi.icbc', ids.a as string);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ myRouteState: 'pending', actions: ['offer', 'decline'] });
    expect(await todos('fi.icbc')).toEqual({ 'financing.answer': 1 });
    const notices = (await as('fi.ccb').request('GET', '/api/notifications')).json().items;
    expect(notices.some((n: { kind: string }) => n.kind === 'financing.submitted')).toBe(true);
    // Not routed to the fourth bank.
    expect((await get('fi.rcb', ids.a as string)).statusCode).toBe(404);
  });

  it('scopes reading role by role: own, routed, district, city; others are refused', async () => {
    expect(await total('fi.e1')).toBe(1);
    expect(await total('fi.e2')).toBe(0);
    expect(await total('fi.icbc')).toBe(1);
    expect(await total('fi.rcb')).toBe(0);
    expect(await total('fi.hp')).toBe(1);
    expect(await total('fi.th')).toBe(0);
    for (const who of ['fi.admin', 'fi.analyst', 'fi.auditor']) expect(await total(who)).toBe(1);
    expect((await get('fi.e2', ids.a as string)).statusCode).toBe(404);
    expect((await get('fi.th', ids.a as string)).statusCode).toBe(404);
    expect((await get('fi.hp', ids.a as string)).statusCode).toBe(200);
  });

  it('takes one answer per bank: an offer, a decline with reason; banks never see each other', async () => {
    const past = await as('fi.icbc').request('POST', `/api/financing/requests/${ids.a}/offers`, offer({ validUntil: '2026-05-01' }));
    expect(past.json().error.details.issues[0]).toMatchObject({ field: 'validUntil', rule: 'not_past' });
    const rate = await as('fi.icbc').request('POST', `/api/financing/requests/${ids.a}/offers`, offer({ annualRate: '30' }));
    expect(rate.statusCode).toBe(422);
    const made = await as('fi.icbc').request('POST', `/api/financing/requests/${ids.a}/offers`, offer());
    expect(made.statusCode).toBe(201);
    expect(made.json().routes).toHaveLength(1);
    const again = await as('fi.icbc').request('POST', `/api/financing/requests/${ids.a}/offers`, offer());
    expect(again.json().error.details.reason.code).toBe('financing.already_answered');
    const declined = await as('fi.ccb').request('POST', `/api/financing/requests/${ids.a}/decline`, { reason: '授信额度已满' });
    expect(declined.json().myRouteState).toBe('declined');
    expect(declined.json().routes.map((r: { bankId: string }) => r.bankId)).toEqual([ids.ccb]);
    // The city cannot answer for a bank; a bank not routed to cannot reach it.
    const city = await as('fi.admin').request('POST', `/api/financing/requests/${ids.a}/offers`, offer());
    expect(city.json().error.details.reason.code).toBe('financing.not_your_step');
    expect((await as('fi.rcb').request('POST', `/api/financing/requests/${ids.a}/offers`, offer())).statusCode).toBe(404);
    const mine = (await get('fi.e1', ids.a as string)).json();
    expect(mine.routes.map((r: { state: string }) => r.state).sort()).toEqual(['declined', 'offered', 'pending']);
    expect(mine.actions).toEqual(['accept', 'withdraw']);
    expect(await todos('fi.e1')).toEqual({ 'financing.offers': 1 });
    const audit = await ctx.database.pool.query(
      "SELECT action FROM audit_log WHERE entity_type = 'financing_request' AND entity_id = $1 ORDER BY seq",
      [ids.a],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'financing_request.create',
      'financing_request.submit',
      'financing_request.offer',
      'financing_request.decline',
    ]);
  });

  it('lets the enterprise accept a valid offer; refuses an offer after that and after close', async () => {
    const detail = (await get('fi.e1', ids.a as string)).json();
    const offerId = detail.routes.find((r: { bankId: string }) => r.bankId === ids.icbc).offer.id;
    const byBank = await as('fi.icbc').request('POST', `/api/financing/requests/${ids.a}/offers/${offerId}/accept`, {
      version: detail.version,
    });
    expect(byBank.statusCode).toBe(403);
    const accepted = await as('fi.e1').request('POST', `/api/financing/requests/${ids.a}/offers/${offerId}/accept`, {
      version: detail.version,
    });
    expect(accepted.json()).toMatchObject({ state: 'accepted', acceptedOfferId: offerId });
    const late = await as('fi.gzb').request('POST', `/api/financing/requests/${ids.a}/offers`, offer());
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details.reason).toEqual({ code: 'financing.step_not_allowed', params: { state: 'accepted', step: 'offer' } });
    expect(await todos('fi.icbc')).toEqual({ 'financing.close': 1 });
    expect((await step('fi.ccb', ids.a as string, 'close')).json().error.details.reason.code).toBe('financing.not_your_step');
    expect((await step('fi.icbc', ids.a as string, 'close')).json().state).toBe('closed');
    const afterClose = await as('fi.gzb').request('POST', `/api/financing/requests/${ids.a}/decline`, { reason: '不符合' });
    expect(afterClose.json().error.details.reason.params.state).toBe('closed');
  });

  it('refuses an expired offer and lets the enterprise withdraw', async () => {
    const created = (await as('fi.e1').request('POST', '/api/financing/requests', request({ bankIds: [ids.rcb] }))).json();
    await step('fi.e1', created.id, 'submit');
    await as('fi.rcb').request('POST', `/api/financing/requests/${created.id}/offers`, offer({ validUntil: '2026-06-01' }));
    // The next day in China; sessions do not outlive the jump, so everyone signs in again.
    clock.set(new Date('2026-06-01T17:00:00Z'));
    for (const who of ['fi.e1', 'fi.admin', 'fi.ccb', 'fi.th']) s[who] = await login(ctx, who);
    const detail = (await get('fi.e1', created.id)).json();
    expect(detail.routes[0].offer.expired).toBe(true);
    const res = await as('fi.e1').request('POST', `/api/financing/requests/${created.id}/offers/${detail.routes[0].offer.id}/accept`, {
      version: detail.version,
    });
    expect(res.json().error.details.reason).toEqual({ code: 'financing.offer_expired', params: { until: '2026-06-01' } });
    expect((await step('fi.e1', created.id, 'withdraw')).json().state).toBe('withdrawn');
  });

  it('gives the city volumes by state, district and bank; a bank sees only its own line', async () => {
    const city = (await as('fi.admin').request('GET', '/api/financing/statistics')).json();
    expect(city.byState).toEqual(
      expect.arrayContaining([
        { state: 'closed', count: 1, amount: '5000000.00' },
        { state: 'withdrawn', count: 1, amount: '5000000.00' },
      ]),
    );
    expect(city.byDistrict).toEqual([
      { districtId: ids.huangpu, districtName: '黄埔区', requests: 2, requestedAmount: '10000000.00', acceptedAmount: '4500000.00' },
    ]);
    expect(city.byBank.find((b: { bankId: string }) => b.bankId === ids.icbc)).toMatchObject({
      routed: 1,
      offered: 1,
      accepted: 1,
      acceptedAmount: '4500000.00',
    });
    expect(city.byBank).toHaveLength(4);
    const bank = (await as('fi.ccb').request('GET', '/api/financing/statistics')).json();
    expect(bank.byBank.map((b: { bankId: string }) => b.bankId)).toEqual([ids.ccb]);
    expect(bank.byDistrict[0].acceptedAmount).toBe('0');
    expect((await as('fi.th').request('GET', '/api/financing/statistics')).json().byDistrict).toEqual([]);
  });
});
