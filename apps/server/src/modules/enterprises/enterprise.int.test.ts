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

// Issue #3 item 1 (enterprises, honours) and item 8 (scope).
describe('enterprises', () => {
  let ctx: TestContext;
  let admin: Session;
  let officer: Session;
  let tianheId: string;
  let huangpuId: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    const city = await orgByDivision(ctx, '440100');
    tianheId = (await orgByDivision(ctx, '440106')).id;
    huangpuId = (await orgByDivision(ctx, '440112')).id;
    await insertUser(ctx, 'e.admin', 'city_admin', city.id);
    await insertUser(ctx, 'e.officer', 'district_officer', huangpuId);
    admin = await login(ctx, 'e.admin');
    officer = await login(ctx, 'e.officer');
  });
  afterAll(() => ctx.close());

  it('registers an enterprise with its profile in one step', async () => {
    const res = await officer.request('POST', '/api/enterprises', {
      name: '广州黄埔显示面板有限公司',
      creditCode: '91440112MA59B7XH31',
      districtId: huangpuId,
      industryCode: '39',
      clusterCode: 'NEW_DISPLAY',
      sizeClass: 'LARGE',
      aboveScale: true,
      contacts: [{ name: '王工', phone: '020-12345678' }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      districtName: '黄埔区',
      clusterCode: 'NEW_DISPLAY',
      aboveScale: true,
      honours: [],
      contacts: [{ name: '王工' }],
    });
  });

  it('refuses unknown code-list values naming the field', async () => {
    const res = await admin.request('POST', '/api/enterprises', {
      name: 'x',
      creditCode: '91440106MA5CXK0T1K',
      districtId: tianheId,
      clusterCode: 'SPACESHIPS',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.issues[0]).toMatchObject({ field: 'clusterCode', rule: 'code_list' });
    const none = await ctx.database.pool.query("SELECT count(*)::int AS n FROM organisation WHERE credit_code = '91440106MA5CXK0T1K'");
    expect(none.rows[0].n).toBe(0);
  });

  it('refuses a duplicate credit code', async () => {
    const res = await admin.request('POST', '/api/enterprises', { name: '重复', creditCode: '91440112MA59B7XH31', districtId: huangpuId });
    expect(res.statusCode).toBe(409);
  });

  it('keeps an honours timeline and filters by honour', async () => {
    const list = (await admin.request('GET', '/api/enterprises?q=显示面板')).json();
    const id = list.items[0].id;
    const honour = await officer.request('POST', `/api/enterprises/${id}/honours`, {
      honourType: 'LITTLE_GIANT',
      level: 'national',
      batch: '第五批',
      year: 2023,
      certificateNo: 'XJR-2023-0001',
      validFrom: '2023-07-01',
      validUntil: '2026-06-30',
    });
    expect(honour.statusCode).toBe(201);
    const badDates = await officer.request('POST', `/api/enterprises/${id}/honours`, {
      honourType: 'LITTLE_GIANT',
      level: 'national',
      year: 2023,
      validFrom: '2024-01-01',
      validUntil: '2023-01-01',
    });
    expect(badDates.statusCode).toBe(422);
    expect(badDates.json().error.details.issues[0].field).toBe('body.validUntil');
    const filtered = (await admin.request('GET', '/api/enterprises?honourType=LITTLE_GIANT')).json();
    expect(filtered.total).toBe(1);
    expect(filtered.items[0].honours[0]).toMatchObject({ honourType: 'LITTLE_GIANT', year: 2023 });
    expect((await admin.request('GET', '/api/enterprises?honourType=SINGLE_CHAMPION_ENTERPRISE')).json().total).toBe(0);
  });

  it('lets an enterprise user edit its own profile but not others', async () => {
    const own = await insertEnterprise(ctx, tianheId, '天河自有企业', '914403001922038216');
    const other = await insertEnterprise(ctx, tianheId, '天河别家企业', '9144030071526726XG');
    await insertUser(ctx, 'e.user', 'enterprise_user', own.id);
    const user = await login(ctx, 'e.user');
    const ok = await user.request('PATCH', `/api/enterprises/${own.id}`, {
      version: own.version,
      mainProducts: '工业网关',
      clusterCode: 'SMART_EQUIPMENT',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ mainProducts: '工业网关', clusterCode: 'SMART_EQUIPMENT', version: own.version + 1 });
    const stale = await user.request('PATCH', `/api/enterprises/${own.id}`, { version: own.version, mainProducts: '覆盖' });
    expect(stale.statusCode).toBe(409);
    expect((await user.request('PATCH', `/api/enterprises/${other.id}`, { version: other.version, mainProducts: 'x' })).statusCode).toBe(
      404,
    );
    expect((await user.request('GET', '/api/enterprises')).json().items.map((e: { id: string }) => e.id)).toEqual([own.id]);
    const create = await user.request('POST', '/api/enterprises', { name: 'x', creditCode: '91440300MA5D8XKQ06', districtId: tianheId });
    expect(create.statusCode, create.body).toBe(403);
    // the district officer of 黄埔 cannot see 天河's enterprises
    expect((await officer.request('GET', `/api/enterprises/${own.id}`)).statusCode).toBe(404);
  });
});
