import { ROLE_DEFINITIONS, ROLES } from '@suilian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertEnterprise, orgByDivision, type TestContext } from '../../../../test/harness.js';
import { testCreditCode } from '../../../../test/imports.js';
import { createRoleWorld, type RoleWorld } from '../../../../test/role-world.js';
import { systemActor } from '../../../platform/actor.js';
import { createAuditService } from '../../../platform/audit/audit.service.js';
import { systemClock } from '../../../platform/clock.js';
import { seededRandom } from '../../../seed/prng.js';
import { loadVulnerabilityDemo } from '../index.js';

interface Row {
  id: string;
  verdict: string;
  review_verdict: string | null;
}

const URL = '/api/security/matches/batch-review';

// 匹配研判 in batch (#12 item 7): each match reviewed on its own, under the single review's checks, results per match.
describe('match batch review', () => {
  let ctx: TestContext;
  let world: RoleWorld;
  let rows: Row[];

  beforeAll(async () => {
    ctx = await createTestApp();
    world = await createRoleWorld(ctx, { name: '批量研判', user: 'mbatch' });
    const city = await orgByDivision(ctx, '440100');
    const hp = await orgByDivision(ctx, '440112');
    const enterprises: Array<{ id: string; districtId: string }> = [];
    for (let i = 0; i < 6; i++)
      enterprises.push({
        id: (await insertEnterprise(ctx, hp.id, `研判企业${i}`, testCreditCode(970 + i, '91440112'))).id,
        districtId: hp.id,
      });
    await ctx.database.db.transaction((tx) =>
      loadVulnerabilityDemo(tx, {
        now: new Date(),
        actor: systemActor('system', city.id),
        audit: createAuditService({ db: ctx.database.db, clock: systemClock }),
        enterprises,
        random: seededRandom(5),
      }),
    );
    rows = (await ctx.database.pool.query<Row>('SELECT id, verdict, review_verdict FROM vuln_match ORDER BY id')).rows;
  });
  afterAll(async () => ctx?.close());

  const pending = () => rows.filter((r) => r.verdict === 'needs_review' && r.review_verdict === null);

  it('reviews each needs_review match, refuses a decided one and a missing one, per row, and audits each done row', async () => {
    const [first, second] = pending();
    const decided = rows.find((r) => r.verdict === 'affected');
    expect(first && second && decided).toBeTruthy();
    const missing = '00000000-0000-4000-8000-00000000abcd';
    const before = await ctx.database.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'vulnerability.match_review'");
    const res = await world.sessions.security_analyst.request('POST', URL, {
      verdict: 'not_affected',
      note: '固件已升级至修复版本',
      ids: [first?.id, decided?.id, missing, second?.id, first?.id],
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ succeeded: 2, failed: 2 });
    expect(body.results).toEqual([
      { id: first?.id, ok: true },
      expect.objectContaining({
        id: decided?.id,
        ok: false,
        error: expect.objectContaining({ status: 409, details: expect.objectContaining({ reason: { code: 'match.already_decided' } }) }),
      }),
      expect.objectContaining({ id: missing, ok: false, error: expect.objectContaining({ status: 404 }) }),
      { id: second?.id, ok: true },
    ]);
    const stored = await ctx.database.pool.query<{ id: string; review_verdict: string | null; review_note: string | null }>(
      'SELECT id, review_verdict, review_note FROM vuln_match WHERE id = ANY($1)',
      [[first?.id, second?.id, decided?.id]],
    );
    const byId = new Map(stored.rows.map((r) => [r.id, r]));
    expect(byId.get(first?.id ?? '')).toMatchObject({ review_verdict: 'not_affected', review_note: '固件已升级至修复版本' });
    expect(byId.get(second?.id ?? '')?.review_verdict).toBe('not_affected');
    expect(byId.get(decided?.id ?? '')?.review_verdict).toBe(decided?.review_verdict ?? null);
    const after = await ctx.database.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'vulnerability.match_review'");
    expect(after.rows[0].n - before.rows[0].n).toBe(2);
  });

  it('confirms (affected) and opens the finding, as the single review does', async () => {
    const [one] = pending().slice(2);
    expect(one).toBeDefined();
    const res = await world.sessions.city_admin.request('POST', URL, { verdict: 'affected', ids: [one?.id] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ succeeded: 1, failed: 0 });
    const match = await ctx.database.pool.query('SELECT asset_id, vulnerability_id FROM vuln_match WHERE id = $1', [one?.id]);
    const finding = await ctx.database.pool.query(
      'SELECT count(*)::int AS n FROM vuln_finding WHERE asset_id = $1 AND vulnerability_id = $2',
      [match.rows[0].asset_id, match.rows[0].vulnerability_id],
    );
    expect(finding.rows[0].n).toBe(1);
  });

  it('refuses "not affected" without its reason (422 naming note) and writes nothing', async () => {
    const [one] = pending().slice(3);
    const res = await world.sessions.security_analyst.request('POST', URL, { verdict: 'not_affected', ids: [one?.id] });
    expect(res.statusCode).toBe(422);
    expect(JSON.stringify(res.json().error.details)).toContain('note');
    const stored = await ctx.database.pool.query('SELECT review_verdict FROM vuln_match WHERE id = $1', [one?.id]);
    expect(stored.rows[0].review_verdict).toBeNull();
  });

  it('answers role by role: the reviewers (vuln:manage) act, every other role is refused with 403', async () => {
    const [one] = pending().slice(4);
    for (const role of ROLES) {
      const res = await world.sessions[role].request('POST', URL, { verdict: 'not_affected', note: '核实', ids: [one?.id] });
      if (ROLE_DEFINITIONS[role].permissions.includes('vuln:manage')) expect(res.statusCode, role).toBe(200);
      else expect(res.statusCode, role).toBe(403);
    }
  });
});
