import { connect } from 'node:net';
import { CODE_LIST_KEYS, CSRF_HEADER, SESSION_COOKIE } from '@suilian/contracts';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertUser, login, multipartFile, orgByDivision, type Session, type TestContext } from '../../../test/harness.js';
import { registerErrorHandling } from './error-handler.js';

// Issue #11 item 2 "No input gives a 500": the cases the probe found, each answered 4xx with the envelope.
describe('the edge refuses bad input with the error envelope', () => {
  let ctx: TestContext;
  let admin: Session;
  let analyst: Session;

  beforeAll(async () => {
    ctx = await createTestApp();
    const city = await orgByDivision(ctx, '440100');
    await insertUser(ctx, 'edge.admin', 'city_admin', city.id);
    await insertUser(ctx, 'edge.analyst', 'security_analyst', city.id);
    admin = await login(ctx, 'edge.admin');
    analyst = await login(ctx, 'edge.analyst');
  });
  afterAll(() => ctx.close());

  const upload = (session: Session, url: string, payload: Buffer, contentType: string) =>
    ctx.app.inject({
      method: 'POST',
      url,
      cookies: { [SESSION_COOKIE]: session.cookie },
      headers: { [CSRF_HEADER]: session.csrf, 'content-type': contentType },
      payload,
    });

  it('refuses a NUL character in the query of an anonymous endpoint, naming the field', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/identifiers/public/reverse?value=%00' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'BAD_REQUEST',
      requestId: expect.any(String),
      details: { issues: [{ field: 'querystring.value', rule: 'nul_character' }] },
    });
  });

  it('refuses NUL in a list search and unpaired surrogates in a JSON body, keys included', async () => {
    const search = await admin.request('GET', '/api/organisations?q=a%00b');
    expect(search.statusCode).toBe(400);
    expect(search.json().error.details.issues[0]).toMatchObject({ field: 'querystring.q', rule: 'nul_character' });

    const url = `/api/code-lists/${CODE_LIST_KEYS[0]}/items/EDGE1`;
    const lone = await admin.request('PUT', url, { nameZh: 'a\ud800', nameEn: 'x' });
    expect(lone.statusCode).toBe(400);
    expect(lone.json().error.details.issues[0]).toMatchObject({ field: 'body.nameZh', rule: 'unpaired_surrogate' });

    const key = await admin.request('PUT', url, { nameZh: '甲', nameEn: 'x', attrs: { 'n\u0000': 'x' } });
    expect(key.statusCode).toBe(400);
    expect(key.json().error.details.issues[0]).toMatchObject({ field: 'body.attrs.n\u0000', rule: 'nul_character' });
    expect((await admin.request('GET', `/api/code-lists/${CODE_LIST_KEYS[0]}`)).body).not.toContain('EDGE1');
  });

  it('refuses dates outside 1900–2199 with the date_range rule', async () => {
    const res = await admin.request('GET', '/api/indicators?asOf=0001-01-01');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.issues[0]).toMatchObject({ field: 'querystring.asOf', rule: 'date_range' });
    const ok = await admin.request('GET', '/api/indicators?asOf=2026-01-01');
    expect(ok.statusCode).toBe(200);
  });

  it('answers multipart without a boundary, or truncated, with 400', async () => {
    const { payload, headers } = multipartFile('a.png', Buffer.from('not really a picture'));
    const noBoundary = await upload(admin, '/api/files', payload, 'multipart/form-data');
    expect(noBoundary.statusCode).toBe(400);
    expect(noBoundary.json().error).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('boundary') });
    const truncated = await upload(admin, '/api/files', payload.subarray(0, payload.length - 30), headers['content-type'] as string);
    expect(truncated.statusCode).toBe(400);
    expect(truncated.json().error.message).toContain('truncated');
  });

  it('refuses a CSAF file whose content is null with 422 naming the file', async () => {
    const { payload, headers } = multipartFile('empty-advisory.json', Buffer.from('null'));
    const res = await upload(analyst, '/api/security/advisories/csaf', payload, headers['content-type'] as string);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('empty-advisory.json');
    expect(res.json().error.details.issues[0]).toMatchObject({ field: 'file', rule: 'csaf' });
  });

  it('maps PostgreSQL data errors to 4xx with the envelope, naming the condition', async () => {
    const app = Fastify();
    registerErrorHandling(app);
    const db = ctx.database.db;
    app.get('/number', async () => db.execute(sql`SELECT ${'abc'}::int`));
    app.get('/nul', async () => db.execute(sql`SELECT ${'a\u0000b'}::text`));
    app.get('/range', async () => db.execute(sql`SELECT ${'40000000000'}::int`));
    app.get('/date', async () => db.execute(sql`SELECT ${'0000-01-01'}::date`));
    app.get('/duplicate', async () => db.execute(sql`INSERT INTO organisation SELECT * FROM organisation LIMIT 1`));
    app.get('/bug', async () => db.execute(sql`SELECT * FROM no_such_table`));
    const expectations: [string, number, string][] = [
      ['/number', 400, 'invalid_text_representation'],
      ['/nul', 400, 'character_not_in_repertoire'],
      ['/range', 400, 'numeric_value_out_of_range'],
      ['/date', 400, 'datetime_field_overflow'],
      ['/duplicate', 409, 'unique_violation'],
    ];
    for (const [url, status, rule] of expectations) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(status);
      expect(res.json().error.details.issues[0].rule, url).toBe(rule);
      expect(res.body, url).not.toContain('abc');
    }
    // A query the code got wrong is still the server's fault.
    expect((await app.inject({ method: 'GET', url: '/bug' })).statusCode).toBe(500);
    await app.close();
  });

  it("answers Node's own refusals (431 headers too large, 400 malformed) with the envelope", async () => {
    const address = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const port = Number(new URL(address).port);
    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.write(request));
        let answer = '';
        socket.on('data', (chunk) => {
          answer += chunk.toString('utf8');
        });
        socket.on('close', () => resolve(answer));
        socket.on('error', reject);
      });
    const bodyOf = (answer: string) => JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));

    const tooLarge = await raw(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`);
    expect(tooLarge).toMatch(/^HTTP\/1\.1 431 /);
    expect(bodyOf(tooLarge).error).toMatchObject({ code: 'BAD_REQUEST', requestId: expect.any(String) });

    const malformed = await raw('NOT HTTP AT ALL\r\n\r\n');
    expect(malformed).toMatch(/^HTTP\/1\.1 400 /);
    expect(bodyOf(malformed).error).toMatchObject({ code: 'BAD_REQUEST', message: expect.any(String) });
  });
});
