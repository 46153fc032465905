import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertUser, login, orgByDivision, type Session, type TestContext } from '../../../test/harness.js';

// Issue #2 item 3 and "Bad input and faults": credit codes, duplicates, stale edits, verbatim storage.
const VALID_CODE = '914403001922038216';

describe('organisations', () => {
  let ctx: TestContext;
  let admin: Session;
  let tianheId: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    const city = await orgByDivision(ctx, '440100');
    tianheId = (await orgByDivision(ctx, '440106')).id;
    await insertUser(ctx, 'org.admin', 'city_admin', city.id);
    admin = await login(ctx, 'org.admin');
  });
  afterAll(() => ctx.close());

  it('creates an enterprise under its district with a valid credit code', async () => {
    const res = await admin.request('POST', '/api/organisations', {
      kind: 'enterprise',
      districtId: tianheId,
      name: '广州测试制造有限公司',
      creditCode: ` ${VALID_CODE.toLowerCase()} `,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'enterprise', parentId: tianheId, districtId: tianheId, creditCode: VALID_CODE, version: 1 });
  });

  it('rejects a wrong check digit with 422 naming the field and the rule', async () => {
    const res = await admin.request('POST', '/api/organisations', {
      kind: 'enterprise',
      districtId: tianheId,
      name: '校验位错误公司',
      creditCode: '914403001922038217',
    });
    expect(res.statusCode).toBe(422);
    const error = res.json().error;
    expect(error.code).toBe('INVALID_CREDIT_CODE');
    expect(error.details.issues[0].field).toBe('body.creditCode');
    expect(error.details.issues[0].message).toContain('GB 32100-2015');
  });

  it('refuses a duplicate credit code and stores it once', async () => {
    const res = await admin.request('POST', '/api/organisations', {
      kind: 'enterprise',
      districtId: tianheId,
      name: '重复公司',
      creditCode: VALID_CODE,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'DUPLICATE', details: { issues: [{ field: 'creditCode', rule: 'unique' }] } });
    const count = await ctx.database.pool.query('SELECT count(*)::int AS n FROM organisation WHERE credit_code = $1', [VALID_CODE]);
    expect(count.rows[0].n).toBe(1);
  });

  it('needs a district and a credit code for enterprises', async () => {
    const noDistrict = await admin.request('POST', '/api/organisations', {
      kind: 'enterprise',
      name: 'x',
      creditCode: '9144030071526726XG',
    });
    expect(noDistrict.json().error.details.issues[0]).toMatchObject({ field: 'districtId', rule: 'required' });
    const noCode = await admin.request('POST', '/api/organisations', { kind: 'enterprise', districtId: tianheId, name: 'x' });
    expect(noCode.json().error.code).toBe('INVALID_CREDIT_CODE');
  });

  it('refuses a stale edit with 409 and keeps the first edit', async () => {
    const created = await admin.request('POST', '/api/organisations', {
      kind: 'provider',
      providerType: 'service_provider',
      districtId: tianheId,
      name: '并发编辑服务商',
      creditCode: '9144030071526726XG',
    });
    const org = created.json();
    const first = await admin.request('PATCH', `/api/organisations/${org.id}`, { version: org.version, address: '天河路1号' });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(org.version + 1);
    const second = await admin.request('PATCH', `/api/organisations/${org.id}`, { version: org.version, address: '天河路2号' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('STALE_VERSION');
    expect((await admin.request('GET', `/api/organisations/${org.id}`)).json().address).toBe('天河路1号');
  });

  it('stores text that looks like SQL or HTML verbatim', async () => {
    const name = `Robert'); DROP TABLE organisation;-- <script>alert(1)</script>`;
    const res = await admin.request('POST', '/api/organisations', { kind: 'expert_pool', name });
    expect(res.statusCode).toBe(201);
    const fetched = await admin.request('GET', `/api/organisations/${res.json().id}`);
    expect(fetched.json().name).toBe(name);
    expect(fetched.headers['content-type']).toContain('application/json');
    const search = await admin.request('GET', `/api/organisations?q=${encodeURIComponent("'); DROP")}`);
    expect(search.json().total).toBe(1);
    const wildcard = await admin.request('GET', `/api/organisations?q=${encodeURIComponent('%')}`);
    expect(wildcard.json().total).toBe(0);
  });

  it('creates districts only with a Guangzhou division code that is not taken', async () => {
    const taken = await admin.request('POST', '/api/organisations', { kind: 'district', name: '重复天河', divisionCode: '440106' });
    expect(taken.statusCode).toBe(409);
    const malformed = await admin.request('POST', '/api/organisations', { kind: 'district', name: '外地', divisionCode: '110101' });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json().error.details.issues[0].field).toBe('body.divisionCode');
  });

  it('builds the tree 广州市 → districts → enterprises', async () => {
    const tree = (await admin.request('GET', '/api/organisations/tree')).json();
    expect(tree).toHaveLength(1);
    expect(tree[0].name).toBe('广州市');
    const districts = tree[0].children.filter((c: { kind: string }) => c.kind === 'district');
    expect(districts).toHaveLength(11);
    const tianhe = districts.find((d: { id: string }) => d.id === tianheId);
    expect(tianhe.children.map((c: { name: string }) => c.name)).toContain('广州测试制造有限公司');
  });
});
