import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertUser, login, orgByDivision, type Session, type TestContext } from '../../../test/harness.js';
import { manualClock } from '../../platform/clock.js';

// Issue #4 item 4: due and overdue reports raise reminders (in-app, and e-mail through the outbox),
// once per (data set, period, district, kind).
describe('reporting reminders', () => {
  const clock = manualClock(new Date('2026-09-12T02:00:00Z'));
  let ctx: TestContext;
  let admin: Session;
  let hp: Session;
  let th: Session;
  let huangpuId: string;
  let tianheId: string;
  const run = (s: Session) => s.request('POST', '/api/reporting/reminders/run');
  const mine = async (s: Session) => (await s.request('GET', '/api/notifications?pageSize=50')).json();

  beforeAll(async () => {
    ctx = await createTestApp({ clock, env: { REMINDER_INTERVAL_MINUTES: '0', REMINDER_DAYS_BEFORE: '3' } });
    const city = await orgByDivision(ctx, '440100');
    huangpuId = (await orgByDivision(ctx, '440112')).id;
    tianheId = (await orgByDivision(ctx, '440106')).id;
    await insertUser(ctx, 'rm.admin', 'city_admin', city.id);
    await insertUser(ctx, 'rm.hp', 'district_officer', huangpuId);
    await insertUser(ctx, 'rm.th', 'district_officer', tianheId);
    await ctx.database.pool.query("UPDATE app_user SET email = 'hp@suilian.test' WHERE username = 'rm.hp'");
    // Tianhe has completed August; Huangpu has not.
    await ctx.database.pool.query(
      "INSERT INTO data_registration (data_set_code, period, org_id, state, completed_by, completed_at) VALUES ('DISTRICT_MONTHLY', '202608', $1, 'completed', 'rm.th', now())",
      [tianheId],
    );
    [admin, hp, th] = [await login(ctx, 'rm.admin'), await login(ctx, 'rm.hp'), await login(ctx, 'rm.th')];
  });
  afterAll(async () => ctx?.close());

  it('may be run by a city administrator only', async () => {
    expect((await run(hp)).statusCode).toBe(403);
  });

  it('reminds a district whose form closes within the configured days, not one that completed it', async () => {
    const result = (await run(admin)).json();
    expect(result.today).toBe('2026-09-12');
    const august = result.sent.filter((s: { period: string }) => s.period === '202608');
    expect(august.every((s: { kind: string; deadline: string }) => s.kind === 'due' && s.deadline === '2026-09-15')).toBe(true);
    expect(august.map((s: { orgId: string }) => s.orgId)).toContain(huangpuId);
    expect(august.map((s: { orgId: string }) => s.orgId)).not.toContain(tianheId);
    expect(august.find((s: { orgId: string }) => s.orgId === huangpuId).recipients).toBe(1);
    // Districts without officers were told nothing, so nothing is recorded as sent for them.
    expect(result.sent.every((s: { orgId: string }) => s.orgId === huangpuId || s.orgId === tianheId)).toBe(true);

    const page = await mine(hp);
    const due = page.items.find((n: { kind: string }) => n.kind === 'reporting.due');
    expect(due).toMatchObject({
      titleZh: '黄埔区2026年8月区级月度报表将于 2026-09-15 截止',
      link: `/indicators/reporting?period=202608&district=${huangpuId}`,
    });
    expect((await mine(th)).items.filter((n: { kind: string }) => n.kind === 'reporting.due')).toHaveLength(0);
    // The e-mail copy waits in the outbox: no SMTP is configured here.
    const outbox = (await admin.request('GET', '/api/notifications/outbox')).json();
    expect(outbox.smtpConfigured).toBe(false);
    expect(
      outbox.items.filter((m: { toAddress: string; status: string }) => m.toAddress === 'hp@suilian.test' && m.status === 'queued').length,
    ).toBe(page.total);
  });

  it('sends nothing twice', async () => {
    const before = (await mine(hp)).total;
    expect((await run(admin)).json().sent).toEqual([]);
    expect((await mine(hp)).total).toBe(before);
  });

  it('reminds again, once, when the form becomes overdue', async () => {
    const before = (await mine(hp)).total;
    clock.set(new Date('2026-09-16T01:00:00Z'));
    admin = await login(ctx, 'rm.admin'); // four days on: the old session has expired
    hp = await login(ctx, 'rm.hp');
    const sent = (await run(admin)).json().sent;
    expect(sent.filter((s: { orgId: string }) => s.orgId === huangpuId)).toEqual([
      { dataSet: 'DISTRICT_MONTHLY', period: '202608', orgId: huangpuId, kind: 'overdue', deadline: '2026-09-15', recipients: 1 },
    ]);
    expect(sent.filter((s: { orgId: string }) => s.orgId === tianheId)).toEqual([]);
    expect((await mine(hp)).items[0]).toMatchObject({
      kind: 'reporting.overdue',
      titleEn: 'District monthly report for 2026-08 (Huangpu) is overdue',
    });
    expect((await mine(hp)).total).toBe(before + 1);
    expect((await run(admin)).json().sent).toEqual([]);
    const audit = await ctx.database.pool.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'reporting.reminder.overdue' AND entity_id = $1",
      [`DISTRICT_MONTHLY/202608/${huangpuId}`],
    );
    expect(audit.rows[0].n).toBe(1);
  });
});
