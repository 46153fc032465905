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
} from './harness.js';

/**
 * Issue #3 item 8 and tests: every role, living in 天河区 (or the city), tries to read and change
 * 黄埔区's programme records. The answer is data only for roles that may see them, otherwise 403
 * (no permission at all) or 404 (permission, but out of scope) — never data.
 */
describe('authorization matrix: programme records', () => {
  let ctx: TestContext;
  const sessions = {} as Record<Role, Session>;
  const target: Record<string, { url: string; version: number; patch: Record<string, unknown> }> = {};

  beforeAll(async () => {
    ctx = await createTestApp();
    const city = await orgByDivision(ctx, '440100');
    const tianhe = await orgByDivision(ctx, '440106');
    const huangpu = await orgByDivision(ctx, '440112');
    const ownEnterprise = await insertEnterprise(ctx, tianhe.id, '天河企业', '91440106MA5CXK0T1K');
    const ownProvider = await insertEnterprise(ctx, tianhe.id, '天河服务商', '91440101MA59UQXX10', 'provider');
    const pool = await ctx.database.pool.query(
      "INSERT INTO organisation (kind, parent_id, name) VALUES ('expert_pool', $1, '专家库') RETURNING id",
      [city.id],
    );
    const homes: Record<Role, string> = {
      city_admin: city.id,
      city_analyst: city.id,
      security_analyst: city.id,
      auditor: city.id,
      district_officer: tianhe.id,
      enterprise_user: ownEnterprise.id,
      provider_user: ownProvider.id,
      expert: pool.rows[0].id,
      bank_user: (await insertBank(ctx, '项目矩阵银行')).id,
    };
    for (const role of ROLES) {
      await insertUser(ctx, `pm.${role.replace(/_/g, '-')}`, role, homes[role]);
      sessions[role] = await login(ctx, `pm.${role.replace(/_/g, '-')}`);
    }
    // 黄埔's records, entered by its own people.
    const victim = await insertEnterprise(ctx, huangpu.id, '黄埔受保护企业', '91440112MA59B7XH31');
    await insertUser(ctx, 'hp.ent', 'enterprise_user', victim.id);
    await insertUser(ctx, 'hp.officer', 'district_officer', huangpu.id);
    const hpEnt = await login(ctx, 'hp.ent');
    const hpOfficer = await login(ctx, 'hp.officer');
    const project = (await hpEnt.request('POST', '/api/projects', { title: '黄埔保密项目' })).json();
    const factory = (await hpEnt.request('POST', '/api/factories', { name: '黄埔车间', level: 'line' })).json();
    const patent = (
      await hpEnt.request('POST', '/api/patents', {
        title: '黄埔专利',
        date: '2017-08-01',
        data: { number: '201710601862.3', kind: 'invention', applicationDate: '2017-08-01', owner: '黄埔受保护企业' },
      })
    ).json();
    const training = (
      await hpOfficer.request('POST', '/api/trainings', {
        title: '黄埔培训',
        date: '2026-03-01',
        data: { organiser: '黄埔区', trainees: [] },
      })
    ).json();
    target.enterprise = { url: `/api/enterprises/${victim.id}`, version: victim.version, patch: { mainProducts: '被改' } };
    target.project = { url: `/api/projects/${project.id}`, version: project.version, patch: { description: '被改' } };
    target.factory = { url: `/api/factories/${factory.id}`, version: factory.version, patch: { name: '被改' } };
    target.patent = { url: `/api/patents/${patent.id}`, version: patent.version, patch: { title: '被改' } };
    target.training = { url: `/api/trainings/${training.id}`, version: training.version, patch: { title: '被改' } };
  });
  afterAll(() => ctx.close());

  /** Expected GET status per record and role: 200 where the role reads city-wide. */
  const READ: Record<string, Partial<Record<Role, number>>> = {
    enterprise: {
      city_admin: 200,
      city_analyst: 200,
      security_analyst: 200,
      auditor: 200,
      provider_user: 403,
      expert: 403,
      bank_user: 403,
    },
    project: { city_admin: 200, city_analyst: 200, security_analyst: 200, auditor: 200, expert: 403, bank_user: 403 },
    factory: { city_admin: 200, city_analyst: 200, security_analyst: 200, auditor: 200, provider_user: 403, expert: 403, bank_user: 403 },
    patent: { city_admin: 200, city_analyst: 200, security_analyst: 200, auditor: 200, expert: 403, bank_user: 403 },
    training: { city_admin: 200, city_analyst: 200, security_analyst: 200, auditor: 200, expert: 403, bank_user: 403 },
  };

  for (const record of Object.keys(READ)) {
    it(`reading 黄埔's ${record}: data only for city-wide readers`, async () => {
      for (const role of ROLES) {
        const res = await sessions[role].request('GET', target[record]?.url ?? '');
        const expected = READ[record]?.[role] ?? 404;
        expect(res.statusCode, `${role} GET ${record}`).toBe(expected);
        if (expected !== 200) expect(res.body).not.toContain('黄埔');
      }
    });

    it(`changing 黄埔's ${record}: only the city administrator`, async () => {
      for (const role of ROLES) {
        if (role === 'city_admin') continue;
        const t = target[record];
        const res = await sessions[role].request('PATCH', t?.url ?? '', { version: t?.version, ...t?.patch });
        expect([403, 404], `${role} PATCH ${record}`).toContain(res.statusCode);
      }
      const before = await sessions.city_admin.request('GET', target[record]?.url ?? '');
      expect(JSON.stringify(before.json())).not.toContain('被改');
    });
  }

  it('lists never leak another district’s records', async () => {
    for (const role of ['district_officer', 'enterprise_user', 'provider_user'] as const) {
      for (const url of ['/api/enterprises', '/api/projects', '/api/factories', '/api/patents', '/api/trainings']) {
        const res = await sessions[role].request('GET', `${url}?pageSize=200`);
        if (res.statusCode === 200) expect(res.body, `${role} ${url}`).not.toContain('黄埔');
        else expect(res.statusCode).toBe(403);
      }
    }
  });
});
