import { ROLE_DEFINITIONS, ROLES } from '@suilian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, orgByDivision, type TestContext } from '../../../test/harness.js';
import { createRoleWorld, type RoleWorld } from '../../../test/role-world.js';
import { manualClock } from '../../platform/clock.js';

const BATCH = '/api/reporting/forms/batch-actions';
const DIVISIONS = ['440103', '440104', '440105', '440106', '440111'];

// The city's forms to accept, in batch (#12 item 7): each form through the single action, results per district.
describe('district forms: the acceptance queue and batch accept / return', () => {
  const clock = manualClock(new Date('2026-03-10T02:00:00Z'));
  const period = '202602';
  let ctx: TestContext;
  let world: RoleWorld;
  const district: Record<string, string> = {};

  const register = async (division: string, state: 'completed' | 'approved' | 'accepted', version = 2) =>
    ctx.database.pool.query(
      `INSERT INTO data_registration (data_set_code, period, org_id, state, completed_by, completed_at, approved_by, approved_at, version)
       VALUES ('DISTRICT_MONTHLY', $1, $2, $3, 'q.submitter', now(), $4, $5, $6)`,
      [period, district[division], state, state === 'completed' ? null : 'q.approver', state === 'completed' ? null : new Date(), version],
    );
  const stateOf = async (division: string) =>
    (await ctx.database.pool.query('SELECT state FROM data_registration WHERE period = $1 AND org_id = $2', [period, district[division]]))
      .rows[0]?.state ?? 'open';

  beforeAll(async () => {
    ctx = await createTestApp({ clock });
    world = await createRoleWorld(ctx, { name: '验收', user: 'fq' });
    for (const d of DIVISIONS) district[d] = (await orgByDivision(ctx, d)).id;
    await register('440103', 'approved');
    await register('440104', 'approved');
    await register('440105', 'completed');
    await register('440106', 'approved', 3);
  });
  afterAll(async () => ctx?.close());

  it('lists the approved forms of the period for the city, and only its own district’s for a district officer', async () => {
    const city = await world.sessions.city_admin.request(
      'GET',
      `/api/reporting/forms?dataSet=DISTRICT_MONTHLY&period=${period}&state=approved`,
    );
    expect(city.statusCode, city.body).toBe(200);
    const ids = (city.json() as Array<{ orgUnit: string; version: number }>).map((r) => r.orgUnit).sort();
    expect(ids).toEqual([district['440103'], district['440104'], district['440106']].sort());
    const own = await world.sessions.district_officer.request('GET', `/api/reporting/forms?dataSet=DISTRICT_MONTHLY&period=${period}`);
    expect(own.statusCode).toBe(200);
    expect((own.json() as Array<{ orgUnit: string }>).map((r) => r.orgUnit)).toEqual([district['440106']]);
  });

  it('accepts each approved form, refuses a stale one and one not yet approved, per district', async () => {
    const before = await ctx.database.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'report.accept'");
    const res = await world.sessions.city_admin.request('POST', BATCH, {
      dataSet: 'DISTRICT_MONTHLY',
      period,
      action: 'accept',
      rows: [
        { orgUnit: district['440103'], version: 2 },
        { orgUnit: district['440104'], version: 1 },
        { orgUnit: district['440105'], version: 2 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ succeeded: 1, failed: 2 });
    expect(res.json().results).toEqual([
      { id: district['440103'], ok: true },
      expect.objectContaining({ id: district['440104'], ok: false, error: expect.objectContaining({ code: 'STALE_VERSION' }) }),
      expect.objectContaining({
        id: district['440105'],
        ok: false,
        error: expect.objectContaining({
          status: 409,
          details: expect.objectContaining({ reason: expect.objectContaining({ code: 'reporting.form_illegal' }) }),
        }),
      }),
    ]);
    expect(await stateOf('440103')).toBe('accepted');
    expect(await stateOf('440104')).toBe('approved');
    expect(await stateOf('440105')).toBe('completed');
    const after = await ctx.database.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'report.accept'");
    expect(after.rows[0].n - before.rows[0].n).toBe(1);
  });

  it('returns forms only with a comment (422 naming it, nothing written), and with one sends each back', async () => {
    const bare = await world.sessions.city_admin.request('POST', BATCH, {
      dataSet: 'DISTRICT_MONTHLY',
      period,
      action: 'unapprove',
      rows: [{ orgUnit: district['440104'], version: 2 }],
    });
    expect(bare.statusCode).toBe(422);
    expect(JSON.stringify(bare.json().error.details)).toContain('comment');
    expect(await stateOf('440104')).toBe('approved');
    const res = await world.sessions.city_admin.request('POST', BATCH, {
      dataSet: 'DISTRICT_MONTHLY',
      period,
      action: 'unapprove',
      comment: '5G基站数与上月差异过大，请核实后重新提交',
      rows: [{ orgUnit: district['440104'], version: 2 }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ succeeded: 1, failed: 0 });
    expect(await stateOf('440104')).toBe('completed');
  });

  it('answers role by role: report:accept acts, every other role is refused with 403 and nothing changes', async () => {
    for (const role of ROLES) {
      const res = await world.sessions[role].request('POST', BATCH, {
        dataSet: 'DISTRICT_MONTHLY',
        period,
        action: 'accept',
        rows: [{ orgUnit: district['440106'], version: 99 }],
      });
      if (ROLE_DEFINITIONS[role].permissions.includes('report:accept')) {
        expect(res.statusCode, role).toBe(200);
        expect(res.json().results[0].error.code, role).toBe('STALE_VERSION');
      } else expect(res.statusCode, role).toBe(403);
    }
    expect(await stateOf('440106')).toBe('approved');
  });
});
