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

interface Figure {
  code: string;
  target: number;
  value: number | null;
  progress: number | null;
  status: string;
  allocation?: { mode: string; amount: number; target: number; version: number; by: string } | null;
}

// Issue #12 item 5 (目标分解): the city allocates T-ECO-1 (7 家 by 2027) to the districts; a district's
// progress and status are judged against its allocation, and a district without one is 未分解.
describe('district target allocation (#12 item 5)', () => {
  const clock = manualClock(new Date('2026-06-01T08:00:00Z'));
  let ctx: TestContext;
  let admin: Session;
  let officer: Session;
  let huangpu: string;
  let tianhe: string;
  let haizhu: string;
  const champion = { honourType: 'SINGLE_CHAMPION_ENTERPRISE', level: 'national', year: 2025 };
  const allocations = async () => (await admin.request('GET', '/api/indicators/T-ECO-1/allocations')).json();
  const allocate = (items: unknown[], as: Session = admin) => as.request('PUT', '/api/indicators/T-ECO-1/allocations', { items });
  const figure = async (district: string): Promise<Figure> =>
    (await admin.request('GET', `/api/indicators/T-ECO-1?district=${district}`)).json();

  beforeAll(async () => {
    ctx = await createTestApp({ clock });
    const city = await orgByDivision(ctx, '440100');
    huangpu = (await orgByDivision(ctx, '440112')).id;
    tianhe = (await orgByDivision(ctx, '440106')).id;
    haizhu = (await orgByDivision(ctx, '440105')).id;
    await insertUser(ctx, 'a.admin', 'city_admin', city.id);
    await insertUser(ctx, 'a.hp', 'district_officer', huangpu);
    [admin, officer] = [await login(ctx, 'a.admin'), await login(ctx, 'a.hp')];
    // Two 黄埔 enterprises with a national single-champion honour the district entered (counted at once).
    for (const [name, uscc, cert] of [
      ['黄埔冠军甲', '91440112MA59B7XH31', 'GXB-2025-001'],
      ['黄埔冠军乙', '914403001922038216', 'GXB-2025-002'],
    ] as const) {
      const ent = await insertEnterprise(ctx, huangpu, name, uscc);
      const added = await officer.request('POST', `/api/enterprises/${ent.id}/honours`, { ...champion, certificateNo: cert });
      expect(added.statusCode).toBe(201);
    }
  });
  afterAll(() => ctx.close());

  it('a district without an allocation is 未分解, not 滞后, and has no reach to forecast', async () => {
    expect((await allocations()).districts.every((d: { allocation: unknown }) => d.allocation === null)).toBe(true);
    const hp = await figure(huangpu);
    expect(hp).toMatchObject({ value: 2, status: 'unallocated', allocation: null, target: 7 });
    expect((await figure(haizhu)).status).toBe('unallocated');
    const series = (await admin.request('GET', `/api/indicators/T-ECO-1/series?district=${haizhu}`)).json();
    expect(series.allocation).toBeNull();
    // The city-wide figure is not a district's: no allocation field, judged against the city target.
    const city = (await admin.request('GET', '/api/indicators/T-ECO-1')).json();
    expect(city.allocation).toBeUndefined();
    expect(city.status).not.toBe('unallocated');
  });

  it('judges a district against its allocation, share or absolute, each change a new version, audited', async () => {
    const set = await allocate([
      { districtId: huangpu, mode: 'absolute', amount: 2 },
      { districtId: tianhe, mode: 'share', amount: 50 },
    ]);
    expect(set.statusCode).toBe(200);
    expect(set.json().allocatedTotal).toBe(5.5);
    expect(await figure(huangpu)).toMatchObject({
      target: 2,
      value: 2,
      progress: 1,
      status: 'achieved',
      allocation: { mode: 'absolute', amount: 2, target: 2, version: 1, by: 'a.admin' },
    });
    expect(await figure(tianhe)).toMatchObject({ target: 3.5, value: 0, allocation: { mode: 'share', amount: 50, version: 1 } });
    expect(['on_track', 'at_risk', 'behind']).toContain((await figure(tianhe)).status);
    expect((await figure(haizhu)).status).toBe('unallocated');

    // Raising 黄埔's allocation: version 2, now judged against 8.
    clock.advance(60_000);
    await allocate([{ districtId: huangpu, mode: 'absolute', amount: 8 }]);
    const raised = await figure(huangpu);
    expect(raised).toMatchObject({ target: 8, progress: 0.25, allocation: { version: 2 } });
    expect(raised.status).not.toBe('achieved');
    const series = (await admin.request('GET', `/api/indicators/T-ECO-1/series?district=${huangpu}`)).json();
    expect(series.allocation).toMatchObject({ target: 8, version: 2 });

    // The district officer sees its own figure judged the same way.
    expect((await officer.request('GET', '/api/indicators/T-ECO-1')).json()).toMatchObject({ target: 8, allocation: { version: 2 } });

    // Removing an allocation is a version too: 未分解 again. Unchanged items write nothing.
    await allocate([
      { districtId: tianhe, mode: 'share', amount: null },
      { districtId: huangpu, mode: 'absolute', amount: 8 },
    ]);
    expect((await figure(tianhe)).status).toBe('unallocated');
    const history = (await allocations()).history as Array<{ districtId: string; version: number; mode: string | null }>;
    expect(history.filter((h) => h.districtId === huangpu).map((h) => h.version)).toEqual([2, 1]);
    expect(history.filter((h) => h.districtId === tianhe).map((h) => [h.version, h.mode])).toEqual([
      [2, null],
      [1, 'share'],
    ]);
    const audit = await ctx.database.pool.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'indicator.allocate' AND entity_id = 'T-ECO-1'",
    );
    expect(audit.rows[0].n).toBe(3);
  });

  it('the ranking shows each district judged against its allocation, 未分解 where none is set', async () => {
    const dashboard = (await admin.request('GET', '/api/dashboard?mapIndicator=T-ECO-1')).json();
    const byCode = new Map(dashboard.districts.map((d: { divisionCode: string }) => [d.divisionCode, d]));
    expect(byCode.get('440112')).toMatchObject({ value: 2, target: 8 });
    expect((byCode.get('440112') as { status: string }).status).not.toBe('unallocated');
    expect(byCode.get('440105')).toMatchObject({ target: null, status: 'unallocated' });
  });

  it('only city administrators allocate; a share is at most 100 %; districts must exist', async () => {
    const refused = await allocate([{ districtId: huangpu, mode: 'absolute', amount: 100 }], officer);
    expect(refused.statusCode).toBe(403);
    expect((await allocate([{ districtId: huangpu, mode: 'share', amount: 120 }])).statusCode).toBe(422);
    const city = await orgByDivision(ctx, '440100');
    const notDistrict = await allocate([{ districtId: city.id, mode: 'absolute', amount: 1 }]);
    expect(notDistrict.statusCode).toBe(422);
    expect(notDistrict.json().error.details.issues[0]).toMatchObject({ field: 'items.0.districtId' });
    expect((await figure(huangpu)).target).toBe(8);
  });
});
