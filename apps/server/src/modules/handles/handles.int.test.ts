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

/** Issue #6: prefixes, templates, registration and the Handle.Net REST API, end to end through HTTP. */
describe('identifiers (Handle-compatible)', () => {
  let ctx: TestContext;
  let admin: Session;
  let enterprise: Session;
  let other: Session;
  let officer: Session;
  let enterpriseId: string;
  let otherId: string;
  let token: string;

  const get = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url, headers });
  const bearer = () => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    ctx = await createTestApp({ env: { HANDLE_PREFIXES: '88.118,20.500', HANDLE_STATS_FLUSH_SECONDS: '0' } });
    const city = await orgByDivision(ctx, '440100');
    const huangpu = await orgByDivision(ctx, '440112');
    const tianhe = await orgByDivision(ctx, '440106');
    enterpriseId = (await insertEnterprise(ctx, huangpu.id, '黄埔线缆有限公司', '91440112MA59B7XH31')).id;
    otherId = (await insertEnterprise(ctx, tianhe.id, '天河软件有限公司', '91440106MA5CXK0T1K')).id;
    await insertUser(ctx, 'h.admin', 'city_admin', city.id);
    await insertUser(ctx, 'h.ent', 'enterprise_user', enterpriseId);
    await insertUser(ctx, 'h.other', 'enterprise_user', otherId);
    await insertUser(ctx, 'h.officer', 'district_officer', huangpu.id);
    [admin, enterprise, other, officer] = (await Promise.all(['h.admin', 'h.ent', 'h.other', 'h.officer'].map((u) => login(ctx, u)))) as [
      Session,
      Session,
      Session,
      Session,
    ];
    const delegated = await admin.request('POST', '/api/identifiers/prefixes', {
      parent: '88.118',
      segment: '8',
      ownerOrgId: enterpriseId,
    });
    expect(delegated.statusCode, delegated.body).toBe(201);
    expect(
      (await admin.request('POST', '/api/identifiers/prefixes', { parent: '88.118', segment: '9', ownerOrgId: otherId })).statusCode,
    ).toBe(201);
    const created = await admin.request('POST', '/api/tokens', { name: 'erp-sync', role: 'enterprise_user', orgId: enterpriseId });
    expect(created.statusCode, created.body).toBe(201);
    token = created.json().token;
    const template = await enterprise.request('POST', '/api/identifiers/prefixes/88.118.8/templates', {
      industryCode: 'C3831',
      name: '电线电缆',
      items: [
        { name: 'productName', label: '产品名称', type: 'string', required: true, maxLength: 20 },
        { name: 'madeOn', label: '生产日期', type: 'date', required: true },
        { name: 'grade', label: '等级', type: 'enum', options: ['A', 'B'] },
      ],
    });
    expect(template.statusCode, template.body).toBe(201);
    expect(template.json()).toMatchObject({ prefix: '88.118.8', industryCode: 'C3831', version: 1, current: true });
    const items = [{ name: 'x', label: 'x', type: 'string' }];
    for (const industryCode of ['A3831', 'F51']) {
      const bad = await enterprise.request('POST', '/api/identifiers/prefixes/88.118.8/templates', { industryCode, name: 'x', items });
      expect(bad.statusCode, industryCode).toBe(422);
      expect(bad.json().error.details.issues[0].field).toBe('industryCode');
    }
  });
  afterAll(() => ctx.close());

  describe('prefixes', () => {
    it('lists served and delegated prefixes as in the manual (GET /api/prefixes)', async () => {
      const res = await get('/api/prefixes');
      expect(res.statusCode).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.json()).toEqual({ responseCode: 1, totalCount: '4', prefixes: ['20.500', '88.118', '88.118.8', '88.118.9'] });
    });

    it('audits delegation and registration with the prefix and the handle as entity', async () => {
      const audit = await admin.request('GET', '/api/audit?entityType=handle_prefix');
      expect(audit.statusCode, audit.body).toBe(200);
      const entries = audit.json().items as Array<{ action: string; entityId: string }>;
      expect(entries.some((e) => e.action === 'handle_prefix.delegate' && e.entityId === '88.118.8')).toBe(true);
    });

    it('delegates only parent.segment, to enterprises, by city admins', async () => {
      expect(
        (await admin.request('POST', '/api/identifiers/prefixes', { parent: '88.118', segment: '1.2', ownerOrgId: otherId })).statusCode,
      ).toBe(422);
      expect(
        (await admin.request('POST', '/api/identifiers/prefixes', { parent: '77.1', segment: '2', ownerOrgId: otherId })).statusCode,
      ).toBe(422);
      expect(
        (await admin.request('POST', '/api/identifiers/prefixes', { parent: '88.118', segment: '8', ownerOrgId: otherId })).statusCode,
      ).toBe(409);
      expect(
        (await enterprise.request('POST', '/api/identifiers/prefixes', { parent: '88.118', segment: '70', ownerOrgId: enterpriseId }))
          .statusCode,
      ).toBe(403);
    });

    it('documents both endpoint families in the OpenAPI document', async () => {
      const res = await get('/api/docs/json');
      expect(res.statusCode).toBe(200);
      const paths = Object.keys(res.json().paths);
      for (const p of ['/api/prefixes', '/api/handles', '/api/identifiers/batches', '/api/identifiers/stats']) expect(paths).toContain(p);
      expect(paths.some((p) => p.startsWith('/api/handles/'))).toBe(true);
    });

    it('opens reads to any origin, without credentials (CORS preflight)', async () => {
      const res = await ctx.app.inject({
        method: 'OPTIONS',
        url: '/api/handles/88.118.8/X',
        headers: { origin: 'https://scanner.example', 'access-control-request-method': 'GET' },
      });
      expect(res.statusCode).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['access-control-allow-methods']).toBe('GET, HEAD, OPTIONS');
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    });

    it('lets the city add organisations to a prefix admin group, and only the city', async () => {
      const before = (await admin.request('GET', '/api/identifiers/prefixes/88.118.9')).json();
      expect(
        (await enterprise.request('PATCH', '/api/identifiers/prefixes/88.118.9', { adminOrgIds: [enterpriseId], version: before.version }))
          .statusCode,
      ).toBe(403);
      const values = [{ index: 1, type: 'URL', data: 'https://example.cn/shared' }];
      const put = () => ctx.app.inject({ method: 'PUT', url: '/api/handles/88.118.9/SHARED', payload: values, headers: bearer() });
      expect((await put()).statusCode).toBe(403);
      const patched = await admin.request('PATCH', '/api/identifiers/prefixes/88.118.9', {
        adminOrgIds: [enterpriseId],
        version: before.version,
      });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json().adminOrgIds).toEqual([otherId, enterpriseId]);
      expect((await put()).statusCode).toBe(201);
      const stale = await admin.request('PATCH', '/api/identifiers/prefixes/88.118.9', { adminOrgIds: [], version: before.version });
      expect(stale.statusCode).toBe(409);
      expect(
        (await admin.request('PATCH', '/api/identifiers/prefixes/88.118.9', { adminOrgIds: [], version: before.version + 1 })).statusCode,
      ).toBe(200);
      expect((await ctx.app.inject({ method: 'DELETE', url: '/api/handles/88.118.9/SHARED', headers: bearer() })).statusCode).toBe(403);
    });

    it('scopes the prefix list: enterprise sees its own, district its district, city all', async () => {
      const names = async (s: Session) =>
        ((await s.request('GET', '/api/identifiers/prefixes')).json().items as Array<{ prefix: string }>).map((p) => p.prefix);
      expect(await names(enterprise)).toEqual(['88.118.8']);
      expect(await names(other)).toEqual(['88.118.9']);
      expect(await names(officer)).toEqual(['88.118.8']);
      expect(await names(admin)).toEqual(['20.500', '88.118', '88.118.8', '88.118.9']);
    });
  });

  describe('registration and resolution', () => {
    it('registers a product from its template and resolves it in the Handle.Net JSON shape', async () => {
      const res = await enterprise.request('POST', '/api/identifiers/records', {
        handle: '88.118.8/JXDY2106023',
        industryCode: 'C3831',
        url: 'https://example.cn/p/JXDY2106023',
        attributes: { productName: '电力电缆', madeOn: '2026-06-01' },
        values: [{ index: 3, type: 'CUSTOMER', data: '客户甲', permissions: '1100' }],
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        handle: '88.118.8/JXDY2106023',
        industryCode: 'C3831',
        templateVersion: 1,
        attributes: { productName: '电力电缆' },
      });

      const resolved = await get('/api/handles/88.118.8/JXDY2106023');
      expect(resolved.statusCode).toBe(200);
      expect(resolved.headers['content-type']).toContain('application/json');
      const body = resolved.json();
      expect(Object.keys(body)).toEqual(['responseCode', 'handle', 'values']);
      expect(body.responseCode).toBe(1);
      expect(body.handle).toBe('88.118.8/JXDY2106023');
      expect(body.values.map((v: { index: number }) => v.index)).toEqual([1, 100, 1001, 2000, 2001]);
      const [url, adminValue] = body.values;
      expect(Object.keys(url)).toEqual(['index', 'type', 'data', 'ttl', 'timestamp']);
      expect(url).toMatchObject({
        index: 1,
        type: 'URL',
        data: { format: 'string', value: 'https://example.cn/p/JXDY2106023' },
        ttl: 86400,
      });
      expect(url.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(adminValue).toMatchObject({
        index: 100,
        type: 'HS_ADMIN',
        data: { format: 'admin', value: { handle: '0.NA/88.118.8', index: 200, permissions: '011111110011' } },
      });
      // The customer value is not public-read: anonymous resolvers never see it.
      expect(body.values.some((v: { type: string }) => v.type === 'CUSTOMER')).toBe(false);
    });

    it('shows non-public values to the prefix administrators only', async () => {
      const mine = await get('/api/handles/88.118.8/JXDY2106023?index=3', bearer());
      expect(mine.json()).toMatchObject({ responseCode: 1, values: [{ index: 3, type: 'CUSTOMER', permissions: '1100' }] });
      const anonymous = await get('/api/handles/88.118.8/JXDY2106023?index=3');
      expect(anonymous.statusCode).toBe(200);
      expect(anonymous.json()).toEqual({ responseCode: 200, handle: '88.118.8/JXDY2106023', values: [] });
      const forced = await get('/api/handles/88.118.8/JXDY2106023?publicOnly=false');
      expect(forced.statusCode).toBe(401);
      expect(forced.json().responseCode).toBe(402);
    });

    it('filters by repeated index= and type= (a type ending in "." takes subtypes)', async () => {
      const res = await get('/api/handles/88.118.8/JXDY2106023?index=1&index=2000&type=HS_ADMIN');
      expect(res.json().values.map((v: { index: number }) => v.index)).toEqual([1, 100, 2000]);
      const sub = await get('/api/handles/88.118.8/JXDY2106023?type=IDIS_TEMPLATE.');
      expect(sub.json().values.map((v: { index: number }) => v.index)).toEqual([1001]);
    });

    it('is ASCII case-insensitive and takes %2F for the slash', async () => {
      const res = await get('/api/handles/88.118.8%2Fjxdy2106023');
      expect(res.statusCode).toBe(200);
      expect(res.json().handle).toBe('88.118.8/jxdy2106023');
    });

    it('answers bad handles with Handle codes and HTTP statuses', async () => {
      const cases: Array<[string, number, number]> = [
        ['/api/handles/88.118.8', 400, 102],
        ['/api/handles//X', 400, 102],
        ['/api/handles/88..118/X', 400, 102],
        ['/api/handles/88.118.8/%FF', 400, 102],
        [`/api/handles/88.118.8/${'A'.repeat(300)}`, 400, 102],
        ['/api/handles/77.1/X', 400, 301],
        ['/api/handles/88.118.8/NOPE', 404, 100],
      ];
      for (const [url, status, code] of cases) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(status);
        expect(res.json().responseCode, url).toBe(code);
        expect(typeof res.json().message).toBe('string');
      }
    });

    it('gives the resolve page public values with the template labels', async () => {
      const res = await get('/api/identifiers/public/records/88.118.8/JXDY2106023');
      expect(res.statusCode, res.body).toBe(200);
      const view = res.json();
      expect(view).toMatchObject({
        handle: '88.118.8/JXDY2106023',
        prefix: '88.118.8',
        ownerOrgName: '黄埔线缆有限公司',
        url: 'https://example.cn/p/JXDY2106023',
      });
      expect(view.template).toMatchObject({ industryCode: 'C3831', version: 1, name: '电线电缆' });
      expect(view.template.items[0]).toMatchObject({ name: 'productName', label: '产品名称' });
      expect(view.values.some((v: { type: string }) => v.type === 'CUSTOMER')).toBe(false);
      expect((await get('/api/identifiers/public/records/88.118.8/NOPE')).statusCode).toBe(404);
    });

    it('redirects to the URL value with ?redirect', async () => {
      const res = await get('/api/handles/88.118.8/JXDY2106023?redirect');
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('https://example.cn/p/JXDY2106023');
    });

    it('refuses a record that breaks its template, item by item, and changes nothing', async () => {
      const res = await enterprise.request('POST', '/api/identifiers/records', {
        handle: '88.118.8/BAD1',
        industryCode: 'C3831',
        attributes: { productName: 'x'.repeat(21), madeOn: '2026-02-30', grade: 'C', colour: 'red' },
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.details.issues.map((i: { field: string; rule: string }) => `${i.field}:${i.rule}`)).toEqual([
        'attributes.colour:not_in_template',
        'attributes.productName:max_length',
        'attributes.madeOn:date',
        'attributes.grade:enum',
      ]);
      expect((await get('/api/handles/88.118.8/BAD1')).statusCode).toBe(404);
    });
  });

  describe('Handle.Net PUT and DELETE', () => {
    const basic = (user: string, secret: string) => `Basic ${Buffer.from(`300%3A88.118.8/${user}:${secret}`).toString('base64')}`;
    const put = (url: string, payload: unknown, authorization?: string) =>
      ctx.app.inject({ method: 'PUT', url, payload: payload as object, headers: authorization ? { authorization } : {} });

    it('creates (201), replaces (200) and refuses overwrite=false (409/101) with a Bearer token', async () => {
      const values = [{ index: 1, type: 'URL', data: { format: 'string', value: 'https://example.cn/a' } }];
      const created = await put('/api/handles/88.118.8/API-1', values, `Bearer ${token}`);
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toEqual({ responseCode: 1, handle: '88.118.8/API-1' });
      const again = await put('/api/handles/88.118.8/API-1?overwrite=false', values, `Bearer ${token}`);
      expect(again.statusCode).toBe(409);
      expect(again.json().responseCode).toBe(101);
      const replaced = await put(
        '/api/handles/88.118.8/API-1',
        { values: [{ index: 1, type: 'URL', data: 'https://example.cn/b' }] },
        `Bearer ${token}`,
      );
      expect(replaced.statusCode).toBe(200);
      expect((await get('/api/handles/88.118.8/API-1?index=1')).json().values[0].data.value).toBe('https://example.cn/b');
    });

    it('redirects only to http(s) URL values: javascript: and data: are never followed (#11 item 7)', async () => {
      const url = (index: number, value: string) => ({ index, type: 'URL', data: { format: 'string', value } });
      const hostile = [url(1, 'javascript:alert(document.cookie)'), url(2, 'data:text/html,<script>alert(1)</script>')];
      expect((await put('/api/handles/88.118.8/REDIR-1', hostile, `Bearer ${token}`)).statusCode).toBe(201);
      const refused = await get('/api/handles/88.118.8/REDIR-1?redirect');
      expect(refused.statusCode).toBe(200);
      expect(refused.headers.location).toBeUndefined();
      expect(refused.json()).toMatchObject({ responseCode: 200, message: expect.stringContaining('http and https URLs only') });
      // A later http(s) value is the one followed; the owner's first value stays unfollowed.
      expect(
        (await put('/api/handles/88.118.8/REDIR-1', [...hostile, url(3, 'https://example.cn/ok')], `Bearer ${token}`)).statusCode,
      ).toBe(200);
      const followed = await get('/api/handles/88.118.8/REDIR-1?redirect');
      expect(followed.statusCode).toBe(302);
      expect(followed.headers.location).toBe('https://example.cn/ok');
    });

    it('adds values with index= and deletes values and handles', async () => {
      const add = await put(
        '/api/handles/88.118.8/API-1?index=2',
        [{ index: 2, type: 'EMAIL', data: 'qa@example.cn' }],
        basic('erp-sync', token),
      );
      expect(add.statusCode, add.body).toBe(200);
      expect((await get('/api/handles/88.118.8/API-1')).json().values.map((v: { index: number }) => v.index)).toEqual([1, 2, 100]);
      const clash = await put(
        '/api/handles/88.118.8/API-1?index=2&overwrite=false',
        [{ index: 2, type: 'EMAIL', data: 'x@example.cn' }],
        `Bearer ${token}`,
      );
      expect(clash.statusCode).toBe(409);
      expect(clash.json().responseCode).toBe(201);
      const delValue = await ctx.app.inject({ method: 'DELETE', url: '/api/handles/88.118.8/API-1?index=2', headers: bearer() });
      expect(delValue.statusCode).toBe(200);
      const del = await ctx.app.inject({ method: 'DELETE', url: '/api/handles/88.118.8/API-1', headers: bearer() });
      expect(del.json()).toEqual({ responseCode: 1, handle: '88.118.8/API-1' });
      expect((await get('/api/handles/88.118.8/API-1')).statusCode).toBe(404);
    });

    it('mints a suffix with mintNewSuffix=true', async () => {
      const res = await put(
        '/api/handles/88.118.8/LOT-?mintNewSuffix=true',
        [{ index: 1, type: 'URL', data: 'https://example.cn/m' }],
        `Bearer ${token}`,
      );
      expect(res.statusCode).toBe(201);
      expect(res.json().handle).toMatch(/^88\.118\.8\/LOT-[0-9A-HJKMNP-TV-Z]{13}$/);
    });

    it('authorizes writes by prefix admin group: anonymous 401/402, other enterprise 403/401, wrong Basic user 401/403 (#13 item 1)', async () => {
      const values = [{ index: 1, type: 'URL', data: 'https://example.cn/x' }];
      const anonymous = await put('/api/handles/88.118.8/AUTH-1', values);
      expect([anonymous.statusCode, anonymous.json().responseCode]).toEqual([401, 402]);
      const otherToken = (await admin.request('POST', '/api/tokens', { name: 'other', role: 'enterprise_user', orgId: otherId })).json()
        .token;
      const foreign = await put('/api/handles/88.118.8/AUTH-1', values, `Bearer ${otherToken}`);
      expect([foreign.statusCode, foreign.json().responseCode]).toEqual([403, 401]);
      const wrongUser = await put('/api/handles/88.118.8/AUTH-1', values, basic('someone-else', token));
      expect([wrongUser.statusCode, wrongUser.json().responseCode]).toEqual([401, 403]);
      expect(wrongUser.headers['www-authenticate']).toMatch(/^Handle /);
      const badToken = await put('/api/handles/88.118.8/AUTH-1', values, 'Bearer slt_nope');
      expect(badToken.statusCode).toBe(401);
      const served = await put('/api/handles/88.118/AUTH-1', values, `Bearer ${token}`);
      expect([served.statusCode, served.json().responseCode]).toEqual([403, 401]);
      const deleteForeign = await ctx.app.inject({
        method: 'DELETE',
        url: '/api/handles/88.118.8/JXDY2106023',
        headers: { authorization: `Bearer ${otherToken}` },
      });
      expect(deleteForeign.statusCode).toBe(403);
      expect((await get('/api/handles/88.118.8/AUTH-1')).statusCode).toBe(404);
    });

    it('refuses duplicate indexes, a broken template and invalid bodies with 202, writing nothing', async () => {
      const dup = await put(
        '/api/handles/88.118.8/V-1',
        [
          { index: 1, type: 'URL', data: 'a' },
          { index: 1, type: 'URL', data: 'b' },
        ],
        `Bearer ${token}`,
      );
      expect([dup.statusCode, dup.json().responseCode]).toEqual([400, 202]);
      expect(dup.json().message).toContain('appears twice');
      const template = await put(
        '/api/handles/88.118.8/V-1',
        [
          { index: 1001, type: 'IDIS_TEMPLATE', data: 'C3831@1' },
          { index: 2000, type: 'productName', data: '电缆' },
        ],
        `Bearer ${token}`,
      );
      expect([template.statusCode, template.json().responseCode]).toEqual([400, 202]);
      expect(template.json().message).toContain('madeOn');
      const junk = await ctx.app.inject({
        method: 'PUT',
        url: '/api/handles/88.118.8/V-1',
        payload: '{"oops"',
        headers: { ...bearer(), 'content-type': 'application/json' },
      });
      expect(junk.statusCode).toBe(400);
      expect(junk.json().responseCode).toBe(202);
      const notUtf8 = Buffer.concat([
        Buffer.from('[{"index":1,"type":"URL","data":"https://example.cn/'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('"}]'),
      ]);
      const bytes = await ctx.app.inject({
        method: 'PUT',
        url: '/api/handles/88.118.8/V-1',
        payload: notUtf8,
        headers: { ...bearer(), 'content-type': 'application/json' },
      });
      expect([bytes.statusCode, bytes.json().responseCode, bytes.json().message]).toEqual([400, 202, 'the body is not valid UTF-8']);
      expect((await get('/api/handles/88.118.8/V-1')).statusCode).toBe(404);
    });

    it('lists handles of a prefix for its administrators (GET /api/handles?prefix=)', async () => {
      const res = await get('/api/handles?prefix=88.118.8&page=0&pageSize=1', bearer());
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ responseCode: 1, prefix: '88.118.8', page: 0, pageSize: 1 });
      expect(res.json().handles).toHaveLength(1);
      expect(Number(res.json().totalCount)).toBeGreaterThanOrEqual(2);
      expect((await get('/api/handles?prefix=88.118.8')).statusCode).toBe(401);
    });
  });

  describe('batches', () => {
    const item = (n: number) => ({ handle: `B-${n}`, attributes: { productName: `产品${n}`, madeOn: '2026-05-01' } });

    it('registers with a result per item, and a retried batch is safe', async () => {
      const items = [
        item(1),
        item(2),
        { handle: 'B-3', attributes: { productName: '产品3' } },
        { handle: '88.118.9/B-4', attributes: item(4).attributes },
      ];
      const first = await enterprise.request('POST', '/api/identifiers/batches', { prefix: '88.118.8', industryCode: 'C3831', items });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json().results.map((r: { status: string }) => r.status)).toEqual(['success', 'success', 'invalid', 'forbidden']);
      expect(first.json().results[2].issues[0]).toMatchObject({ field: 'attributes.madeOn', rule: 'required' });
      const retry = await enterprise.request('POST', '/api/identifiers/batches', {
        prefix: '88.118.8',
        industryCode: 'C3831',
        items: items.slice(0, 2),
      });
      expect(retry.json().results).toMatchObject([
        { status: 'success', unchanged: true },
        { status: 'success', unchanged: true },
      ]);
      const changed = await enterprise.request('POST', '/api/identifiers/batches', {
        prefix: '88.118.8',
        industryCode: 'C3831',
        items: [{ ...item(1), attributes: { productName: '别的', madeOn: '2026-05-01' } }],
      });
      expect(changed.json().results[0]).toMatchObject({ status: 'already_exists', responseCode: 101 });
    });

    it('refuses more than 2,000 items outright', async () => {
      const items = Array.from({ length: 2001 }, (_, n) => item(n + 1000));
      const res = await enterprise.request('POST', '/api/identifiers/batches', { prefix: '88.118.8', industryCode: 'C3831', items });
      expect(res.statusCode).toBe(422);
      expect((await get('/api/handles/88.118.8/B-1000')).statusCode).toBe(404);
    });

    it('offers an Excel template with a column per template item', async () => {
      const res = await enterprise.request('GET', '/api/identifiers/batches/template?prefix=88.118.8&industryCode=C3831');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
      expect((await other.request('GET', '/api/identifiers/batches/template?prefix=88.118.8')).statusCode).toBe(404);
    });

    it('registers a CSV upload row by row', async () => {
      const csv = Buffer.from('标识,URL,产品名称,生产日期\nCSV-1,https://example.cn/c1,电缆甲,2026-03-01\nCSV-2,,电缆乙,not-a-date\n');
      const boundary = '----handlesupload';
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="batch.csv"\r\nContent-Type: text/csv\r\n\r\n`),
        csv,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/identifiers/batches/upload?prefix=88.118.8&industryCode=C3831',
        payload,
        headers: { ...bearer(), 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().results.map((r: { handle: string; status: string }) => `${r.handle}:${r.status}`)).toEqual([
        '88.118.8/CSV-1:success',
        '88.118.8/CSV-2:invalid',
      ]);
    });
  });

  describe('reverse lookup and statistics', () => {
    it('finds handles by value; anonymous callers only through public values', async () => {
      const byUrl = await get('/api/identifiers/public/reverse?value=https%3A%2F%2Fexample.cn%2Fp%2FJXDY2106023');
      expect(byUrl.json()).toEqual({ items: [{ handle: '88.118.8/JXDY2106023', index: 1, type: 'URL' }], hasMore: false });
      const secret = await get(`/api/identifiers/public/reverse?value=${encodeURIComponent('客户甲')}`);
      expect(secret.json().items).toEqual([]);
      const mine = await enterprise.request('GET', `/api/identifiers/reverse?value=${encodeURIComponent('客户甲')}`);
      expect(mine.json().items).toEqual([{ handle: '88.118.8/JXDY2106023', index: 3, type: 'CUSTOMER' }]);
      const others = await other.request('GET', `/api/identifiers/reverse?value=${encodeURIComponent('客户甲')}`);
      expect(others.json().items).toEqual([]);
    });

    it('counts registrations and resolutions per prefix and day, scoped', async () => {
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      const mine = await enterprise.request('GET', `/api/identifiers/stats?from=${today}&to=${today}`);
      expect(mine.statusCode, mine.body).toBe(200);
      const stats = mine.json();
      expect(stats.byPrefix.map((p: { prefix: string }) => p.prefix)).toEqual(['88.118.8']);
      expect(stats.totals.registrations).toBeGreaterThanOrEqual(5);
      expect(stats.totals.resolutions).toBeGreaterThanOrEqual(5);
      const theirs = await other.request('GET', `/api/identifiers/stats?from=${today}&to=${today}`);
      // Their prefix only: the one handle registered under 88.118.9 while it shared its admin group.
      expect(theirs.json().byPrefix.map((p: { prefix: string }) => p.prefix)).toEqual(['88.118.9']);
      expect(theirs.json().totals.registrations).toBe(1);
    });
  });
});
