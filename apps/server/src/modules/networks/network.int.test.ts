import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  insertEnterprise,
  insertUser,
  login,
  orgByDivision,
  type Session,
  type TestContext,
} from '../../../test/harness.js';
import { manualClock } from '../../platform/clock.js';
import { createOrganisationRepo } from '../organisations/index.js';

// Issue #14 item 1: operators keep private networks, enterprises see theirs, the district confirms
// them, and T-INF-3 / T-INF-2 count only the confirmed ones, with drill-down to them.
describe('5G private networks: scope, rules and counting (#14 item 1)', () => {
  const clock = manualClock(new Date('2026-06-01T08:00:00Z'));
  let ctx: TestContext;
  const s = {} as Record<'op' | 'sp' | 'ent' | 'otherEnt' | 'hp' | 'th' | 'admin' | 'analyst', Session>;
  let huangpu: string;
  let enterpriseId: string;
  let operatorId: string;
  let networkId: string;
  const value = async (code: string) =>
    (await s.admin.request('GET', `/api/indicators/${code}?district=${huangpu}`)).json().value as number;
  const drill = async (code: string) => (await s.admin.request('GET', `/api/indicators/${code}/records?district=${huangpu}`)).json();
  const put = (element: string, period: string, value: number) =>
    ctx.database.pool.query(
      "INSERT INTO data_value (data_element_code, period, org_id, value, stored_by, updated_at) VALUES ($1, $2, $3, $4, 'test', now())",
      [element, period, huangpu, String(value)],
    );
  const body = (extra: Record<string, unknown> = {}) => ({
    enterpriseId,
    name: '黄埔测试智造5G混合专网',
    mode: 'hybrid',
    bands: ['n78'],
    upfLocation: 'enterprise_premises',
    state: 'in_service',
    inServiceOn: '2026-03-10',
    sites: [{ districtId: huangpu, address: '黄埔区科学大道1号' }],
    slices: [{ name: 'AGV切片', sst: 2, sd: '00a1b2', fiveQi: 82 }],
    edgeNodes: [{ name: '园区MEC', location: '厂区机房', cpuCores: 64, commissionedOn: '2026-03-10' }],
    ...extra,
  });

  beforeAll(async () => {
    ctx = await createTestApp({ clock });
    const city = await orgByDivision(ctx, '440100');
    huangpu = (await orgByDivision(ctx, '440112')).id;
    const tianhe = (await orgByDivision(ctx, '440106')).id;
    enterpriseId = (await insertEnterprise(ctx, huangpu, '黄埔测试智造有限公司', 'NET-TEST-E1')).id;
    const other = await insertEnterprise(ctx, tianhe, '天河测试软件有限公司', 'NET-TEST-E2');
    operatorId = (await insertEnterprise(ctx, tianhe, '测试移动广州分公司', 'NET-TEST-O1', 'provider')).id;
    const now = new Date();
    const provider = await createOrganisationRepo(ctx.database.db).insert({
      kind: 'provider',
      providerType: 'service_provider',
      parentId: tianhe,
      districtId: tianhe,
      name: '测试平台服务商',
      createdAt: now,
      updatedAt: now,
    });
    const users: Array<[keyof typeof s, Parameters<typeof insertUser>[2], string]> = [
      ['op', 'provider_user', operatorId],
      ['sp', 'provider_user', provider.id],
      ['ent', 'enterprise_user', enterpriseId],
      ['otherEnt', 'enterprise_user', other.id],
      ['hp', 'district_officer', huangpu],
      ['th', 'district_officer', tianhe],
      ['admin', 'city_admin', city.id],
      ['analyst', 'city_analyst', city.id],
    ];
    for (const [key, role, org] of users) await insertUser(ctx, `n.${key}`, role, org);
    for (const [key] of users) s[key] = await login(ctx, `n.${key}`);
  });
  afterAll(() => ctx.close());

  it('an operator registers a network for an enterprise; it waits for the district, which hears of it', async () => {
    const created = await s.op.request('POST', '/api/networks', body());
    expect(created.statusCode).toBe(201);
    const network = created.json();
    networkId = network.id;
    expect(network).toMatchObject({
      operatorId,
      districtId: huangpu,
      state: 'in_service',
      confirmation: { state: 'declared' },
      slices: [{ sst: 2, sd: '00A1B2', fiveQi: 82, snssai: '02-00A1B2' }],
      edgeNodes: [{ name: '园区MEC', operatorId, cpuCores: 64 }],
    });
    expect(network.allowedActions).toEqual(['retire', 'edit']);
    const inbox = (await s.hp.request('GET', '/api/notifications')).json();
    expect(inbox.items[0]).toMatchObject({ kind: 'network.to_confirm', link: `/networks/${networkId}` });
    const workbench = (await s.hp.request('GET', '/api/workbench')).json();
    expect(workbench.items).toContainEqual(expect.objectContaining({ kind: 'network.confirm', count: 1 }));
  });

  it('only operators register networks, for their own organisation', async () => {
    const byProvider = await s.sp.request('POST', '/api/networks', body());
    expect(byProvider.statusCode).toBe(403);
    expect(byProvider.json().error.details.reason.code).toBe('network.operators_only');
    const byEnterprise = await s.ent.request('POST', '/api/networks', body());
    expect(byEnterprise.statusCode).toBe(403);
    expect(byEnterprise.json().error.details.permissions).toEqual(['network:write']);
    const elsewhere = await s.op.request('POST', '/api/networks', body({ operatorId: enterpriseId }));
    expect(elsewhere.statusCode).toBe(422);
  });

  it('reaches networks by role: its operator, its enterprise, its district and the city; nobody else', async () => {
    for (const who of ['op', 'ent', 'hp', 'admin', 'analyst'] as const) {
      const list = (await s[who].request('GET', '/api/networks')).json();
      expect(
        list.items.map((n: { id: string }) => n.id),
        who,
      ).toContain(networkId);
      expect((await s[who].request('GET', `/api/networks/${networkId}`)).statusCode, who).toBe(200);
    }
    for (const who of ['otherEnt', 'th', 'sp'] as const) {
      expect((await s[who].request('GET', '/api/networks')).json().total, who).toBe(0);
      expect((await s[who].request('GET', `/api/networks/${networkId}`)).statusCode, who).toBe(404);
    }
    expect((await s.ent.request('GET', `/api/networks/${networkId}`)).json().allowedActions).toEqual([]);
    expect((await s.hp.request('GET', `/api/networks/${networkId}`)).json().allowedActions).toEqual(['confirm', 'return']);
    const th = await s.th.request('POST', `/api/networks/${networkId}/confirm`, { comment: '越区', version: 1 });
    expect(th.statusCode).toBe(404);
    expect((await s.ent.request('GET', '/api/networks?sort=bogus')).statusCode).toBe(400);
  });

  it('refuses malformed slices with the rule broken (SST, SD, 5QI)', async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ name: 'x', sst: 0, fiveQi: 9 }, 'body.slices.0.sst', 'sst_range'],
      [{ name: 'x', sst: 1, sd: 'FFFFFF', fiveQi: 9 }, 'body.slices.0.sd', 'sd_reserved'],
      [{ name: 'x', sst: 1, sd: '12G456', fiveQi: 9 }, 'body.slices.0.sd', 'sd_format'],
      [{ name: 'x', sst: 1, fiveQi: 11 }, 'body.slices.0.fiveQi', 'five_qi_standard'],
    ];
    for (const [slice, field, rule] of cases) {
      const res = await s.op.request('POST', '/api/networks', body({ slices: [slice] }));
      expect(res.statusCode, rule).toBe(422);
      expect(res.json().error.details.issues, rule).toContainEqual(expect.objectContaining({ field, rule }));
    }
  });

  it('counts toward T-INF-3 and T-INF-2 only once confirmed, and drills down to the records', async () => {
    // A typed figure before the records took over counts; one from a month the records cover does not.
    await put('PRIVNET_NEW', '202512', 2);
    await put('PRIVNET_NEW', '202604', 5);
    expect(await value('T-INF-3')).toBe(2 + 5);
    const pending = await drill('T-INF-3');
    expect(pending.pendingTotal).toBe(1);
    expect(pending.pending[0]).toMatchObject({ kind: 'private_network', id: networkId, confirmation: 'declared' });

    const confirmed = await s.hp.request('POST', `/api/networks/${networkId}/confirm`, { comment: '现场核验', version: 1 });
    expect(confirmed.statusCode).toBe(200);
    expect(await value('T-INF-3')).toBe(2 + 1);
    expect(await value('T-INF-2')).toBe(1);
    const counted = await drill('T-INF-3');
    expect(counted).toMatchObject({ basis: 'records', total: 2, sum: 3, pendingTotal: 0 });
    expect(counted.records).toContainEqual(
      expect.objectContaining({ kind: 'private_network', id: networkId, link: `/networks/${networkId}`, confirmation: 'confirmed' }),
    );
    expect(counted.records).toContainEqual(expect.objectContaining({ kind: 'reported_value', id: `202512:${huangpu}`, weight: 2 }));
    const nodes = await drill('T-INF-2');
    expect(nodes.records).toEqual([expect.objectContaining({ kind: 'edge_node', link: `/networks/${networkId}` })]);
    const inbox = (await s.op.request('GET', '/api/notifications')).json();
    expect(inbox.items[0]).toMatchObject({ kind: 'network.confirmed' });
  });

  it('the district form no longer asks for the figures the records give', async () => {
    const form = (await s.hp.request('GET', '/api/reporting/forms/DISTRICT_MONTHLY/202605')).json();
    const cell = (code: string) => form.cells.find((c: { element: string }) => c.element === code);
    expect(cell('PRIVNET_NEW').recorded).toEqual({ value: 0, source: 'networks' });
    expect(cell('EDGE_NODE_NEW').recorded).toEqual({ value: 0, source: 'networks' });
    expect(cell('BS5G_TOTAL').recorded).toBeNull();
    const march = (await s.hp.request('GET', '/api/reporting/forms/DISTRICT_MONTHLY/202603')).json();
    expect(march.cells.find((c: { element: string }) => c.element === 'PRIVNET_NEW').recorded).toEqual({ value: 1, source: 'networks' });
    const earlier = (await s.hp.request('GET', '/api/reporting/forms/DISTRICT_MONTHLY/202602')).json();
    expect(earlier.cells.find((c: { element: string }) => c.element === 'PRIVNET_NEW').recorded).toBeNull();
    const typed = await s.hp.request('PUT', '/api/reporting/forms/DISTRICT_MONTHLY/202605/values', {
      values: [{ element: 'PRIVNET_NEW', value: '3' }],
    });
    expect(typed.statusCode).toBe(422);
    expect(typed.json().error.details.issues).toContainEqual(expect.objectContaining({ rule: 'from_records' }));
  });

  it('walks the lifecycle only as the rule allows, and an operator’s edit declares it again', async () => {
    const planned = (await s.op.request('POST', '/api/networks', body({ state: 'planned', inServiceOn: undefined, edgeNodes: [] }))).json();
    const skip = await s.op.request('POST', `/api/networks/${planned.id}/transition`, { action: 'go_live', version: planned.version });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.details.reason.code).toBe('network.transition_not_allowed');
    const building = (
      await s.op.request('POST', `/api/networks/${planned.id}/transition`, { action: 'start_building', version: planned.version })
    ).json();
    expect(building).toMatchObject({ state: 'building', allowedActions: ['go_live', 'retire', 'edit'] });
    const future = await s.op.request('POST', `/api/networks/${planned.id}/transition`, {
      action: 'go_live',
      version: building.version,
      date: '2026-07-01',
    });
    expect(future.statusCode).toBe(422);
    const live = await s.op.request('POST', `/api/networks/${planned.id}/transition`, { action: 'go_live', version: building.version });
    expect(live.json()).toMatchObject({ state: 'in_service', inServiceOn: '2026-06-01' });

    const current = (await s.op.request('GET', `/api/networks/${networkId}`)).json();
    const edited = await s.op.request('PATCH', `/api/networks/${networkId}`, { version: current.version, bands: ['n78', 'n28'] });
    expect(edited.json()).toMatchObject({ bands: ['n78', 'n28'], confirmation: { state: 'declared' } });
    expect(await value('T-INF-3')).toBe(2 + 5);
  });
});
