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
import { createAuditService } from '../../platform/audit/audit.service.js';
import { manualClock } from '../../platform/clock.js';
import { loadDemoData } from '../../seed/demo.js';

interface Page {
  basis: 'records' | 'data_values' | 'operands';
  total: number;
  sum: number | null;
  indicator: { value: number | null; drillDown: string };
  records: Array<{ id: string; weight: number; link: string | null; districtId: string | null; kind: string; countedOn: string | null }>;
  dataValues: Array<{ value: number; districtId: string; accepted: boolean }>;
  operands: Array<{ reference: string; value: number | null; link: string | null }>;
}

// Issue #4 item 6: every number drills down to the records it counts — on the demo programme.
describe('indicator drill-down', () => {
  const clock = manualClock(new Date('2026-11-20T02:00:00Z'));
  let ctx: TestContext;
  let admin: Session;
  let officer: Session;
  let ent: Session;
  let huangpuId: string;
  let tianheId: string;

  /** Every page of a drill-down, so totals can be compared with the value. */
  async function allPages(
    s: Session,
    code: string,
    query = '',
  ): Promise<{ first: Page; items: Page['records']; values: Page['dataValues'] }> {
    const first = (await s.request('GET', `/api/indicators/${code}/records?pageSize=50${query}`)).json() as Page;
    const items = [...first.records];
    const values = [...first.dataValues];
    for (let page = 2; (page - 1) * 50 < first.total; page++) {
      const next = (await s.request('GET', `/api/indicators/${code}/records?pageSize=50&page=${page}${query}`)).json() as Page;
      items.push(...next.records);
      values.push(...next.dataValues);
    }
    return { first, items, values };
  }

  beforeAll(async () => {
    ctx = await createTestApp({ clock });
    await loadDemoData(ctx.database.db, { clock, audit: createAuditService({ db: ctx.database.db, clock }) });
    const city = await orgByDivision(ctx, '440100');
    const huangpu = await orgByDivision(ctx, '440112');
    huangpuId = huangpu.id;
    tianheId = (await orgByDivision(ctx, '440106')).id;
    const e1 = await insertEnterprise(ctx, huangpu.id, '下钻企业', '91440112MA59B7XH31');
    await insertUser(ctx, 'r.admin', 'city_admin', city.id);
    await insertUser(ctx, 'r.hp', 'district_officer', huangpu.id);
    await insertUser(ctx, 'r.ent', 'enterprise_user', e1.id);
    [admin, officer, ent] = [await login(ctx, 'r.admin'), await login(ctx, 'r.hp'), await login(ctx, 'r.ent')];
  }, 120_000);
  afterAll(() => ctx.close());

  it('lists exactly the projects T-APP-2 counts, city-wide and for a district, with links', async () => {
    for (const query of ['', `&district=${huangpuId}`]) {
      const { first, items } = await allPages(admin, 'T-APP-2', query);
      expect(first.basis).toBe('records');
      expect(first.indicator.value).toBeGreaterThan(0);
      expect(items).toHaveLength(first.indicator.value as number);
      expect(first.total).toBe(first.indicator.value);
      expect(new Set(items.map((r) => r.id)).size).toBe(items.length);
      for (const r of items) {
        expect(r).toMatchObject({ kind: 'project', weight: 1, link: `/programme/projects/${r.id}` });
        expect(['under_construction', 'built', 'accepted']).toContain((r as unknown as { state: string }).state);
      }
      if (query) expect(items.every((r) => r.districtId === huangpuId)).toBe(true);
    }
    const list = (await admin.request('GET', `/api/indicators?district=${huangpuId}`)).json();
    expect(list.find((i: { code: string }) => i.code === 'T-APP-2').drillDown).toBe(`/indicators/T-APP-2/records?district=${huangpuId}`);
    expect((await admin.request('GET', '/api/indicators/T-APP-2')).json().drillDown).toBe('/indicators/T-APP-2/records');
  });

  it('adds up to the value for every indicator, city-wide and for a district', async () => {
    for (const query of ['', `&district=${tianheId}`]) {
      const list = (await admin.request('GET', `/api/indicators?${query.slice(1)}`)).json() as Array<{
        code: string;
        value: number | null;
      }>;
      for (const indicator of list) {
        const { first, items, values } = await allPages(admin, indicator.code, query);
        expect(first.indicator.value, indicator.code).toBe(indicator.value);
        if (first.basis === 'records') {
          expect(items.length, indicator.code).toBe(first.total);
          expect(
            items.reduce((t, r) => t + r.weight, 0),
            indicator.code,
          ).toBe(indicator.value ?? 0);
        } else if (first.basis === 'data_values') {
          expect(values.length, indicator.code).toBe(first.total);
          const total = values.reduce((t, v) => t + v.value, 0);
          if (indicator.value === null) expect(values, indicator.code).toHaveLength(0);
          else expect(total, indicator.code).toBeCloseTo(indicator.value, 6);
        } else {
          expect(first.operands.length, indicator.code).toBeGreaterThan(0);
          expect(first.sum, indicator.code).toBe(indicator.value);
        }
      }
    }
  }, 120_000);

  it('shows T-INF-1 as each district’s latest report, accepted or not, and a formula as its operands', async () => {
    const { first, values } = await allPages(admin, 'T-INF-1');
    expect(first.basis).toBe('data_values');
    expect(new Set(values.map((v) => v.districtId)).size).toBe(values.length);
    const share = (await admin.request('GET', '/api/indicators/X-INF-PRIVNET-PER-1K/records?asOf=2026-10-31')).json() as Page;
    expect(share.operands.map((o) => o.reference)).toEqual(['I{T-INF-3}', 'I{T-INF-1}']);
    const [networks, stations] = share.operands.map((o) => o.value as number);
    expect(share.indicator.value).toBeCloseTo(((networks as number) / (stations as number)) * 1000, 6);
    expect(share.operands[0]?.link).toBe('/indicators/T-INF-3/records?asOf=2026-10-31');
  });

  it('counts the demo identifiers registered as registrations (S1-3), not made-up figures', async () => {
    const { rows } = await ctx.database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM handle_record');
    expect(rows[0]?.n).toBeGreaterThan(0);
    const registrations = (await admin.request('GET', '/api/indicators/X-HDL-REG')).json();
    expect(registrations.value).toBe(rows[0]?.n);
  });

  it('limits a district officer to its own district', async () => {
    const own = (await officer.request('GET', '/api/indicators/T-APP-2/records')).json() as Page;
    expect(own.indicator.drillDown).toBe(`/indicators/T-APP-2/records?district=${huangpuId}`);
    expect(own.records.every((r) => r.districtId === huangpuId)).toBe(true);
    expect((await officer.request('GET', `/api/indicators/T-APP-2/records?district=${tianheId}`)).statusCode).toBe(422);
    expect((await ent.request('GET', '/api/indicators/T-APP-2/records')).statusCode).toBe(403);
    expect((await admin.request('GET', '/api/indicators/T-NOPE-9/records')).statusCode).toBe(404);
    expect((await admin.request('GET', '/api/indicators/T-APP-2/records?pageSize=500')).statusCode).toBe(422);
  });

  // Issue #12 item 5: the demo city has broken four targets down; a district is judged against its share.
  it('judges a demo district against its allocated share and shows 未分解 where the city set none', async () => {
    const list = (await officer.request('GET', '/api/indicators')).json() as Array<{ code: string; target: number; status: string }>;
    const byCode = new Map(list.map((i) => [i.code, i]));
    const cityTarget = (await admin.request('GET', '/api/indicators/T-INF-3')).json().target as number;
    // 黄埔区 holds 18 % of the city's T-INF-3.
    expect(byCode.get('T-INF-3')?.target).toBeCloseTo(cityTarget * 0.18, 5);
    expect(byCode.get('T-INF-3')?.status).not.toBe('unallocated');
    expect(byCode.get('T-ECO-1')?.status).toBe('unallocated');
    const allocations = (await admin.request('GET', '/api/indicators/T-APP-1/allocations')).json() as {
      allocatedTotal: number;
      cityTarget: number;
    };
    expect(allocations.allocatedTotal).toBeCloseTo(allocations.cityTarget, 5);
  });
});
