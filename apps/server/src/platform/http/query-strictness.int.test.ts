import { ALL_ENDPOINTS } from '@suilian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertUser, login, orgByDivision, type Session, type TestContext } from '../../../test/harness.js';

// Issue #11 item 7: unknown query parameters and unknown sort keys answer 400 naming the parameter,
// on every endpoint of the catalogue that takes a query, instead of being silently ignored.
describe('query parameters an endpoint does not take (#11 item 7)', () => {
  let ctx: TestContext;
  let admin: Session;
  beforeAll(async () => {
    ctx = await createTestApp();
    await insertUser(ctx, 'q.admin', 'city_admin', (await orgByDivision(ctx, '440100')).id);
    admin = await login(ctx, 'q.admin');
  });
  afterAll(() => ctx.close());

  it('refuses an unknown parameter with 400 naming it, on every GET with a query and no path parameter', async () => {
    const endpoints = ALL_ENDPOINTS.filter((e) => e.method === 'GET' && e.query && e.responseKind !== 'raw' && !e.path.includes(':'));
    expect(endpoints.length).toBeGreaterThan(30);
    const wrong: string[] = [];
    for (const endpoint of endpoints) {
      const res = await admin.request('GET', `${endpoint.path}?noSuchFilter=1`);
      // Named whatever else is wrong; 400 when it is the only problem (required parameters left out give 422).
      const issues: Array<{ field: string }> = res.json().error?.details?.issues ?? [];
      const named = issues.some((i) => i.field.includes('noSuchFilter'));
      const expected = issues.every((i) => i.field.includes('noSuchFilter')) ? 400 : 422;
      if (!named || res.statusCode !== expected) wrong.push(`${endpoint.name}: ${res.statusCode} ${res.body.slice(0, 160)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses a sort key the list does not know with 400 naming sort, and takes the known ones', async () => {
    for (const url of [
      '/api/projects?sort=password',
      '/api/users?sort=-passwordHash',
      '/api/organisations?sort=nope',
      '/api/audit?sort=hash',
    ]) {
      const res = await admin.request('GET', url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'BAD_REQUEST', details: { issues: [{ field: 'querystring.sort' }] } });
    }
    for (const url of [
      '/api/projects?sort=-updatedAt',
      '/api/users?sort=lastLoginAt',
      '/api/organisations?sort=-name',
      '/api/audit?sort=seq',
    ])
      expect((await admin.request('GET', url)).statusCode, url).toBe(200);
  });

  it('refuses any sort on a list with one fixed order, with 400 naming sort', async () => {
    for (const url of ['/api/tokens?sort=name', '/api/security/advisories?sort=-publishedAt']) {
      const res = await admin.request('GET', url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'BAD_REQUEST', details: { issues: [{ field: 'querystring.sort' }] } });
    }
    expect((await admin.request('GET', '/api/tokens')).statusCode).toBe(200);
  });

  it('still answers a wrong value of a known parameter with 422 naming it', async () => {
    const res = await admin.request('GET', '/api/projects?status=nope');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.issues[0].field).toBe('querystring.status');
  });
});
