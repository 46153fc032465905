import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertUser, login, orgByDivision, type Session, type TestContext } from '../../../test/harness.js';
import { manualClock } from '../../platform/clock.js';

// Issue #12 item 6: four eyes on district reports, and the city filling a district's form only on
// its behalf (代填), recorded as such.
describe('district reports: four eyes and entries on behalf', () => {
  const clock = manualClock(new Date('2026-02-03T02:00:00Z'));
  let ctx: TestContext;
  let huangpu: string;
  let tianhe: string;
  const s: Record<string, Session> = {};
  const FORM = '/api/reporting/forms/DISTRICT_MONTHLY';
  const values = { BS5G_TOTAL: '1200', BS5G_MACRO: '900', BS5G_SMALL: '300' };

  const read = async (period: string, org = huangpu) => (await s.admin?.request('GET', `${FORM}/${period}?orgUnit=${org}`))?.json();
  const save = (who: string, period: string, extra: Record<string, unknown> = {}) =>
    (s[who] as Session).request('PUT', `${FORM}/${period}/values`, {
      values: Object.entries(values).map(([element, value]) => ({ element, value })),
      ...extra,
    });
  const act = async (who: string, period: string, action: string, extra: Record<string, unknown> = {}) => {
    const version = (await read(period, typeof extra.orgUnit === 'string' ? extra.orgUnit : huangpu)).version;
    return (s[who] as Session).request('POST', `${FORM}/${period}/actions`, { action, version, ...extra });
  };

  beforeAll(async () => {
    ctx = await createTestApp({ clock });
    const city = await orgByDivision(ctx, '440100');
    huangpu = (await orgByDivision(ctx, '440112')).id;
    tianhe = (await orgByDivision(ctx, '440106')).id;
    await insertUser(ctx, 'fe.th', 'district_officer', tianhe);
    await insertUser(ctx, 'fe.hp', 'district_officer', huangpu);
    await insertUser(ctx, 'fe.hp2', 'district_officer', huangpu);
    await insertUser(ctx, 'fe.admin', 'city_admin', city.id);
    await insertUser(ctx, 'fe.admin2', 'city_admin', city.id);
    s.hp = await login(ctx, 'fe.hp');
    s.hp2 = await login(ctx, 'fe.hp2');
    s.th = await login(ctx, 'fe.th');
    s.admin = await login(ctx, 'fe.admin');
    s.admin2 = await login(ctx, 'fe.admin2');
  });
  afterAll(() => ctx.close());

  it('refuses the submitter approving their own form and lets a colleague approve it', async () => {
    expect((await save('hp', '202601')).statusCode).toBe(200);
    expect((await act('hp', '202601', 'complete')).statusCode).toBe(200);
    const own = await act('hp', '202601', 'approve');
    expect(own.statusCode).toBe(409);
    expect(own.json().error.details.reason).toEqual({ code: 'report.four_eyes', params: { submitter: 'fe.hp' } });
    expect((await read('202601')).state).toBe('completed');
    // The city administrator who did not submit it may approve too; here the colleague does.
    const approved = await act('hp2', '202601', 'approve');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().form).toMatchObject({ state: 'approved', completedBy: 'fe.hp', approvedBy: 'fe.hp2', completedOnBehalf: false });
  });

  it('refuses the city filling a district form unless it says it acts on the district’s behalf, then records it', async () => {
    const period = '202601';
    const plain = await save('admin', period, { orgUnit: tianhe });
    expect(plain.statusCode).toBe(409);
    expect(plain.json().error.details.reason).toEqual({ code: 'report.on_behalf_required', params: { district: '天河区' } });
    expect((await read(period, tianhe)).cells.every((c: { value: string | null }) => c.value === null)).toBe(true);

    const behalf = await save('admin', period, { orgUnit: tianhe, onBehalf: true });
    expect(behalf.statusCode, behalf.body).toBe(200);
    const total = behalf.json().cells.find((c: { element: string }) => c.element === 'BS5G_TOTAL');
    expect(total).toMatchObject({ value: '1200', onBehalf: true });

    expect((await act('admin', period, 'complete', { orgUnit: tianhe })).json().error.details.reason.code).toBe(
      'report.on_behalf_required',
    );
    const completed = await act('admin', period, 'complete', { orgUnit: tianhe, onBehalf: true });
    expect(completed.json().form).toMatchObject({ state: 'completed', completedBy: 'fe.admin', completedOnBehalf: true });
    // Four eyes hold for the city as well: the administrator who filled it does not approve it.
    expect((await act('admin', period, 'approve', { orgUnit: tianhe })).json().error.details.reason.code).toBe('report.four_eyes');
    expect((await act('admin2', period, 'approve', { orgUnit: tianhe })).json().form.state).toBe('approved');

    // The record says so in the database and in the audit trail: the flag and the district acted for.
    const stored = await ctx.database.pool.query(
      "SELECT on_behalf, on_behalf_of FROM data_value WHERE period = $1 AND org_id = $2 AND data_element_code = 'BS5G_TOTAL'",
      [period, tianhe],
    );
    expect(stored.rows[0]).toEqual({ on_behalf: true, on_behalf_of: tianhe });
    const registration = await ctx.database.pool.query(
      'SELECT completed_on_behalf, completed_on_behalf_of FROM data_registration WHERE period = $1 AND org_id = $2',
      [period, tianhe],
    );
    expect(registration.rows[0]).toEqual({ completed_on_behalf: true, completed_on_behalf_of: tianhe });
    const audit = (await s.admin?.request('GET', `/api/audit?entityType=data_set&entityId=DISTRICT_MONTHLY:${period}:${tianhe}`))?.json();
    const saved = audit.items.find((e: { action: string }) => e.action === 'report.values_save');
    expect(saved.after).toMatchObject({ onBehalf: true, onBehalfOf: tianhe });

    // A district officer's own later entry is no longer marked as the city's.
    await act('th', period, 'unapprove', { comment: '复核', orgUnit: tianhe });
    await act('th', period, 'uncomplete', { orgUnit: tianhe });
    const own = await save('th', period);
    expect(own.json().cells.find((c: { element: string }) => c.element === 'BS5G_TOTAL').onBehalf).toBe(false);
  });
});
