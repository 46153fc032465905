import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerErrorHandling } from './error-handler.js';
import { type MetricsAccess, registerMetrics } from './metrics.js';

// Issue #11 item 7: /metrics can be restricted to a bearer token and/or to the machine itself.
async function metricsApp(access: MetricsAccess) {
  const app = Fastify();
  registerErrorHandling(app);
  registerMetrics(app, access);
  await app.ready();
  return app;
}

describe('/metrics access (#11 item 7)', () => {
  it('is open when neither setting is given (as before)', async () => {
    const app = await metricsApp({});
    const res = await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.9' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('suilian_http_request_duration_seconds');
    await app.close();
  });

  it('with METRICS_TOKEN answers only the bearer of the token, 401 with the envelope otherwise', async () => {
    const app = await metricsApp({ token: 'a-long-metrics-token-0123' });
    for (const authorization of [
      undefined,
      'Bearer wrong',
      'Bearer a-long-metrics-token-012',
      'Basic a-long-metrics-token-0123',
      'Bearer ',
    ]) {
      const res = await app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
      expect(res.statusCode, String(authorization)).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
      expect(res.headers['www-authenticate']).toContain('Bearer');
      expect(res.body).not.toContain('suilian_');
    }
    const ok = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer a-long-metrics-token-0123' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('suilian_');
    await app.close();
  });

  it('with METRICS_LOOPBACK_ONLY answers connections from the machine itself only', async () => {
    const app = await metricsApp({ loopbackOnly: true });
    expect((await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '::1' })).statusCode).toBe(200);
    const far = await app.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: '10.1.2.3',
      headers: { 'x-forwarded-for': '127.0.0.1' },
    });
    expect(far.statusCode).toBe(403);
    expect(far.json().error.code).toBe('FORBIDDEN');
    await app.close();
  });
});
