import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertUser, login, orgByDivision, type Session, type TestContext } from '../../../test/harness.js';
import { createAuditService } from '../../platform/audit/audit.service.js';
import { manualClock } from '../../platform/clock.js';
import { loadDemoData } from '../../seed/demo.js';

// The list and the series measure in one batch (indicator.batch.ts); a single indicator on a single
// day is measured one value at a time (indicator.measure.ts). Both read the same counter spans and
// must give the same figures for every kind — record counters, reported stocks and flows, formulas.
describe('indicator values in one batch', () => {
  const clock = manualClock(new Date('2026-11-20T02:00:00Z'));
  let ctx: TestContext;
  let admin: Session;
  let tianheId: string;

  beforeAll(async () => {
    ctx = await createTestApp({ clock });
    await loadDemoData(ctx.database.db, { clock, audit: createAuditService({ db: ctx.database.db, clock }) });
    const city = await orgByDivision(ctx, '440100');
    tianheId = (await orgByDivision(ctx, '440106')).id;
    await insertUser(ctx, 'b.admin', 'city_admin', city.id);
    admin = await login(ctx, 'b.admin');
  }, 120_000);
  afterAll(() => ctx.close());

  it('gives each series point the value of the indicator on that day, city-wide and for a district', async () => {
    const list = (await admin.request('GET', '/api/indicators')).json() as Array<{ code: string; kind: string }>;
    expect(list.length).toBeGreaterThanOrEqual(16);
    for (const district of ['', tianheId]) {
      const query = district ? `&district=${district}` : '';
      for (const { code } of list) {
        const series = (await admin.request('GET', `/api/indicators/${code}/series?${query.slice(1)}`)).json() as {
          points: Array<{ date: string; value: number | null }>;
        };
        // The first month, one in the middle and the last three (month ends and today).
        const points = series.points;
        const picked = [points[0], points[Math.floor(points.length / 2)], ...points.slice(-3)].filter((p) => p !== undefined);
        for (const point of picked) {
          const one = (await admin.request('GET', `/api/indicators/${code}?asOf=${point.date}${query}`)).json() as {
            value: number | null;
          };
          if (one.value === null || point.value === null) expect(point.value, `${code} ${point.date}`).toBe(one.value);
          else expect(point.value, `${code} ${point.date}`).toBeCloseTo(one.value, 6);
        }
      }
    }
  }, 240_000);
});
