import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertEnterprise, insertUser, login, orgByDivision, type TestContext } from '../../../../test/harness.js';
import { testCreditCode } from '../../../../test/imports.js';
import { systemActor } from '../../../platform/actor.js';
import { createAuditService } from '../../../platform/audit/audit.service.js';
import { systemClock } from '../../../platform/clock.js';
import { seededRandom } from '../../../seed/prng.js';
import { loadVulnerabilityDemo } from '../index.js';

interface Row {
  id: string;
  version: number;
  state: string;
  enterprise_id: string;
}

// Batch actions on findings (#12 item 7): each row authorised and applied on its own, results per row.
describe('finding batch transitions', () => {
  let ctx: TestContext;
  let own: string;
  let rows: Row[];

  beforeAll(async () => {
    ctx = await createTestApp();
    const city = await orgByDivision(ctx, '440100');
    const hp = await orgByDivision(ctx, '440112');
    const enterprises: Array<{ id: string }> = [];
    for (let i = 0; i < 6; i++)
      enterprises.push(await insertEnterprise(ctx, hp.id, `批量处置企业${i}`, testCreditCode(930 + i, '91440112')));
    await ctx.database.db.transaction((tx) =>
      loadVulnerabilityDemo(tx, {
        now: new Date(),
        actor: systemActor('system', city.id),
        audit: createAuditService({ db: ctx.database.db, clock: systemClock }),
        enterprises: enterprises.map((e) => ({ id: e.id, districtId: hp.id })),
        random: seededRandom(11),
      }),
    );
    rows = (await ctx.database.pool.query<Row>('SELECT id, version, state, enterprise_id FROM vuln_finding ORDER BY id')).rows;
    // The enterprise with the most new findings is the one whose user acts.
    const counts = new Map<string, number>();
    for (const r of rows.filter((x) => x.state === 'new')) counts.set(r.enterprise_id, (counts.get(r.enterprise_id) ?? 0) + 1);
    own = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
    await insertUser(ctx, 'batch.enterprise', 'enterprise_user', own);
  });
  afterAll(async () => ctx?.close());

  it('confirms its own findings, refuses another enterprise’s (404) and a stale one (409), per row', async () => {
    const mine = rows.filter((r) => r.enterprise_id === own && r.state === 'new');
    const foreign = rows.find((r) => r.enterprise_id !== own);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(foreign).toBeDefined();
    const [first, second] = mine as [Row, Row];
    const s = await login(ctx, 'batch.enterprise');
    const res = await s.request('POST', '/api/security/findings/batch-transitions', {
      action: 'confirm',
      rows: [
        { id: first.id, version: first.version },
        { id: second.id, version: second.version + 5 },
        { id: foreign?.id, version: foreign?.version },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ succeeded: 1, failed: 2 });
    expect(body.results).toEqual([
      { id: first.id, ok: true },
      expect.objectContaining({ id: second.id, ok: false, error: expect.objectContaining({ status: 409, code: 'STALE_VERSION' }) }),
      expect.objectContaining({ id: foreign?.id, ok: false, error: expect.objectContaining({ status: 404 }) }),
    ]);
    const states = await ctx.database.pool.query<{ id: string; state: string }>('SELECT id, state FROM vuln_finding WHERE id = ANY($1)', [
      [first.id, second.id, foreign?.id],
    ]);
    const byId = new Map(states.rows.map((r) => [r.id, r.state]));
    expect(byId.get(first.id)).toBe('confirmed');
    expect(byId.get(second.id)).toBe('new');
    expect(byId.get(foreign?.id ?? '')).toBe(foreign?.state);
  });

  it('tells the enterprise what to do on the finding detail: description, score and the advisory’s remediations (#12 item 7)', async () => {
    const s = await login(ctx, 'batch.enterprise');
    const mine = rows.filter((r) => r.enterprise_id === own);
    const details = await Promise.all(mine.map(async (r) => (await s.request('GET', `/api/security/findings/${r.id}`)).json()));
    for (const d of details) expect(d.guidance).toMatchObject({ remediations: expect.any(Array), notices: expect.any(Array) });
    const withFix = details.find((d) => d.guidance.remediations.length > 0);
    expect(withFix, 'a demo finding of a CSAF advisory with remediations').toBeDefined();
    expect(withFix.guidance.remediations[0]).toMatchObject({
      category: expect.any(String),
      details: expect.any(String),
      advisory: expect.any(String),
    });
  });

  it('refuses a role without any lifecycle permission before looking at the rows', async () => {
    const city = await orgByDivision(ctx, '440100');
    await insertUser(ctx, 'batch.analyst', 'city_analyst', city.id);
    const s = await login(ctx, 'batch.analyst');
    const res = await s.request('POST', '/api/security/findings/batch-transitions', {
      action: 'confirm',
      rows: [{ id: rows[0]?.id, version: 1 }],
    });
    expect(res.statusCode).toBe(403);
  });
});
