import { ROLES, type Role } from '@suilian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  insertBank,
  insertEnterprise,
  insertUser,
  login,
  orgByDivision,
  type Session,
  type TestContext,
} from '../../../test/harness.js';

/**
 * Issue #2 tests: every role tries to read and change every other scope's records and gets 403/404,
 * never data. Two districts (天河, 黄埔), an enterprise and a provider in each.
 */
interface World {
  cityId: string;
  districts: Record<'tianhe' | 'huangpu', string>;
  enterprises: Record<'tianhe' | 'huangpu', string>;
  providers: Record<'tianhe' | 'huangpu', string>;
  users: Record<string, string>;
  expertPoolId: string;
  bankId: string;
}

const ACCOUNT_HOME: Record<Role, (w: World) => string> = {
  city_admin: (w) => w.cityId,
  city_analyst: (w) => w.cityId,
  security_analyst: (w) => w.cityId,
  auditor: (w) => w.cityId,
  district_officer: (w) => w.districts.tianhe,
  enterprise_user: (w) => w.enterprises.tianhe,
  provider_user: (w) => w.providers.tianhe,
  expert: (w) => w.expertPoolId,
  bank_user: (w) => w.bankId,
};

describe('authorization matrix', () => {
  let ctx: TestContext;
  let world: World;
  const sessions = {} as Record<Role, Session>;

  beforeAll(async () => {
    ctx = await createTestApp();
    const city = await orgByDivision(ctx, '440100');
    const tianhe = await orgByDivision(ctx, '440106');
    const huangpu = await orgByDivision(ctx, '440112');
    const e1 = await insertEnterprise(ctx, tianhe.id, '天河企业', '914403001922038216');
    const e2 = await insertEnterprise(ctx, huangpu.id, '黄埔企业', '9144030071526726XG');
    const p1 = await insertEnterprise(ctx, tianhe.id, '天河运营商', '91440101MA59UQXX10', 'provider');
    const p2 = await insertEnterprise(ctx, huangpu.id, '黄埔服务商', '91440112MA59B7XH31', 'provider');
    const pool = await ctx.database.pool.query(
      "INSERT INTO organisation (kind, parent_id, name) VALUES ('expert_pool', $1, '专家库') RETURNING id",
      [city.id],
    );
    world = {
      cityId: city.id,
      districts: { tianhe: tianhe.id, huangpu: huangpu.id },
      enterprises: { tianhe: e1.id, huangpu: e2.id },
      providers: { tianhe: p1.id, huangpu: p2.id },
      expertPoolId: pool.rows[0].id,
      bankId: (await insertBank(ctx, '矩阵银行')).id,
      users: {},
    };
    for (const role of ROLES) {
      const user = await insertUser(ctx, `m.${role.replace(/_/g, '-')}`, role, ACCOUNT_HOME[role](world));
      world.users[role] = user.id;
      sessions[role] = await login(ctx, user.username);
    }
    // Accounts living in the other district, to be attacked.
    world.users.huangpuEnterprise = (await insertUser(ctx, 'victim.enterprise', 'enterprise_user', e2.id)).id;
    world.users.huangpuOfficer = (await insertUser(ctx, 'victim.officer', 'district_officer', huangpu.id)).id;
    world.users.tianheExtra = (await insertUser(ctx, 'tianhe.extra', 'enterprise_user', e1.id)).id;
  });
  afterAll(() => ctx.close());

  const visibleOrgIds = async (role: Role) => {
    const res = await sessions[role].request('GET', '/api/organisations?pageSize=200');
    expect(res.statusCode).toBe(200);
    return new Set(res.json().items.map((o: { id: string }) => o.id));
  };

  it('city roles see every organisation', async () => {
    for (const role of ['city_admin', 'city_analyst', 'security_analyst', 'auditor'] as const) {
      const ids = await visibleOrgIds(role);
      expect(ids.has(world.enterprises.huangpu)).toBe(true);
      expect(ids.has(world.enterprises.tianhe)).toBe(true);
    }
  });

  it('a district officer sees only its district', async () => {
    const ids = await visibleOrgIds('district_officer');
    expect(ids).toEqual(new Set([world.districts.tianhe, world.enterprises.tianhe, world.providers.tianhe]));
  });

  it('enterprise, provider and expert users see only their own organisation', async () => {
    expect(await visibleOrgIds('enterprise_user')).toEqual(new Set([world.enterprises.tianhe]));
    expect(await visibleOrgIds('provider_user')).toEqual(new Set([world.providers.tianhe]));
    expect(await visibleOrgIds('expert')).toEqual(new Set([world.expertPoolId]));
  });

  it('reading another scope’s organisation answers 404, never data', async () => {
    const outsiders: Role[] = ['district_officer', 'enterprise_user', 'provider_user', 'expert'];
    for (const role of outsiders) {
      for (const id of [world.enterprises.huangpu, world.districts.huangpu, world.providers.huangpu]) {
        const res = await sessions[role].request('GET', `/api/organisations/${id}`);
        expect(res.statusCode, `${role} GET ${id}`).toBe(404);
        expect(res.body).not.toContain('黄埔');
      }
    }
  });

  it('changing an organisation needs org:write and scope', async () => {
    for (const role of ROLES) {
      const target = await sessions.city_admin.request('GET', `/api/organisations/${world.enterprises.huangpu}`);
      const res = await sessions[role].request('PATCH', `/api/organisations/${world.enterprises.huangpu}`, {
        version: target.json().version,
        address: `changed by ${role}`,
      });
      // Without org:write the catalogue refuses before looking (403); a district officer holds it but
      // cannot see the other district's enterprise (404).
      const expected = role === 'city_admin' ? 200 : role === 'district_officer' ? 404 : 403;
      expect(res.statusCode, role).toBe(expected);
    }
    const own = await sessions.district_officer.request('GET', `/api/organisations/${world.enterprises.tianhe}`);
    const officerEdit = await sessions.district_officer.request('PATCH', `/api/organisations/${world.enterprises.tianhe}`, {
      version: own.json().version,
      address: '天河区内',
    });
    expect(officerEdit.statusCode).toBe(200);
  });

  it('a district officer cannot create organisations in another district', async () => {
    const res = await sessions.district_officer.request('POST', '/api/organisations', {
      kind: 'enterprise',
      districtId: world.districts.huangpu,
      name: '越界企业',
      creditCode: '91440300MA5D8XKQ06',
    });
    expect([403, 422]).toContain(res.statusCode);
    const count = await ctx.database.pool.query("SELECT count(*)::int AS n FROM organisation WHERE name = '越界企业'");
    expect(count.rows[0].n).toBe(0);
  });

  it('user lists are scoped and need user:read', async () => {
    const officer = await sessions.district_officer.request('GET', '/api/users?pageSize=200');
    const usernames = officer.json().items.map((u: { username: string }) => u.username);
    expect(usernames).toContain('m.enterprise-user');
    expect(usernames).not.toContain('victim.enterprise');
    expect(usernames).not.toContain('m.city-admin');
    for (const role of ['enterprise_user', 'provider_user', 'expert', 'security_analyst'] as const) {
      const res = await sessions[role].request('GET', '/api/users');
      expect(res.statusCode, role).toBe(403);
    }
  });

  it('only managers may change accounts, and only those they manage', async () => {
    for (const role of ROLES) {
      const res = await sessions[role].request('POST', `/api/users/${world.users.huangpuEnterprise}/reset-password`);
      // Without user:write the catalogue refuses before looking (403); a district officer holds it but
      // cannot see the other district's account (404).
      const expected = role === 'city_admin' ? 200 : role === 'district_officer' ? 404 : 403;
      expect(res.statusCode, role).toBe(expected);
    }
    // A district officer manages enterprise accounts in its district but not fellow officers or admins.
    const ownEnterpriseUser = await sessions.district_officer.request('POST', `/api/users/${world.users.tianheExtra}/reset-password`);
    expect(ownEnterpriseUser.statusCode).toBe(200);
    const promote = await sessions.district_officer.request('POST', '/api/users', {
      username: 'sneaky.admin',
      displayName: 'x',
      role: 'city_admin',
      orgId: world.districts.tianhe,
    });
    expect(promote.statusCode).toBe(403);
  });

  it('the audit log is for city admins and auditors only', async () => {
    for (const role of ROLES) {
      const res = await sessions[role].request('GET', '/api/audit');
      expect(res.statusCode, role).toBe(role === 'city_admin' || role === 'auditor' ? 200 : 403);
    }
  });

  it('API tokens are scoped like their owners', async () => {
    const res = await sessions.district_officer.request('POST', '/api/tokens', {
      name: 'feed',
      role: 'enterprise_user',
      orgId: world.enterprises.huangpu,
    });
    expect(res.statusCode).toBe(422);
    const ok = await sessions.district_officer.request('POST', '/api/tokens', {
      name: 'feed',
      role: 'enterprise_user',
      orgId: world.enterprises.tianhe,
    });
    expect(ok.statusCode).toBe(201);
    const adminToken = await sessions.city_admin.request('POST', '/api/tokens', {
      name: 'hp',
      role: 'enterprise_user',
      orgId: world.enterprises.huangpu,
    });
    const revoke = await sessions.district_officer.request('POST', `/api/tokens/${adminToken.json().apiToken.id}/revoke`);
    expect(revoke.statusCode).toBe(404);
    for (const role of ['enterprise_user', 'provider_user', 'expert', 'city_analyst'] as const) {
      expect((await sessions[role].request('GET', '/api/tokens')).statusCode, role).toBe(403);
    }
  });
});
