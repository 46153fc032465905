import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertEnterprise, insertUser, login, orgByDivision, type TestContext } from '../../../test/harness.js';
import { testCreditCode } from '../../../test/imports.js';
import { systemActor } from '../../platform/actor.js';
import { createAuditService } from '../../platform/audit/audit.service.js';
import { systemClock } from '../../platform/clock.js';
import { seededRandom } from '../../seed/prng.js';
import { loadVulnerabilityDemo } from './index.js';

describe('vulnerability demo data', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => ctx?.close());

  it('loads the fixture advisories, an installed base and findings across the loop, all marked demo', async () => {
    const city = await orgByDivision(ctx, '440100');
    const hp = await orgByDivision(ctx, '440112');
    const enterprises: Array<{ id: string }> = [];
    for (let i = 0; i < 12; i++)
      enterprises.push(await insertEnterprise(ctx, hp.id, `演示安全企业${i}`, testCreditCode(950 + i, '91440112')));
    const audit = createAuditService({ db: ctx.database.db, clock: systemClock });
    const loaded = await ctx.database.db.transaction((tx) =>
      loadVulnerabilityDemo(tx, {
        now: new Date(),
        actor: systemActor('system', city.id),
        audit,
        enterprises: enterprises.map((e) => ({ id: e.id, districtId: hp.id })),
        random: seededRandom(7),
      }),
    );
    expect(loaded.advisories).toBe(10);
    expect(loaded.findings).toBeGreaterThan(0);
    await insertUser(ctx, 'demo.sec.test', 'security_analyst', city.id);
    const s = await login(ctx, 'demo.sec.test');
    const stats = (await s.request('GET', '/api/security/stats')).json();
    expect(stats.exposureByDistrict.find((d: { districtId: string }) => d.districtId === hp.id).assets).toBeGreaterThan(0);
    const notDemo = (
      await ctx.database.pool.query(
        'SELECT (SELECT count(*) FROM vuln_asset WHERE NOT is_demo) + (SELECT count(*) FROM vuln_finding WHERE NOT is_demo) + (SELECT count(*) FROM vulnerability WHERE NOT is_demo) AS n',
      )
    ).rows[0].n;
    expect(Number(notDemo)).toBe(0);
  });
});
