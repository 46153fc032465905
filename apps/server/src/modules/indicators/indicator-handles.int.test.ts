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

// Issue #4 with the identifier statistics: 标识注册量 / 标识解析量 next to the plan's targets.
describe('identifier statistics as indicators', () => {
  let ctx: TestContext;
  let admin: Session;
  let officer: Session;
  let huangpuId: string;

  beforeAll(async () => {
    ctx = await createTestApp({ clock: manualClock(new Date('2026-03-15T02:00:00Z')) });
    const city = await orgByDivision(ctx, '440100');
    const huangpu = await orgByDivision(ctx, '440112');
    huangpuId = huangpu.id;
    const e1 = await insertEnterprise(ctx, huangpu.id, '标识企业', '91440112MA59B7XH31');
    await insertUser(ctx, 'h.admin', 'city_admin', city.id);
    await insertUser(ctx, 'h.hp', 'district_officer', huangpu.id);
    [admin, officer] = [await login(ctx, 'h.admin'), await login(ctx, 'h.hp')];
    const q = (text: string, values: unknown[]) => ctx.database.pool.query(text, values);
    const prefix = (p: string, owner: string) =>
      q(
        'INSERT INTO handle_prefix (prefix, prefix_key, served, owner_org_id, created_at, updated_at) VALUES ($1, $1, false, $2, now(), now()) ON CONFLICT DO NOTHING',
        [p, owner],
      );
    const day = (p: string, d: string, reg: number, res: number) =>
      q('INSERT INTO handle_stat_daily (prefix, day, registrations, resolutions) VALUES ($1, $2, $3, $4)', [p, d, reg, res]);
    await prefix('88.900', city.id);
    await prefix('88.900.1', e1.id);
    await day('88.900', '2026-01-10', 5, 100);
    await day('88.900.1', '2026-01-10', 7, 20);
    await day('88.900.1', '2026-02-01', 3, 30);
    await day('88.900.1', '2026-03-20', 50, 500); // after the clock's day: not yet
    await day('88.900.1', '2025-08-01', 40, 40); // before the plan started
  });
  afterAll(() => ctx.close());

  it('sums daily registrations and resolutions to the date, city-wide and by the prefix owner’s district', async () => {
    const list = (await admin.request('GET', '/api/indicators')).json() as Array<{ code: string; value: number }>;
    const byCode = Object.fromEntries(list.map((i) => [i.code, i.value]));
    expect(byCode['X-HDL-REG']).toBe(15);
    expect(byCode['X-HDL-RES']).toBe(150);
    expect((await admin.request('GET', '/api/indicators/X-HDL-REG?asOf=2026-01-31')).json().value).toBe(12);
    expect((await officer.request('GET', '/api/indicators/X-HDL-REG')).json().value).toBe(10);
    expect((await admin.request('GET', `/api/indicators/X-HDL-RES?district=${huangpuId}`)).json().value).toBe(50);
  });

  it('drills down by prefix, adding up to the value', async () => {
    const page = (await admin.request('GET', '/api/indicators/X-HDL-REG/records')).json();
    expect(page).toMatchObject({ basis: 'records', total: 2, sum: 15 });
    const own = page.records.find((r: { id: string }) => r.id === '88.900.1');
    expect(own).toMatchObject({
      kind: 'handle_stat',
      weight: 10,
      countedOn: '2026-02-01',
      districtId: huangpuId,
      link: '/identifiers/handles?prefix=88.900.1',
    });
    expect(own.title).toContain('标识企业');
  });
});
