import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertUser, login, orgByDivision, type TestContext } from '../../../test/harness.js';
import { registerSecurityHeaders } from './security-headers.js';

// Issue #2 "API conventions" and "Bad input and faults".
describe('HTTP conventions', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp({ env: { BODY_LIMIT: '2048' } });
    const city = await orgByDivision(ctx, '440100');
    await insertUser(ctx, 'conv.admin', 'city_admin', city.id);
  });
  afterAll(() => ctx.close());

  it('answers health and readiness', async () => {
    const health = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await ctx.app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
  });

  it('reports not ready when PostgreSQL does not answer', async () => {
    const other = await createTestApp();
    await other.database.pool.end();
    const ready = await other.app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().error.code).toBe('SERVICE_UNAVAILABLE');
    await other.app.close();
    // the pool is already closed; drop the database through a fresh close path
    await other.close().catch(() => undefined);
  });

  it('returns the error envelope with a request id for unknown routes', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/nope', headers: { 'x-request-id': 'trace-123' } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['x-request-id']).toBe('trace-123');
    expect(res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String), requestId: 'trace-123' } });
  });

  it('refuses malformed JSON with 400', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "a", ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_JSON');
  });

  it('refuses an oversize body with 413', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'x', password: 'y'.repeat(4096) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('rejects unknown fields, naming them', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'a', password: 'b', isAdmin: true } });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.issues[0]).toMatchObject({ field: 'body.isAdmin', rule: 'unrecognized_keys' });
  });

  it('serves OpenAPI at /api/docs', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const spec = res.json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/users', '/api/organisations', '/api/audit']));
  });

  it('exposes Prometheus metrics', async () => {
    await ctx.app.inject({ method: 'GET', url: '/api/health' });
    const res = await ctx.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('suilian_http_request_duration_seconds_bucket');
    expect(res.body).toContain('route="/api/health"');
  });

  it('lists with paging and a total', async () => {
    const admin = await login(ctx, 'conv.admin');
    const res = await admin.request('GET', '/api/organisations?kind=district&pageSize=5&page=2&sort=-name');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(11);
    expect(body.items).toHaveLength(5);
    const names = body.items.map((o: { name: string }) => o.name);
    expect([...names].sort().reverse()).toEqual(names);
  });

  it('sets security headers', async () => {
    // API responses: a CSP that allows nothing plus the headers that act on any response (ADR 0010).
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(res.headers['x-request-id']).toBeTruthy();
    // Errors carry them too.
    const denied = await ctx.app.inject({ method: 'GET', url: '/api/organisations' });
    expect(denied.statusCode).toBe(401);
    expect(denied.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'self'");
    // The console's documents get Helmet's full set with the console's policy.
    const page = await ctx.app.inject({ method: 'GET', url: '/some/console/page' });
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('gives HTML that an API route returns the document headers', async () => {
    const app = Fastify();
    registerSecurityHeaders(app);
    app.get('/api/report.html', async (_request, reply) => reply.type('text/html; charset=utf-8').send('<p>report</p>'));
    app.get('/api/report.json', async () => ({ ok: true }));
    const html = await app.inject({ method: 'GET', url: '/api/report.html' });
    expect(html.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(html.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(html.headers['x-request-id']).toBeTruthy();
    const json = await app.inject({ method: 'GET', url: '/api/report.json' });
    expect(json.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'self'");
    await app.close();
  });
});
