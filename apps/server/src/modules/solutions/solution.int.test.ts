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

// Issue #15 item 2: providers' solutions, city review, the public catalogue — role by role.
describe('solutions (#15 item 2)', () => {
  let ctx: TestContext;
  let provider: Session;
  let rival: Session;
  let admin: Session;
  let analyst: Session;
  let district: Session;
  let enterprise: Session;
  let providerId: string;

  const inbox = async (s: Session): Promise<Array<{ kind: string; link: string | null }>> =>
    (await s.request('GET', '/api/notifications?pageSize=100')).json().items;

  beforeAll(async () => {
    ctx = await createTestApp();
    const city = await orgByDivision(ctx, '440100');
    const tianhe = await orgByDivision(ctx, '440106');
    const p1 = await insertEnterprise(ctx, tianhe.id, '天河演示服务商', '91440112MA59B7XH31', 'provider');
    const p2 = await insertEnterprise(ctx, tianhe.id, '别家服务商', '91440106MA5CXK0T1K', 'provider');
    const e1 = await insertEnterprise(ctx, tianhe.id, '天河演示企业', '914403001922038216');
    providerId = p1.id;
    await insertUser(ctx, 's.provider', 'provider_user', p1.id);
    await insertUser(ctx, 's.rival', 'provider_user', p2.id);
    await insertUser(ctx, 's.admin', 'city_admin', city.id);
    await insertUser(ctx, 's.analyst', 'city_analyst', city.id);
    await insertUser(ctx, 's.district', 'district_officer', tianhe.id);
    await insertUser(ctx, 's.enterprise', 'enterprise_user', e1.id);
    provider = await login(ctx, 's.provider');
    rival = await login(ctx, 's.rival');
    admin = await login(ctx, 's.admin');
    analyst = await login(ctx, 's.analyst');
    district = await login(ctx, 's.district');
    enterprise = await login(ctx, 's.enterprise');
  });
  afterAll(() => ctx.close());

  const draft = {
    title: '5G+机器视觉质检',
    summary: '注塑件表面缺陷检测',
    industries: ['29', '36'],
    scenarios: ['S06'],
    capabilities: ['机器视觉', '边缘计算'],
    priceBand: '10_50',
    deploymentWeeks: 6,
    deliveryModel: 'hybrid',
    references: [{ name: '汽车内饰件检测', enterpriseName: '演示企业', year: 2025 }],
    certifications: ['ISO 9001'],
    contacts: [{ name: '张经理', phone: '020-80001234', email: 'zhang@example.com' }],
  };

  it('walks draft → submitted → returned → submitted → published → retired, notifying the next actor', async () => {
    const created = await provider.request('POST', '/api/solutions', draft);
    expect(created.statusCode).toBe(201);
    const s = created.json();
    expect(s).toMatchObject({ providerId, state: 'draft', editable: true, actions: ['submit', 'retire'] });
    expect(s.industries).toEqual([
      { code: '29', name: '橡胶和塑料制品业' },
      { code: '36', name: '汽车制造业' },
    ]);

    // Not published yet: other providers, districts and enterprises do not see it; the city does.
    expect((await rival.request('GET', `/api/solutions/${s.id}`)).statusCode).toBe(404);
    expect((await enterprise.request('GET', `/api/solutions/${s.id}`)).statusCode).toBe(404);
    expect((await district.request('GET', '/api/solutions')).json().total).toBe(0);
    expect((await analyst.request('GET', `/api/solutions/${s.id}`)).statusCode).toBe(200);

    const submitted = await provider.request('POST', `/api/solutions/${s.id}/transitions`, { version: s.version, action: 'submit' });
    expect(submitted.json()).toMatchObject({ state: 'submitted', editable: false, actions: [] });
    expect((await inbox(admin)).map((n) => n.kind)).toContain('solution.to_review');

    // The provider cannot publish its own; the city must say why it returns one.
    const selfPublish = await provider.request('POST', `/api/solutions/${s.id}/transitions`, { version: 2, action: 'publish' });
    expect(selfPublish.statusCode).toBe(403);
    expect(selfPublish.json().error.details.permissions).toEqual(['solution:review']);
    const bare = await admin.request('POST', `/api/solutions/${s.id}/transitions`, { version: 2, action: 'return' });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().error.details.issues[0]).toMatchObject({ field: 'comment', rule: 'required' });

    const returned = await admin.request('POST', `/api/solutions/${s.id}/transitions`, {
      version: 2,
      action: 'return',
      comment: '请补充案例',
    });
    expect(returned.json()).toMatchObject({ state: 'returned', reviewComment: '请补充案例' });
    expect((await inbox(provider)).find((n) => n.kind === 'solution.returned')?.link).toBe(`/services/solutions/${s.id}`);

    const edited = await provider.request('PATCH', `/api/solutions/${s.id}`, { version: 3, certifications: ['ISO 9001', 'ISO 27001'] });
    expect(edited.json().certifications).toEqual(['ISO 9001', 'ISO 27001']);
    await provider.request('POST', `/api/solutions/${s.id}/transitions`, { version: 4, action: 'submit' });
    const published = await admin.request('POST', `/api/solutions/${s.id}/transitions`, { version: 5, action: 'publish' });
    expect(published.json()).toMatchObject({ state: 'published' });
    expect(published.json().publishedAt).not.toBeNull();
    expect((await inbox(provider)).map((n) => n.kind)).toContain('solution.published');

    // Published: every logged-in account reads it; editing it is refused with a reason.
    expect((await enterprise.request('GET', `/api/solutions/${s.id}`)).statusCode).toBe(200);
    expect((await district.request('GET', '/api/solutions')).json().total).toBe(1);
    const late = await provider.request('PATCH', `/api/solutions/${s.id}`, { version: 6, title: '改名' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details.reason.code).toBe('solution.not_editable');

    const retired = await provider.request('POST', `/api/solutions/${s.id}/transitions`, { version: 6, action: 'retire' });
    expect(retired.json().state).toBe('retired');
    const again = await provider.request('POST', `/api/solutions/${s.id}/transitions`, { version: 7, action: 'retire' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.reason.code).toBe('solution.transition_not_allowed');

    const audit = await ctx.database.pool.query(
      "SELECT action FROM audit_log WHERE entity_type = 'solution' AND entity_id = $1 ORDER BY seq",
      [s.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'solution.create',
      'solution.submit',
      'solution.return',
      'solution.update',
      'solution.submit',
      'solution.publish',
      'solution.retire',
    ]);
  });

  it('keeps providers to their own solutions and codes to the code lists', async () => {
    const other = await provider.request('POST', '/api/solutions', {
      ...draft,
      providerId: (await rival.request('GET', '/api/auth/me')).json().orgId,
    });
    // A provider's own account always writes for its own organisation, whatever it names.
    expect(other.json().providerId).toBe(providerId);
    expect((await rival.request('PATCH', `/api/solutions/${other.json().id}`, { version: 1, title: 'x' })).statusCode).toBe(404);
    const bad = await provider.request('POST', '/api/solutions', { ...draft, scenarios: ['S99'] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.issues[0]).toMatchObject({ field: 'scenarios.0', rule: 'code_list' });
    const noProvider = await admin.request('POST', '/api/solutions', draft);
    expect(noProvider.json().error.details.issues[0]).toMatchObject({ field: 'providerId', rule: 'required' });
    expect((await admin.request('POST', '/api/solutions', { ...draft, providerId })).statusCode).toBe(201);
    expect((await enterprise.request('POST', '/api/solutions', draft)).statusCode).toBe(403);
  });

  it('serves published solutions anonymously as {items,total} without contacts', async () => {
    const s = (await provider.request('POST', '/api/solutions', { ...draft, title: '设备预测性维护' })).json();
    await provider.request('POST', `/api/solutions/${s.id}/transitions`, { version: 1, action: 'submit' });
    await admin.request('POST', `/api/solutions/${s.id}/transitions`, { version: 2, action: 'publish' });
    const res = await ctx.app.inject({ method: 'GET', url: '/api/public/solutions?q=预测性' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ id: s.id, title: '设备预测性维护', providerName: '天河演示服务商', referenceCount: 1 });
    expect(JSON.stringify(body)).not.toContain('020-80001234');
    const none = await ctx.app.inject({ method: 'GET', url: '/api/public/solutions?industry=13' });
    expect(none.json()).toEqual({ items: [], total: 0 });
  });
});
