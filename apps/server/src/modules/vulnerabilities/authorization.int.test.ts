import type { Role } from '@suilian/contracts';
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
import { testCreditCode } from '../../../test/imports.js';

const MANAGE: Role[] = ['city_admin', 'security_analyst'];
const READ: Role[] = ['city_admin', 'city_analyst', 'district_officer', 'enterprise_user', 'security_analyst', 'auditor'];
const ASSET_WRITE: Role[] = ['city_admin', 'district_officer', 'enterprise_user', 'security_analyst'];
const ALL: Role[] = [
  'city_admin',
  'city_analyst',
  'district_officer',
  'enterprise_user',
  'provider_user',
  'expert',
  'security_analyst',
  'auditor',
];

// Issue #5 item 8 and the security baseline: every role against the vulnerability API (permissions are data in roles.ts).
describe('vulnerability API authorization matrix', () => {
  let ctx: TestContext;
  const as: Partial<Record<Role, Session>> = {};
  let enterpriseId: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    const city = await orgByDivision(ctx, '440100');
    const hp = await orgByDivision(ctx, '440112');
    enterpriseId = (await insertEnterprise(ctx, hp.id, '黄埔矩阵测试有限公司', testCreditCode(971, '91440112'))).id;
    const provider = await insertEnterprise(ctx, hp.id, '黄埔矩阵服务商', testCreditCode(972, '91440112'), 'provider');
    const pool = (
      await ctx.database.pool.query(
        `INSERT INTO organisation (kind, name, parent_id) VALUES ('expert_pool', '矩阵专家库', $1) RETURNING id`,
        [city.id],
      )
    ).rows[0].id as string;
    const orgOf: Record<Role, string> = {
      city_admin: city.id,
      city_analyst: city.id,
      district_officer: hp.id,
      enterprise_user: enterpriseId,
      provider_user: provider.id,
      expert: pool,
      security_analyst: city.id,
      auditor: city.id,
      bank_user: (await insertBank(ctx, '漏洞矩阵银行')).id,
    };
    for (const role of ALL) {
      await insertUser(ctx, `matrix.${role}`, role, orgOf[role]);
      as[role] = await login(ctx, `matrix.${role}`);
    }
  });
  afterAll(async () => ctx?.close());

  const expectStatus = async (role: Role, method: string, url: string, body: unknown, allowed: number, allowedRoles: Role[]) => {
    const res = await (as[role] as Session).request(method, url, body);
    expect([role, method, url, res.statusCode]).toEqual([role, method, url, allowedRoles.includes(role) ? allowed : 403]);
  };

  it('reads the database, findings, matches and statistics with the read permissions only', async () => {
    for (const role of ALL) {
      await expectStatus(role, 'GET', '/api/security/vulnerabilities', undefined, 200, READ);
      await expectStatus(role, 'GET', '/api/security/advisories', undefined, 200, READ);
      await expectStatus(role, 'GET', '/api/security/findings', undefined, 200, READ);
      await expectStatus(role, 'GET', '/api/security/matches', undefined, 200, READ);
      await expectStatus(role, 'GET', '/api/security/stats', undefined, 200, READ);
      await expectStatus(role, 'GET', '/api/security/assets', undefined, 200, READ);
      await expectStatus(role, 'GET', '/api/security/notices', undefined, 200, READ);
    }
  });

  it('lets only analysts (and city admins) change the database, the aliases, the SLA and re-match', async () => {
    let n = 0;
    for (const role of ALL) {
      n++;
      const record = {
        id: `CNVD-2026-${String(10000 + n)}`,
        titleZh: '测试漏洞',
        descriptionZh: '描述',
        publishedAt: '2026-11-01',
        grade: 'high',
        products: [{ vendor: '测试厂商', product: '测试产品', versions: '全部版本' }],
      };
      await expectStatus(role, 'POST', '/api/security/manual-records', record, 201, MANAGE);
      await expectStatus(
        role,
        'POST',
        '/api/security/vendor-aliases',
        { canonical: `Vendor ${role}`, names: [`厂商${role}`] },
        201,
        MANAGE,
      );
      await expectStatus(role, 'PUT', '/api/security/sla', { critical: 7, high: 30, medium: 90, low: 120 }, 200, MANAGE);
      await expectStatus(role, 'POST', '/api/security/rematch', undefined, 202, MANAGE);
      await expectStatus(role, 'POST', '/api/security/sla/sweep', undefined, 200, MANAGE);
    }
  });

  it('lets enterprises, their district and analysts keep assets; readers cannot', async () => {
    for (const role of ALL) {
      const body = {
        ...(role === 'enterprise_user' ? {} : { enterpriseId }),
        vendor: '测试厂商',
        product: `产品${role}`,
        zone: 'OT',
        criticality: 'low',
      };
      await expectStatus(role, 'POST', '/api/security/assets', body, 201, ASSET_WRITE);
    }
  });

  it('documents every endpoint in OpenAPI', async () => {
    const spec = (await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/security/advisories/csaf',
        '/api/security/advisories/csaf-directory',
        '/api/security/vulnerabilities/{id}',
        '/api/security/findings/{id}/transitions',
        '/api/security/scans',
        '/api/security/notices/{id}/publish',
        '/api/security/stats',
      ]),
    );
  });
});
