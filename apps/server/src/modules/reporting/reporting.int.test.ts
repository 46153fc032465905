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

// Issue #4 item 4: the district monthly report — entry with history, validation on completion,
// complete → approve → accept, locks that say why, lock exceptions.
describe('district monthly report', () => {
  const clock = manualClock(new Date('2026-02-03T02:00:00Z'));
  let ctx: TestContext;
  let officer: Session;
  let other: Session;
  let colleague: Session;
  let admin: Session;
  let ent: Session;
  let huangpuId: string;
  const form = (s: Session, period: string, org = '') =>
    s.request('GET', `/api/reporting/forms/DISTRICT_MONTHLY/${period}${org ? `?orgUnit=${org}` : ''}`);
  const save = (s: Session, period: string, values: Record<string, string | null>, orgUnit?: string) =>
    s.request('PUT', `/api/reporting/forms/DISTRICT_MONTHLY/${period}/values`, {
      ...(orgUnit ? { orgUnit } : {}),
      values: Object.entries(values).map(([element, value]) => ({ element, value })),
    });
  const act = async (s: Session, period: string, action: string, comment?: string, orgUnit?: string) => {
    const version = (await form(admin, period, huangpuId)).json().version;
    return s.request('POST', `/api/reporting/forms/DISTRICT_MONTHLY/${period}/actions`, {
      action,
      version,
      ...(comment ? { comment } : {}),
      ...(orgUnit ? { orgUnit } : {}),
    });
  };

  beforeAll(async () => {
    ctx = await createTestApp({ clock });
    const city = await orgByDivision(ctx, '440100');
    const huangpu = await orgByDivision(ctx, '440112');
    huangpuId = huangpu.id;
    const tianhe = await orgByDivision(ctx, '440106');
    const e = await insertEnterprise(ctx, huangpu.id, '报表企业', '91440112MA59B7XH31');
    await insertUser(ctx, 'r.hp', 'district_officer', huangpu.id);
    await insertUser(ctx, 'r.hp2', 'district_officer', huangpu.id);
    colleague = await login(ctx, 'r.hp2');
    await insertUser(ctx, 'r.th', 'district_officer', tianhe.id);
    await insertUser(ctx, 'r.admin', 'city_admin', city.id);
    await insertUser(ctx, 'r.ent', 'enterprise_user', e.id);
    [officer, other, admin, ent] = [
      await login(ctx, 'r.hp'),
      await login(ctx, 'r.th'),
      await login(ctx, 'r.admin'),
      await login(ctx, 'r.ent'),
    ];
    await ctx.database.pool.query(
      "INSERT INTO data_value (data_element_code, period, org_id, value, stored_by, updated_at) VALUES ('BS5G_TOTAL', '202512', $1, '1100', 'seed', now())",
      [huangpu.id],
    );
  });
  afterAll(() => ctx.close());

  it('opens last month’s form with its history and deadline', async () => {
    const res = (await form(officer, '202601')).json();
    expect(res).toMatchObject({
      dataSet: 'DISTRICT_MONTHLY',
      period: '202601',
      orgUnitName: '黄埔区',
      state: 'open',
      entry: { open: true, deadline: '2026-02-15' },
    });
    const total = res.cells.find((c: { element: string }) => c.element === 'BS5G_TOTAL');
    expect(total.history).toHaveLength(12);
    expect(total.history.at(-1)).toEqual({ period: '202512', value: '1100' });
    expect((await form(officer, '202602')).json().entry).toMatchObject({ open: false, reason: 'future' });
  });

  it('refuses wrong values naming the cell, and elements not on the form', async () => {
    const bad = await save(officer, '202601', { BS5G_TOTAL: '12.5' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.issues[0]).toMatchObject({ field: 'values.0.value', rule: 'integer' });
    const foreign = await save(officer, '202601', { NOT_ON_FORM: '1' });
    expect(foreign.json().error.details.issues[0]).toMatchObject({ rule: 'in_data_set' });
    const pct = await save(officer, '202601', { FIBRE_GIGABIT_COVERAGE: '120' });
    expect(pct.json().error.details.issues[0].rule).toBe('percentage');
  });

  it('runs the validation rules on completion, rule by rule', async () => {
    expect((await save(officer, '202601', { BS5G_TOTAL: '1000', BS5G_MACRO: '700', BS5G_SMALL: '200' })).statusCode).toBe(200);
    const refused = await act(officer, '202601', 'complete');
    expect(refused.statusCode).toBe(422);
    const results = refused.json().error.details.validation;
    const byRule = Object.fromEntries(results.map((r: { rule: string; status: string }) => [r.rule, r.status]));
    expect(byRule).toMatchObject({ BS5G_NEVER_FALLS: 'failed', BS5G_CATEGORIES_SUM: 'failed', BS5GA_WITHIN_TOTAL: 'skipped' });
    expect((await form(officer, '202601')).json().state).toBe('open');
    await save(officer, '202601', { BS5G_TOTAL: '1200', BS5G_MACRO: '900', BS5G_SMALL: '300' });
    const done = await act(officer, '202601', 'complete');
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().form.state).toBe('completed');
  });

  it('approves in the district, accepts in the city, and locks with the reason', async () => {
    expect((await act(officer, '202601', 'accept')).statusCode).toBe(403);
    // Four eyes (#12 item 6): the officer who completed the form does not approve it; a colleague does.
    expect((await act(officer, '202601', 'approve')).json().error.details.reason).toEqual({
      code: 'report.four_eyes',
      params: { submitter: 'r.hp' },
    });
    expect((await act(colleague, '202601', 'approve')).json().form.state).toBe('approved');
    const accepted = await act(admin, '202601', 'accept', undefined, huangpuId);
    expect(accepted.json().form).toMatchObject({ state: 'accepted', entry: { open: false, reason: 'accepted' } });
    const locked = await save(officer, '202601', { BS5G_TOTAL: '5000' });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.details.entry.reason).toBe('accepted');
    expect(locked.json().error.details.reason.code).toBe('reporting.locked_accepted');
    expect((await act(admin, '202601', 'unaccept', undefined, huangpuId)).json().error.details.rule).toBe('comment');
    expect((await act(admin, '202601', 'unaccept', '区级数据需复核', huangpuId)).json().form.state).toBe('approved');
    const indicator = (await admin.request('GET', '/api/indicators/T-INF-1')).json();
    expect(indicator.value).toBe(1200);
  });

  it('locks an expired period until the city grants an exception', async () => {
    const expired = await save(officer, '202512', { BS5G_TOTAL: '1150' });
    expect(expired.statusCode).toBe(409);
    expect(expired.json().error.details.entry).toMatchObject({ open: false, reason: 'expired', since: '2026-01-16' });
    expect(expired.json().error.details.reason).toEqual({ code: 'reporting.locked_expired', params: { since: '2026-01-16', until: null } });
    const grant = await admin.request('POST', '/api/reporting/lock-exceptions', {
      dataSet: 'DISTRICT_MONTHLY',
      period: '202512',
      orgUnit: huangpuId,
      reason: '补报',
      expiresOn: '2026-02-10',
    });
    expect(grant.statusCode).toBe(201);
    expect((await save(officer, '202512', { BS5G_TOTAL: '1150' })).statusCode).toBe(200);
  });

  it('reports completeness and timeliness per district', async () => {
    const rows = (await admin.request('GET', '/api/reporting/completeness?dataSet=DISTRICT_MONTHLY&from=202512&to=202601')).json();
    expect(rows).toHaveLength(11);
    const hp = rows.find((r: { orgUnit: string }) => r.orgUnit === huangpuId);
    expect(hp).toMatchObject({ expected: 2, completed: 1, onTime: 1, completeness: 0.5, timeliness: 0.5 });
    const own = (await officer.request('GET', '/api/reporting/completeness?dataSet=DISTRICT_MONTHLY&from=202512&to=202601')).json();
    expect(own.map((r: { orgUnit: string }) => r.orgUnit)).toEqual([huangpuId]);
    expect((await ent.request('GET', '/api/reporting/completeness?dataSet=DISTRICT_MONTHLY&from=202512&to=202601')).statusCode).toBe(403);
  });

  it('keeps districts apart and reports away from enterprises', async () => {
    expect((await form(other, '202601', huangpuId)).statusCode).toBe(404);
    expect((await form(other, '202601')).json().orgUnitName).toBe('天河区');
    expect((await form(ent, '202601')).statusCode).toBe(403);
    expect((await form(admin, '202601')).json().error.details.issues[0].field).toBe('orgUnit');
    expect((await form(admin, '2026Q1', huangpuId)).statusCode).toBe(422);
  });
});
