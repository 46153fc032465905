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

/** The plan's 2027 targets, typed from 穗工信函〔2025〕256号 二、发展目标 (not from the seed file). */
const PLAN: Record<string, [number, string]> = {
  'T-INF-1': [120000, '个'],
  'T-INF-2': [12, '套'],
  'T-INF-3': [150, '个'],
  'T-APP-1': [10, '个'],
  'T-APP-2': [150, '个'],
  'T-APP-3': [30, '个'],
  'T-APP-4': [30, '个'],
  'T-ECO-1': [7, '家'],
  'T-ECO-2': [70, '项'],
  'T-ECO-3': [60, '项'],
  'T-ECO-4': [15, '个'],
  'T-ECO-5': [7, '个'],
  'T-PUB-1': [3, '个'],
  'T-PUB-2': [10, '次'],
  'T-PUB-3': [6, '次'],
  'T-PUB-4': [500, '人'],
};

// Issue #4 items 1–3 (first part): the 16 targets as data, values counted from records, pace.
describe('indicators', () => {
  const clock = manualClock(new Date('2026-03-01T02:00:00Z'));
  let ctx: TestContext;
  let admin: Session;
  let ent: Session;
  let officer: Session;
  let otherOfficer: Session;
  let huangpuId: string;

  beforeAll(async () => {
    ctx = await createTestApp({ clock });
    const city = await orgByDivision(ctx, '440100');
    const huangpu = await orgByDivision(ctx, '440112');
    huangpuId = huangpu.id;
    const tianhe = await orgByDivision(ctx, '440106');
    const e1 = await insertEnterprise(ctx, huangpu.id, '指标企业', '91440112MA59B7XH31');
    await insertUser(ctx, 'i.admin', 'city_admin', city.id);
    await insertUser(ctx, 'i.ent', 'enterprise_user', e1.id);
    await insertUser(ctx, 'i.hp', 'district_officer', huangpu.id);
    await insertUser(ctx, 'i.th', 'district_officer', tianhe.id);
    [admin, ent, officer, otherOfficer] = [
      await login(ctx, 'i.admin'),
      await login(ctx, 'i.ent'),
      await login(ctx, 'i.hp'),
      await login(ctx, 'i.th'),
    ];
  });
  afterAll(() => ctx.close());

  it('carries the 16 targets exactly as the plan states them', async () => {
    const list = (await admin.request('GET', '/api/indicators')).json().filter((i: { isPlanTarget: boolean }) => i.isPlanTarget);
    expect(list).toHaveLength(16);
    for (const ind of list) {
      expect([ind.target, ind.unit], ind.code).toEqual(PLAN[ind.code]);
      expect(ind.targetDate).toBe('2027-12-31');
    }
    expect(list.map((i: { group: string }) => i.group).filter((g: string, i: number, a: string[]) => a.indexOf(g) === i)).toEqual([
      'infrastructure',
      'application',
      'ecosystem',
      'public_service',
    ]);
  });

  it('counts T-APP-2 from project states on each day, with a filing id', async () => {
    const walk = async (filingId: string | null) => {
      const p = (
        await ent.request('POST', '/api/projects', {
          title: '指标项目',
          filingId,
          scenarios: [{ code: 'S06', category: 'main_production' }],
        })
      ).json();
      const act = async (s: Session, action: string, extra = {}) => {
        const v = (await admin.request('GET', `/api/projects/${p.id}`)).json().version;
        const res = await s.request('POST', `/api/projects/${p.id}/transitions`, { version: v, action, ...extra });
        expect(res.statusCode, res.body).toBe(200);
      };
      await act(ent, 'submit');
      await act(officer, 'forward');
      await act(admin, 'approve');
      await act(ent, 'start_construction', { date: '2026-03-01' });
      return p.id;
    };
    const before = (await admin.request('GET', '/api/indicators/T-APP-2')).json();
    expect(before).toMatchObject({ value: 0, status: 'behind' });
    await walk('GD5G-2026-00001');
    await walk(null); // no national filing id: not counted
    const after = (await admin.request('GET', '/api/indicators/T-APP-2')).json();
    expect(after.value).toBe(1);
    expect(after.progress).toBeCloseTo(1 / 150, 4);
    // As of the day before, the project was not yet under construction.
    expect((await admin.request('GET', '/api/indicators/T-APP-2?asOf=2026-02-28')).json().value).toBe(0);
    const series = (await admin.request('GET', '/api/indicators/T-APP-2/series')).json();
    expect(series.points.map((p: { period: string }) => p.period)).toEqual([
      '202509',
      '202510',
      '202511',
      '202512',
      '202601',
      '202602',
      '202603',
    ]);
    expect(series.points.at(-1)).toMatchObject({ value: 1 });
    expect(series.points[0].expected).toBeGreaterThanOrEqual(0);
  });

  it('counts registry records since the plan started and sums completed trainees', async () => {
    await officer.request('POST', '/api/trainings', {
      title: '培训一期',
      date: '2026-02-10',
      data: {
        organiser: '黄埔区',
        trainees: [
          { name: '甲', completed: true },
          { name: '乙', completed: true },
          { name: '丙', completed: false },
        ],
      },
    });
    await officer.request('POST', '/api/trainings', {
      title: '培训（试点前）',
      date: '2025-06-01',
      data: { organiser: '黄埔区', trainees: [{ name: '丁', completed: true }] },
    });
    const all = (await admin.request('GET', '/api/indicators')).json();
    const byCode = Object.fromEntries(all.map((i: { code: string }) => [i.code, i]));
    expect(byCode['T-PUB-4'].value).toBe(2);
    expect(byCode['T-PUB-3'].value).toBe(1);
    expect(byCode['T-INF-1']).toMatchObject({ value: null, status: 'no_data' });
  });

  it('gives district officers their own district and no other', async () => {
    const own = (await officer.request('GET', '/api/indicators/T-PUB-4')).json();
    expect(own).toMatchObject({ districtId: huangpuId, value: 2 });
    expect((await otherOfficer.request('GET', '/api/indicators/T-PUB-4')).json().value).toBe(0);
    expect((await otherOfficer.request('GET', `/api/indicators/T-PUB-4?district=${huangpuId}`)).statusCode).toBe(422);
    expect((await ent.request('GET', '/api/indicators')).statusCode).toBe(403);
    expect((await admin.request('GET', `/api/indicators/T-PUB-4?district=${huangpuId}`)).json().value).toBe(2);
    expect((await admin.request('GET', '/api/indicators/T-NOPE-1')).statusCode).toBe(404);
  });
});

describe('indicators from reported values', () => {
  let ctx: TestContext;
  let admin: Session;
  beforeAll(async () => {
    ctx = await createTestApp({ clock: manualClock(new Date('2026-02-15T02:00:00Z')) });
    const city = await orgByDivision(ctx, '440100');
    const huangpu = await orgByDivision(ctx, '440112');
    const tianhe = await orgByDivision(ctx, '440106');
    await insertUser(ctx, 'iv.admin', 'city_admin', city.id);
    admin = await login(ctx, 'iv.admin');
    const put = (element: string, period: string, orgId: string, value: number) =>
      ctx.database.pool.query(
        "INSERT INTO data_value (data_element_code, period, org_id, value, stored_by, updated_at) VALUES ($1, $2, $3, $4, 'test', now())",
        [element, period, orgId, String(value)],
      );
    await put('BS5G_TOTAL', '202509', huangpu.id, 1000);
    await put('BS5G_TOTAL', '202512', huangpu.id, 1200);
    await put('BS5G_TOTAL', '202510', tianhe.id, 2000);
    await put('BS5G_TOTAL', '202603', tianhe.id, 9999); // a future month is not yet counted on 2026-02-15
    await put('PRIVNET_NEW', '202510', huangpu.id, 2);
    await put('PRIVNET_NEW', '202601', tianhe.id, 3);
    await put('PRIVNET_NEW', '202508', tianhe.id, 50); // before the plan started
  });
  afterAll(() => ctx.close());

  it('T-INF-1 sums each district’s latest cumulative figure on or before the day', async () => {
    expect((await admin.request('GET', '/api/indicators/T-INF-1')).json().value).toBe(3200);
    expect((await admin.request('GET', '/api/indicators/T-INF-1?asOf=2025-11-30')).json().value).toBe(3000);
    // Its milestone path starts from the first reported stock, not from zero.
    const series = (await admin.request('GET', '/api/indicators/T-INF-1/series')).json();
    // 2025-09-30 is 16 of the plan's 838 days past the baseline of 1 000 on the way to 120 000.
    expect(series.points[0]).toMatchObject({ period: '202509', value: 1000 });
    expect(series.points[0].expected).toBeCloseTo(1000 + (119_000 * 16) / 838, 1);
  });

  it('T-INF-3 adds the new networks reported since the plan started (no network records yet)', async () => {
    expect((await admin.request('GET', '/api/indicators/T-INF-3')).json().value).toBe(5);
    // Since issue #14 T-INF-2 counts edge node records (plus typed figures before them): none is 0, not "no data".
    expect((await admin.request('GET', '/api/indicators/T-INF-2')).json()).toMatchObject({ value: 0 });
  });
});

describe('indicator forecast', () => {
  let ctx: TestContext;
  let admin: Session;
  beforeAll(async () => {
    ctx = await createTestApp({ clock: manualClock(new Date('2026-03-15T02:00:00Z')) });
    const city = await orgByDivision(ctx, '440100');
    const huangpu = await orgByDivision(ctx, '440112');
    await insertUser(ctx, 'f.admin', 'city_admin', city.id);
    admin = await login(ctx, 'f.admin');
    // Ten new private networks a month from 2025-10 to 2026-02.
    for (const period of ['202510', '202511', '202512', '202601', '202602']) {
      await ctx.database.pool.query(
        "INSERT INTO data_value (data_element_code, period, org_id, value, stored_by, updated_at) VALUES ('PRIVNET_NEW', $1, $2, '10', 'test', now())",
        [period, huangpu.id],
      );
    }
  });
  afterAll(() => ctx.close());

  it('forecasts the target date from the recent trend and says how', async () => {
    const series = (await admin.request('GET', '/api/indicators/T-INF-3/series')).json();
    expect(series.points.at(-1)).toMatchObject({ period: '202603', value: 50 });
    expect(series.forecast.date).toBe('2027-12-31');
    expect(series.forecast.method).toContain('linear trend');
    // The method as a code with its numbers too, for the console to say in Chinese.
    expect(series.forecast.basis).toMatchObject({ method: 'linear_trend', months: 6 });
    expect(series.reach.basis).toMatchObject({ method: 'linear_trend', months: 6 });
    // About ten a month for 21.5 more months on top of 50: roughly 250 by the end of 2027.
    expect(series.forecast.value).toBeGreaterThan(200);
    expect(series.forecast.value).toBeLessThan(300);
    // The last point (mid-March, still 50) flattens the fit a little: 150 is reached around early 2027.
    expect(series.reach.date > '2026-11-30' && series.reach.date < '2027-04-01').toBe(true);
  });
});
