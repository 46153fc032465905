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

/**
 * Who reaches which identifiers (prefixPolicy / handlePolicy, ADR 0011): the catalogue's access at
 * the edge, district reach by the owner's district, and the admin-read values of Handle resolution.
 */
describe('identifier access', () => {
  let ctx: TestContext;
  let officer: Session;
  let tianheOfficer: Session;
  const tokens = { analyst: '', officer: '' };

  const resolve = (url: string, token: string) => ctx.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    ctx = await createTestApp({ env: { HANDLE_PREFIXES: '88.118', HANDLE_STATS_FLUSH_SECONDS: '0' } });
    const city = await orgByDivision(ctx, '440100');
    const huangpu = await orgByDivision(ctx, '440112');
    const tianhe = await orgByDivision(ctx, '440106');
    const enterpriseId = (await insertEnterprise(ctx, huangpu.id, '黄埔仪表有限公司', '91440112MA59B7XH31')).id;
    await insertUser(ctx, 'a.admin', 'city_admin', city.id);
    await insertUser(ctx, 'a.ent', 'enterprise_user', enterpriseId);
    await insertUser(ctx, 'a.officer', 'district_officer', huangpu.id);
    await insertUser(ctx, 'a.tianhe', 'district_officer', tianhe.id);
    const [admin, enterprise] = [await login(ctx, 'a.admin'), await login(ctx, 'a.ent')];
    officer = await login(ctx, 'a.officer');
    tianheOfficer = await login(ctx, 'a.tianhe');
    const delegated = await admin.request('POST', '/api/identifiers/prefixes', {
      parent: '88.118',
      segment: '6',
      ownerOrgId: enterpriseId,
    });
    expect(delegated.statusCode, delegated.body).toBe(201);
    const record = await enterprise.request('POST', '/api/identifiers/records', {
      handle: '88.118.6/ACL-1',
      url: 'https://example.cn/acl-1',
      values: [{ index: 3, type: 'CUSTOMER', data: '客户乙', permissions: '1100' }],
    });
    expect(record.statusCode, record.body).toBe(201);
    for (const [key, role, orgId] of [
      ['analyst', 'city_analyst', city.id],
      ['officer', 'district_officer', huangpu.id],
    ] as const) {
      const created = await admin.request('POST', '/api/tokens', { name: `acl-${key}`, role, orgId });
      expect(created.statusCode, created.body).toBe(201);
      tokens[key] = created.json().token;
    }
  });
  afterAll(() => ctx.close());

  it('refuses writes to roles without handle:write before looking anything up (403 naming it)', async () => {
    const attempts = [
      await officer.request('POST', '/api/identifiers/prefixes/88.118.6/templates', {}),
      await officer.request('DELETE', '/api/identifiers/records/88.118.6/ACL-1'),
      // A handle that does not exist: still 403, not 404 (formerly 404 or 422 depending on what was sent).
      await officer.request('PUT', '/api/identifiers/records/88.118.6/NOPE', { version: 1 }),
    ];
    for (const res of attempts) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.details.permissions).toEqual(['handle:write']);
    }
    expect((await officer.request('GET', '/api/identifiers/records/88.118.6/ACL-1')).statusCode).toBe(200);
  });

  it('lets district officers read the records of their district’s prefixes, and hides the others’', async () => {
    const mine = await officer.request('GET', '/api/identifiers/records/88.118.6/ACL-1');
    expect(mine.json()).toMatchObject({ handle: '88.118.6/ACL-1', canWrite: false });
    expect((await tianheOfficer.request('GET', '/api/identifiers/records/88.118.6/ACL-1')).statusCode).toBe(404);
    expect((await tianheOfficer.request('GET', '/api/identifiers/prefixes/88.118.6')).statusCode).toBe(404);
    const list = await tianheOfficer.request('GET', '/api/identifiers/records?prefix=88.118.6');
    expect(list.json()).toEqual({ items: [], total: 0 });
  });

  it('shows values without public read to city-wide readers in Handle resolution, not to district officers', async () => {
    const city = await resolve('/api/handles/88.118.6/ACL-1?index=3', tokens.analyst);
    expect(city.json()).toMatchObject({ responseCode: 1, values: [{ index: 3, type: 'CUSTOMER' }] });
    const district = await resolve('/api/handles/88.118.6/ACL-1?index=3', tokens.officer);
    expect([district.statusCode, district.json().responseCode]).toEqual([200, 200]);
  });
});
