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
import { manualClock } from '../../platform/clock.js';

// Issue #3 item 3: 5G factories; a factory with ≥ 10 live scenarios counts toward T-APP-1.
describe('5G factories', () => {
  let ctx: TestContext;
  let user: Session;
  let stranger: Session;
  let admin: Session;
  const clock = manualClock(new Date('2026-06-01T08:00:00Z'));
  const codes = ['S01', 'S02', 'S03', 'S04', 'S05', 'S06', 'S07', 'S08', 'S09', 'S10', 'S11'];

  beforeAll(async () => {
    ctx = await createTestApp({ clock });
    const city = await orgByDivision(ctx, '440100');
    const panyu = await orgByDivision(ctx, '440113');
    const e1 = await insertEnterprise(ctx, panyu.id, '番禺汽车零部件有限公司', '91440112MA59B7XH31');
    const e2 = await insertEnterprise(ctx, panyu.id, '番禺别家公司', '91440106MA5CXK0T1K');
    await insertUser(ctx, 'f.user', 'enterprise_user', e1.id);
    await insertUser(ctx, 'f.stranger', 'enterprise_user', e2.id);
    await insertUser(ctx, 'f.admin', 'city_admin', city.id);
    user = await login(ctx, 'f.user');
    stranger = await login(ctx, 'f.stranger');
    admin = await login(ctx, 'f.admin');
  });
  afterAll(() => ctx.close());

  it('counts live scenarios by go-live date and flags the T-APP-1 threshold', async () => {
    const scenarios = codes.map((code, i) => ({
      code,
      category: i < 5 ? 'main_production' : 'auxiliary',
      goLiveDate: i < 9 ? '2026-03-01' : '2026-09-01',
    }));
    const res = await user.request('POST', '/api/factories', {
      name: '番禺总装车间',
      level: 'workshop',
      nationalListYear: 2025,
      starRating: 4,
      scenarios,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ liveScenarioCount: 9, countsTowardTarget: false, districtName: '番禺区' });
    expect((await admin.request('GET', '/api/factories?minLiveScenarios=10')).json().total).toBe(0);

    clock.set(new Date('2026-09-02T08:00:00Z'));
    // Months later the sessions have expired: log in again.
    [user, stranger, admin] = [await login(ctx, 'f.user'), await login(ctx, 'f.stranger'), await login(ctx, 'f.admin')];
    const later = (await admin.request('GET', `/api/factories/${res.json().id}`)).json();
    expect(later).toMatchObject({ liveScenarioCount: 11, countsTowardTarget: true });
    expect((await admin.request('GET', '/api/factories?minLiveScenarios=10')).json().total).toBe(1);
  });

  it('links only the enterprise’s own projects and keeps factories private to it', async () => {
    const factory = (await user.request('GET', '/api/factories')).json().items[0];
    const foreignProject = await stranger.request('POST', '/api/projects', { title: '别家项目' });
    const link = await user.request('PATCH', `/api/factories/${factory.id}`, {
      version: factory.version,
      projectIds: [foreignProject.json().id],
    });
    expect(link.statusCode).toBe(422);
    expect(link.json().error.details.issues[0]).toMatchObject({ field: 'projectIds.0', rule: 'same_enterprise' });
    const own = await user.request('POST', '/api/projects', { title: '自有项目' });
    const ok = await user.request('PATCH', `/api/factories/${factory.id}`, {
      version: factory.version,
      projectIds: [own.json().id],
      starRating: 5,
    });
    expect(ok.json()).toMatchObject({ projectIds: [own.json().id], starRating: 5 });
    expect((await stranger.request('GET', `/api/factories/${factory.id}`)).statusCode).toBe(404);
    expect((await stranger.request('GET', '/api/factories')).json().total).toBe(0);
  });

  it('refuses a star rating out of range', async () => {
    const res = await user.request('POST', '/api/factories', { name: 'x', level: 'line', starRating: 6 });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.issues[0].field).toBe('body.starRating');
  });
});
