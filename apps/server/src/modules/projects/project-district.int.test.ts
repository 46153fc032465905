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

// Issue #11 item 5: a project is in its enterprise's district, whoever enters it; an enterprise
// cannot move its project into another district (which would hand it to another district's review).
describe('a project is in its enterprise’s district (#11 item 5)', () => {
  let ctx: TestContext;
  let enterprise: Session;
  let admin: Session;
  let huangpu: string;
  let tianhe: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    const city = await orgByDivision(ctx, '440100');
    huangpu = (await orgByDivision(ctx, '440112')).id;
    tianhe = (await orgByDivision(ctx, '440106')).id;
    const e = await insertEnterprise(ctx, huangpu, '黄埔区划测试有限公司', '91440112MA59B7XH31');
    await insertUser(ctx, 'pd.ent', 'enterprise_user', e.id);
    await insertUser(ctx, 'pd.admin', 'city_admin', city.id);
    enterprise = await login(ctx, 'pd.ent');
    admin = await login(ctx, 'pd.admin');
  });
  afterAll(() => ctx.close());

  const refusedForDistrict = (res: { statusCode: number; json(): { error: unknown } }) => {
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'FORBIDDEN', details: { reason: { code: 'project.district_of_enterprise' } } });
  };
  const projectCount = async () => (await ctx.database.pool.query('SELECT count(*)::int AS n FROM project')).rows[0].n as number;

  it('refuses an enterprise declaring its project in another district, and stores nothing', async () => {
    const before = await projectCount();
    refusedForDistrict(await enterprise.request('POST', '/api/projects', { title: '跨区项目', districtId: tianhe }));
    expect(await projectCount()).toBe(before);
  });

  it('takes the enterprise’s district when none is given, and accepts it when given', async () => {
    const derived = await enterprise.request('POST', '/api/projects', { title: '本区项目' });
    expect(derived.statusCode).toBe(201);
    expect(derived.json()).toMatchObject({ districtId: huangpu, districtName: '黄埔区' });
    const same = await enterprise.request('POST', '/api/projects', { title: '本区项目二', districtId: huangpu });
    expect(same.statusCode).toBe(201);
  });

  it('refuses moving an existing project to another district, for the enterprise and the city alike', async () => {
    const created = (await enterprise.request('POST', '/api/projects', { title: '改区项目' })).json();
    refusedForDistrict(await enterprise.request('PATCH', `/api/projects/${created.id}`, { version: created.version, districtId: tianhe }));
    refusedForDistrict(await admin.request('PATCH', `/api/projects/${created.id}`, { version: created.version, districtId: tianhe }));
    const stored = (await admin.request('GET', `/api/projects/${created.id}`)).json();
    expect(stored).toMatchObject({ districtId: huangpu, version: created.version });
  });

  it('refuses the city declaring an enterprise’s project in another district', async () => {
    const e = (await ctx.database.pool.query("SELECT id FROM organisation WHERE name = '黄埔区划测试有限公司'")).rows[0].id;
    refusedForDistrict(await admin.request('POST', '/api/projects', { title: '市级跨区', enterpriseId: e, districtId: tianhe }));
  });
});
