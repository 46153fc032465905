import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertUser, login, orgByDivision, type Session, type TestContext } from '../../../test/harness.js';
import { manualClock } from '../../platform/clock.js';

// Issue #12 item 4: a value out of its element's range or not of its type is refused, naming the
// element and the rule — never clamped — and nothing of the refused save is stored.
describe('monthly form values are refused, never changed (#12 item 4)', () => {
  const clock = manualClock(new Date('2026-02-03T02:00:00Z'));
  let ctx: TestContext;
  let officer: Session;
  const url = '/api/reporting/forms/DISTRICT_MONTHLY/202601';
  const save = (values: Record<string, string | null>) =>
    officer.request('PUT', `${url}/values`, { values: Object.entries(values).map(([element, value]) => ({ element, value })) });
  const stored = async () =>
    Object.fromEntries(
      ((await officer.request('GET', url)).json().cells as Array<{ element: string; value: string | null }>).map((c) => [
        c.element,
        c.value,
      ]),
    );

  beforeAll(async () => {
    ctx = await createTestApp({ clock });
    const huangpu = await orgByDivision(ctx, '440112');
    await insertUser(ctx, 'v.hp', 'district_officer', huangpu.id);
    officer = await login(ctx, 'v.hp');
  });
  afterAll(() => ctx.close());

  it('refuses 120 %, -3 and "abc" with every element named, and stores none of the batch', async () => {
    const res = await save({ BS5G_SMALL: '5', FIBRE_GIGABIT_COVERAGE: '120', BS5G_TOTAL: '-3', BS5G_MACRO: 'abc' });
    expect(res.statusCode).toBe(422);
    const error = res.json().error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.issues).toEqual([
      { field: 'values.1.value', rule: 'percentage', message: expect.stringContaining('FIBRE_GIGABIT_COVERAGE') },
      { field: 'values.2.value', rule: 'integer', message: expect.stringContaining('BS5G_TOTAL') },
      { field: 'values.3.value', rule: 'integer', message: expect.stringContaining('BS5G_MACRO') },
    ]);
    const after = await stored();
    expect(after).toMatchObject({ BS5G_SMALL: null, FIBRE_GIGABIT_COVERAGE: null, BS5G_TOTAL: null, BS5G_MACRO: null });
    const audited = await ctx.database.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'report.values_save'");
    expect(audited.rows[0].n).toBe(0);
  });

  it('stores in-range values exactly as typed (100 stays 100, 0 stays 0)', async () => {
    const res = await save({ FIBRE_GIGABIT_COVERAGE: '100', BS5G_TOTAL: '0', BS5G_SMALL: '0' });
    expect(res.statusCode).toBe(200);
    expect(await stored()).toMatchObject({ FIBRE_GIGABIT_COVERAGE: '100', BS5G_TOTAL: '0', BS5G_SMALL: '0' });
    // A refused save leaves what was stored before untouched.
    expect((await save({ FIBRE_GIGABIT_COVERAGE: '101', BS5G_TOTAL: null })).statusCode).toBe(422);
    expect(await stored()).toMatchObject({ FIBRE_GIGABIT_COVERAGE: '100', BS5G_TOTAL: '0' });
  });
});
