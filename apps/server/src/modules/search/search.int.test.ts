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
import { testCreditCode } from '../../../test/imports.js';

interface Group {
  kind: string;
  total: number;
  hits: Array<{ id: string; title: string }>;
}

// The header's global search (#12 item 7): one endpoint over the modules' own scoped lists.
describe('global search', () => {
  let ctx: TestContext;
  let admin: Session;
  let officer: Session;
  let enterprise: Session;
  let expert: Session;
  let huangpuId: string;
  let tianheId: string;

  const search = async (s: Session, q: string) => {
    const res = await s.request('GET', `/api/search?q=${encodeURIComponent(q)}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().groups as Group[];
  };
  const titles = (groups: Group[], kind: string) => groups.find((g) => g.kind === kind)?.hits.map((h) => h.title) ?? [];

  beforeAll(async () => {
    ctx = await createTestApp();
    const city = await orgByDivision(ctx, '440100');
    const hp = await orgByDivision(ctx, '440112');
    const th = await orgByDivision(ctx, '440106');
    huangpuId = (await insertEnterprise(ctx, hp.id, '黄埔寻踪智造有限公司', testCreditCode(881, '91440112'))).id;
    tianheId = (await insertEnterprise(ctx, th.id, '天河寻踪软件有限公司', testCreditCode(882, '91440106'))).id;
    const pool = (
      await ctx.database.pool.query(
        `INSERT INTO organisation (kind, name, parent_id) VALUES ('expert_pool', '寻踪专家库', $1) RETURNING id`,
        [city.id],
      )
    ).rows[0].id as string;
    await insertUser(ctx, 'search.admin', 'city_admin', city.id);
    await insertUser(ctx, 'search.officer', 'district_officer', hp.id);
    await insertUser(ctx, 'search.enterprise', 'enterprise_user', huangpuId);
    await insertUser(ctx, 'search.expert', 'expert', pool);
    admin = await login(ctx, 'search.admin');
    officer = await login(ctx, 'search.officer');
    enterprise = await login(ctx, 'search.enterprise');
    expert = await login(ctx, 'search.expert');
    for (const [s, title] of [
      [enterprise, '寻踪黄埔质检项目'],
      [admin, '寻踪天河项目'],
    ] as const) {
      const body = s === admin ? { title, enterpriseId: tianheId } : { title };
      const res = await s.request('POST', '/api/projects', body);
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => ctx?.close());

  it('finds enterprises and projects across the city for a city administrator, grouped by kind', async () => {
    const groups = await search(admin, '寻踪');
    expect(groups.map((g) => g.kind)).toEqual(['enterprise', 'project']);
    expect(titles(groups, 'enterprise').sort()).toEqual(['天河寻踪软件有限公司', '黄埔寻踪智造有限公司']);
    expect(titles(groups, 'project').sort()).toEqual(['寻踪天河项目', '寻踪黄埔质检项目']);
  });

  it('keeps a district officer to the district and an enterprise user to its own records', async () => {
    const district = await search(officer, '寻踪');
    expect(titles(district, 'enterprise')).toEqual(['黄埔寻踪智造有限公司']);
    expect(titles(district, 'project')).toEqual(['寻踪黄埔质检项目']);
    const own = await search(enterprise, '寻踪');
    expect(titles(own, 'project')).toEqual(['寻踪黄埔质检项目']);
    expect(titles(own, 'enterprise').every((t) => t === '黄埔寻踪智造有限公司')).toBe(true);
  });

  it('leaves out the kinds a role may not read instead of refusing the search', async () => {
    expect(await search(expert, '寻踪')).toEqual([]);
  });

  it('refuses a query shorter than two characters', async () => {
    expect((await admin.request('GET', '/api/search?q=a')).statusCode).toBe(422);
  });
});
