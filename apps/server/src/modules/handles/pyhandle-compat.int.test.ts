import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertEnterprise, insertUser, login, orgByDivision, type TestContext } from '../../../test/harness.js';

/**
 * Issue #13 item 1: the HTTP requests PYHANDLE's RESTHandleClient (v1.x, EUDAT) sends for each of its
 * methods — method, path, query, headers, body shape as the client builds them — and the parts of
 * the answers it reads (status, responseCode, handle, values[].type/index/data.value). Written from
 * reading the client; each `it` names the client method whose requests it replays.
 */
describe('PYHANDLE RESTHandleClient compatibility (#13 item 1)', () => {
  let ctx: TestContext;
  let token: string;
  let otherToken: string;
  const PREFIX = '88.118.8';
  const USER = `${PREFIX}/pyhandle`;

  // The client's username `index:handle`, percent-encoded (Python's quote keeps "/", encodes ":").
  const basicOf = (username: string, secret: string) =>
    `Basic ${Buffer.from(`${encodeURIComponent(username).replace(/%2F/g, '/')}:${secret}`).toString('base64')}`;
  const writeHeaders = (auth = basicOf(`300:${USER}`, token)) => ({ authorization: auth, 'content-type': 'application/json' });

  // HandleSystemConnector: GET with Accept only (no credentials, even for a writing client).
  const clientGet = (handle: string) =>
    ctx.app.inject({ method: 'GET', url: `/api/handles/${handle}`, headers: { accept: 'application/json' } });
  // PUT: ?index=… for each index, then overwrite=true|false; body {"values": [...]}.
  const clientPut = (handle: string, values: unknown[], opts: { indices?: Array<number | string>; overwrite: boolean }, auth?: string) => {
    const query = [...(opts.indices ?? []).map((i) => `index=${i}`), `overwrite=${opts.overwrite}`].join('&');
    return ctx.app.inject({
      method: 'PUT',
      url: `/api/handles/${handle}?${query}`,
      headers: writeHeaders(auth),
      payload: JSON.stringify({ values }),
    });
  };
  const clientDelete = (handle: string, indices: Array<number | string> = []) =>
    ctx.app.inject({
      method: 'DELETE',
      url: `/api/handles/${handle}${indices.length ? `?${indices.map((i) => `index=${i}`).join('&')}` : ''}`,
      headers: { authorization: basicOf(`300:${USER}`, token) },
    });
  // The admin entry register_handle_kv builds: default owner 200:0.NA/<prefix>, index as a STRING.
  const adminEntry = {
    index: 100,
    type: 'HS_ADMIN',
    data: { value: { index: '200', handle: `0.NA/${PREFIX}`, permissions: '011111110011' }, format: 'admin' },
  };
  const recordOf = async (handle: string) => {
    const res = await clientGet(handle);
    expect(res.statusCode, res.body).toBe(200);
    const json = res.json();
    expect(json.responseCode).toBe(1);
    expect(json.handle).toBe(handle);
    return json.values as Array<{ index: number; type: string; data: { format: string; value: unknown }; ttl: number; timestamp: string }>;
  };
  const typedValue = async (handle: string, type: string) => (await recordOf(handle)).find((v) => v.type === type)?.data.value;

  beforeAll(async () => {
    ctx = await createTestApp({ env: { HANDLE_PREFIXES: '88.118', HANDLE_STATS_FLUSH_SECONDS: '0' } });
    const city = await orgByDivision(ctx, '440100');
    const huangpu = await orgByDivision(ctx, '440112');
    const enterpriseId = (await insertEnterprise(ctx, huangpu.id, '黄埔线缆有限公司', '91440112MA59B7XH31')).id;
    const otherId = (await insertEnterprise(ctx, huangpu.id, '黄埔仪表有限公司', '91440112MA5D2Q3Q8L')).id;
    await insertUser(ctx, 'py.admin', 'city_admin', city.id);
    const admin = await login(ctx, 'py.admin');
    for (const [segment, owner] of [
      ['8', enterpriseId],
      ['35', otherId],
    ] as const) {
      const res = await admin.request('POST', '/api/identifiers/prefixes', { parent: '88.118', segment, ownerOrgId: owner });
      expect(res.statusCode, res.body).toBe(201);
    }
    const created = await admin.request('POST', '/api/tokens', { name: 'pyhandle', role: 'enterprise_user', orgId: enterpriseId });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().apiToken.adminHandle).toBe(USER);
    token = created.json().token;
    const other = await admin.request('POST', '/api/tokens', { name: 'pyhandle', role: 'enterprise_user', orgId: otherId });
    expect(other.json().apiToken.adminHandle).toBe('88.118.35/pyhandle');
    otherToken = other.json().token;
    // A second token of the same name under the same prefix would be the same handle: refused, named.
    const clash = await admin.request('POST', '/api/tokens', { name: 'pyhandle', role: 'enterprise_user', orgId: enterpriseId });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.details.reason).toEqual({ code: 'token.admin_handle_taken', params: { handle: USER } });
  });
  afterAll(() => ctx.close());

  it('instantiate_with_username_and_password: the username handle resolves, HS_SECKEY at 300 listed without its data', async () => {
    const values = await recordOf(USER);
    const key = values.find((v) => v.index === 300);
    expect(key).toMatchObject({ type: 'HS_SECKEY', data: { format: 'string', value: '' } });
    expect(JSON.stringify(values)).not.toContain(token.slice(4));
    expect(values.find((v) => v.type === 'HS_ADMIN')?.index).toBe(100);
  });

  it('register_handle (overwrite=False): GET 404/100, then PUT ?overwrite=false with a string HS_ADMIN index → 201', async () => {
    const handle = `${PREFIX}/PY-REG-1`;
    const missing = await clientGet(handle);
    expect([missing.statusCode, missing.json().responseCode]).toEqual([404, 100]);
    const values = [
      adminEntry,
      { index: 1, type: 'URL', data: 'https://example.com/py/1' },
      { index: 2, type: 'CHECKSUM', data: 'md5:aa' },
    ];
    const res = await clientPut(handle, values, { overwrite: false });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ responseCode: 1, handle });
    expect(await typedValue(handle, 'HS_ADMIN')).toEqual({ handle: `0.NA/${PREFIX}`, index: 200, permissions: '011111110011' });
    // Registering again without overwrite: the client's GET finds it (200/1, raises HandleAlreadyExists);
    // a bare PUT ?overwrite=false is 409/101.
    expect((await clientGet(handle)).json().responseCode).toBe(1);
    const again = await clientPut(handle, values, { overwrite: false });
    expect([again.statusCode, again.json().responseCode]).toEqual([409, 101]);
  });

  it('register_handle (overwrite=True): PUT ?overwrite=true replaces the record → 200/1', async () => {
    const handle = `${PREFIX}/PY-REG-1`;
    const res = await clientPut(handle, [adminEntry, { index: 1, type: 'URL', data: 'https://example.com/py/1b' }], { overwrite: true });
    expect([res.statusCode, res.json().responseCode, res.json().handle]).toEqual([200, 1, handle]);
    expect((await recordOf(handle)).map((v) => v.type).sort()).toEqual(['HS_ADMIN', 'URL']);
  });

  it('generate_and_register_handle: PUT <prefix>/<uuid>?overwrite=true → 201 and the handle back', async () => {
    const handle = `${PREFIX}/${crypto.randomUUID()}`;
    const values = [adminEntry, { index: 1, type: 'URL', data: 'https://example.com/py/gen' }, { index: 2, type: 'CHECKSUM', data: 'x' }];
    const res = await clientPut(handle, values, { overwrite: true });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().handle).toBe(handle);
  });

  it('retrieve_handle_record_json / retrieve_handle_record / get_value_from_handle read responseCode, handle, values', async () => {
    const values = await recordOf(`${PREFIX}/PY-REG-1`);
    for (const v of values) expect(v).toHaveProperty('data.value');
    expect(await typedValue(`${PREFIX}/PY-REG-1`, 'URL')).toBe('https://example.com/py/1b');
    // A record whose filter matches nothing (code 200) still carries values: [] (is_handle_empty path).
    const empty = await ctx.app.inject({ method: 'GET', url: `/api/handles/${PREFIX}/PY-REG-1?type=NOPE` });
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toEqual({ responseCode: 200, handle: `${PREFIX}/PY-REG-1`, values: [] });
  });

  it('modify_handle_value: PUT ?index=<changed>&index=<added>&overwrite=true with bare-string data, ttl kept, timestamp dropped', async () => {
    const handle = `${PREFIX}/PY-REG-1`;
    const url = (await recordOf(handle)).find((v) => v.type === 'URL');
    const { timestamp: _dropped, ...changed } = { ...(url as NonNullable<typeof url>), data: 'https://example.com/py/1c' };
    const added = { index: 2, type: 'EXTRA', data: 'x' };
    const res = await clientPut(handle, [changed, added], { indices: [changed.index, added.index], overwrite: true });
    expect([res.statusCode, res.json().responseCode], res.body).toEqual([200, 1]);
    expect(await typedValue(handle, 'URL')).toBe('https://example.com/py/1c');
    expect(await typedValue(handle, 'EXTRA')).toBe('x');
    expect((await recordOf(handle)).find((v) => v.type === 'HS_ADMIN')).toBeDefined();
  });

  it('delete_handle_value: DELETE ?index=<indices of the key> → 200/1; the value is gone', async () => {
    const handle = `${PREFIX}/PY-REG-1`;
    const res = await clientDelete(handle, ['2']);
    expect([res.statusCode, res.json().responseCode]).toEqual([200, 1]);
    expect(await typedValue(handle, 'EXTRA')).toBeUndefined();
  });

  it('add_additional_URL / exchange_additional_URL / remove_additional_URL: the whole record PUT back ?overwrite=true', async () => {
    const handle = `${PREFIX}/PY-REG-1`;
    const loc = (hrefs: string[]) => `<locations>${hrefs.map((h, i) => `<location href="${h}" id="${i}" />`).join('')}</locations>`;
    for (const hrefs of [['https://mirror.example.com/a'], ['https://mirror.example.com/b'], []]) {
      const entries: unknown[] = (await recordOf(handle)).filter((v) => v.type !== '10320/LOC');
      entries.push({ index: 3, type: '10320/LOC', data: loc(hrefs) });
      const res = await clientPut(handle, entries, { overwrite: true });
      expect([res.statusCode, res.json().responseCode], res.body).toEqual([200, 1]);
      expect(await typedValue(handle, '10320/LOC')).toBe(loc(hrefs));
    }
  });

  it('search_handle: GET /hrls/handles?URL=<value> with the Basic identity → JSON list of handles', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/hrls/handles?URL=https://example.com/py/1c',
      headers: { authorization: basicOf(`300:${USER}`, token) },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual([`${PREFIX}/PY-REG-1`]);
    const both = await ctx.app.inject({ method: 'GET', url: '/hrls/handles?URL=https://example.com/py/gen&CHECKSUM=nope' });
    expect(both.json()).toEqual([]);
    const wrong = await ctx.app.inject({
      method: 'GET',
      url: '/hrls/handles?URL=x',
      headers: { authorization: basicOf(`300:${USER}`, 'slt_wrong') },
    });
    expect(wrong.statusCode).toBe(401);
    for (const query of ['', 'URL=%00', 'limit=0&URL=x']) {
      const refused = await ctx.app.inject({ method: 'GET', url: `/hrls/handles?${query}` });
      expect([refused.statusCode, refused.json().responseCode], query).toEqual([400, 202]);
    }
  });

  it('delete_handle: DELETE → 200/1, again → 404/100 (HandleNotFoundException)', async () => {
    const handle = `${PREFIX}/PY-REG-1`;
    expect((await clientDelete(handle)).json()).toEqual({ responseCode: 1, handle });
    const again = await clientDelete(handle);
    expect([again.statusCode, again.json().responseCode]).toEqual([404, 100]);
  });

  it('authenticates index:handle exactly; every failure is 401 with WWW-Authenticate (HandleAuthenticationError)', async () => {
    const values = [adminEntry, { index: 1, type: 'URL', data: 'https://example.com/py/auth' }];
    const attempts = [
      basicOf(`300:${USER}`, 'slt_not-the-token'),
      basicOf(`301:${USER}`, token),
      basicOf('300:88.118.35/pyhandle', token),
      basicOf(`300:${USER}`, otherToken),
      'Handle clientCert="true"',
      'Bearer slt_unknown',
    ];
    for (const auth of attempts) {
      const res = await clientPut(`${PREFIX}/PY-AUTH`, values, { overwrite: false }, auth);
      expect(res.statusCode, auth).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Handle /);
      expect(res.json().responseCode).toBe(403);
    }
    // The other prefix's identity writes its own prefix, not this one (authenticated, not in the group).
    const foreign = await clientPut(`${PREFIX}/PY-AUTH`, values, { overwrite: false }, basicOf('300:88.118.35/pyhandle', otherToken));
    expect([foreign.statusCode, foreign.json().responseCode]).toEqual([403, 401]);
  });

  it('refuses a body index= does not name, a different handle in the body, and names the field of a bad value (400)', async () => {
    const handle = `${PREFIX}/PY-IDX`;
    expect(
      (await clientPut(handle, [adminEntry, { index: 1, type: 'URL', data: 'https://example.com/i' }], { overwrite: true })).statusCode,
    ).toBe(201);
    const mismatch = await clientPut(handle, [{ index: 3, type: 'EXTRA', data: 'y' }], { indices: [2], overwrite: true });
    expect([mismatch.statusCode, mismatch.json().responseCode]).toEqual([400, 202]);
    expect(
      mismatch
        .json()
        .details.issues.map((i: { field: string }) => i.field)
        .sort(),
    ).toEqual(['index', 'values.0.index']);
    const otherHandle = await ctx.app.inject({
      method: 'PUT',
      url: `/api/handles/${handle}?index=1`,
      headers: writeHeaders(),
      payload: { handle: `${PREFIX}/ELSEWHERE`, values: [{ index: 1, type: 'URL', data: 'https://example.com/j' }] },
    });
    expect(otherHandle.statusCode).toBe(400);
    expect(otherHandle.json().details.issues[0].field).toBe('handle');
    const badAdmin = { ...adminEntry, data: { format: 'admin', value: { ...adminEntry.data.value, index: 'two hundred' } } };
    const bad = await clientPut(`${PREFIX}/PY-BAD`, [badAdmin], { overwrite: false });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.issues.map((i: { field: string }) => i.field)).toContain('values.0.data.value.index');
    expect(await typedValue(handle, 'URL')).toBe('https://example.com/i');
  });

  it('PUT ?index=various changes exactly the values of the body (the manual’s shortcut)', async () => {
    const handle = `${PREFIX}/PY-IDX`;
    const res = await clientPut(
      handle,
      [
        { index: 1, type: 'URL', data: 'https://example.com/k' },
        { index: 5, type: 'NOTE', data: 'n' },
      ],
      { indices: ['various'], overwrite: true },
    );
    expect([res.statusCode, res.json().responseCode], res.body).toEqual([200, 1]);
    expect((await recordOf(handle)).map((v) => `${v.index}:${v.type}`).sort()).toEqual(['100:HS_ADMIN', '1:URL', '5:NOTE']);
  });

  it('answers anonymous resolutions with ETag and Cache-Control from the TTL; If-None-Match → 304', async () => {
    const handle = `${PREFIX}/PY-IDX`;
    for (let round = 0; round < 2; round++) {
      // The first round may load the record, the second is the cached hot path.
      const res = await clientGet(handle);
      expect(res.headers['cache-control']).toBe('public, max-age=86400');
      const etag = res.headers.etag as string;
      expect(etag).toMatch(/^"[\w-]+"$/);
      const again = await ctx.app.inject({ method: 'GET', url: `/api/handles/${handle}`, headers: { 'if-none-match': etag } });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
    }
    const filtered = await ctx.app.inject({ method: 'GET', url: `/api/handles/${handle}?index=1` });
    const tag = filtered.headers.etag as string;
    expect(
      (await ctx.app.inject({ method: 'GET', url: `/api/handles/${handle}?index=1`, headers: { 'if-none-match': `W/${tag}` } })).statusCode,
    ).toBe(304);
    // After a change the old tag no longer matches.
    await clientPut(handle, [{ index: 1, type: 'URL', data: 'https://example.com/changed' }], { indices: [1], overwrite: true });
    const changed = await ctx.app.inject({ method: 'GET', url: `/api/handles/${handle}?index=1`, headers: { 'if-none-match': tag } });
    expect(changed.statusCode).toBe(200);
  });

  it('keeps identity handles to their tokens: no writes through the API, no HS_SECKEY anywhere, gone on revocation', async () => {
    const put = await clientPut(USER, [adminEntry], { overwrite: true });
    expect([put.statusCode, put.json().responseCode]).toEqual([403, 401]);
    expect((await clientDelete(USER)).statusCode).toBe(403);
    const seckey = await clientPut(`${PREFIX}/PY-KEY`, [adminEntry, { index: 300, type: 'HS_SECKEY', data: 'secret' }], {
      overwrite: false,
    });
    expect(seckey.statusCode).toBe(400);
    expect(seckey.json().details.issues[0]).toMatchObject({ field: 'values.1.type', rule: 'secret_key_managed' });
    await insertUser(ctx, 'py.admin2', 'city_admin', (await orgByDivision(ctx, '440100')).id);
    const admin = await login(ctx, 'py.admin2');
    const list = await admin.request('GET', '/api/tokens?includeRevoked=true');
    const other = list.json().items.find((t: { adminHandle: string | null }) => t.adminHandle === '88.118.35/pyhandle');
    expect((await admin.request('POST', `/api/tokens/${other.id}/revoke`)).statusCode).toBe(200);
    const gone = await clientGet('88.118.35/pyhandle');
    expect(gone.statusCode).toBe(404);
  });
});
