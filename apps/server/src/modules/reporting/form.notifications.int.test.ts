import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertUser, login, orgByDivision, type Session, type TestContext } from '../../../test/harness.js';
import { manualClock } from '../../platform/clock.js';

interface Note {
  kind: string;
  titleZh: string;
  bodyZh: string;
  link: string | null;
}

// Issue #12 item 2: each step of a district form notifies its approvers, the city or the district,
// within the district only, with an e-mail copy, inside the step's transaction.
describe('reporting notifications (#12 item 2)', () => {
  const clock = manualClock(new Date('2026-02-03T02:00:00Z'));
  let ctx: TestContext;
  let hp1: Session;
  let hp2: Session;
  let th: Session;
  let admin: Session;
  let huangpuId: string;
  const PERIOD = '202601';

  const inbox = async (s: Session): Promise<Note[]> => (await s.request('GET', '/api/notifications?pageSize=100')).json().items;
  const kinds = async (s: Session) => (await inbox(s)).map((n) => n.kind);
  const act = async (s: Session, action: string, comment?: string) => {
    const version = (await admin.request('GET', `/api/reporting/forms/DISTRICT_MONTHLY/${PERIOD}?orgUnit=${huangpuId}`)).json().version;
    return s.request('POST', `/api/reporting/forms/DISTRICT_MONTHLY/${PERIOD}/actions`, {
      action,
      version,
      ...(comment ? { comment } : {}),
      ...(s === admin ? { orgUnit: huangpuId } : {}),
    });
  };

  beforeAll(async () => {
    ctx = await createTestApp({ clock, env: { REMINDER_INTERVAL_MINUTES: '0' } });
    const city = await orgByDivision(ctx, '440100');
    huangpuId = (await orgByDivision(ctx, '440112')).id;
    const tianhe = await orgByDivision(ctx, '440106');
    await insertUser(ctx, 'rn.hp1', 'district_officer', huangpuId);
    await insertUser(ctx, 'rn.hp2', 'district_officer', huangpuId);
    await insertUser(ctx, 'rn.th', 'district_officer', tianhe.id);
    await insertUser(ctx, 'rn.admin', 'city_admin', city.id);
    await ctx.database.pool.query("UPDATE app_user SET email = username || '@suilian.test' WHERE username LIKE 'rn.%'");
    [hp1, hp2, th, admin] = (await Promise.all(['rn.hp1', 'rn.hp2', 'rn.th', 'rn.admin'].map((u) => login(ctx, u)))) as [
      Session,
      Session,
      Session,
      Session,
    ];
    await ctx.database.pool.query(
      "INSERT INTO data_value (data_element_code, period, org_id, value, stored_by, updated_at) VALUES ('BS5G_TOTAL', '202512', $1, '1100', 'seed', now())",
      [huangpuId],
    );
    const saved = await hp1.request('PUT', `/api/reporting/forms/DISTRICT_MONTHLY/${PERIOD}/values`, {
      values: [
        { element: 'BS5G_TOTAL', value: '1200' },
        { element: 'BS5G_MACRO', value: '900' },
        { element: 'BS5G_SMALL', value: '300' },
      ],
    });
    expect(saved.statusCode).toBe(200);
  });
  afterAll(async () => ctx?.close());

  it('asks the district’s other officers to approve a submitted form, nobody else', async () => {
    const res = await act(hp1, 'complete');
    expect(res.statusCode, res.body).toBe(200);
    const [note] = await inbox(hp2);
    expect(note).toMatchObject({
      kind: 'reporting.to_approve',
      titleZh: '报表待审批：黄埔区2026年1月区级月度报表',
      link: `/indicators/reporting?period=202601&district=${huangpuId}`,
    });
    expect(note?.bodyZh).toContain('当前状态：已提交');
    expect(await kinds(hp1)).not.toContain('reporting.to_approve');
    expect(await kinds(th)).toEqual([]);
    expect(await kinds(admin)).not.toContain('reporting.to_approve');
    const outbox = (await admin.request('GET', '/api/notifications/outbox?pageSize=100')).json();
    expect(outbox.items.map((m: { toAddress: string; subject: string }) => [m.toAddress, m.subject])).toContainEqual([
      'rn.hp2@suilian.test',
      '[穗联] 报表待审批：黄埔区2026年1月区级月度报表',
    ]);
  });

  it('hands an approved form to the city and tells the district when it is accepted or sent back', async () => {
    expect((await act(hp2, 'approve')).statusCode).toBe(200);
    expect(await kinds(admin)).toContain('reporting.to_accept');
    expect(await kinds(hp1)).toContain('reporting.approved');
    expect(await kinds(th)).toEqual([]);
    expect((await act(admin, 'accept')).statusCode).toBe(200);
    expect(await kinds(hp1)).toContain('reporting.accepted');
    expect(await kinds(hp2)).toContain('reporting.accepted');
    expect((await act(admin, 'unaccept', '基站数与运营商数据不符，请复核')).statusCode).toBe(200);
    const returned = (await inbox(hp1)).find((n) => n.kind === 'reporting.returned');
    expect(returned?.bodyZh).toContain('意见（rn.admin，2026-02-03）：基站数与运营商数据不符，请复核');
    expect(await kinds(th)).toEqual([]);
  });

  it('leaves no notification when the step is rolled back', async () => {
    const before = (await inbox(hp1)).length;
    await ctx.database.pool.query(`
      CREATE FUNCTION rn_refuse_mail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.to_address = 'rn.hp1@suilian.test' THEN RAISE EXCEPTION 'mail refused for the test'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER rn_refuse_mail BEFORE INSERT ON mail_outbox FOR EACH ROW EXECUTE FUNCTION rn_refuse_mail();`);
    try {
      expect((await act(hp2, 'unapprove', '请补充说明')).statusCode).toBe(500);
    } finally {
      await ctx.database.pool.query('DROP TRIGGER rn_refuse_mail ON mail_outbox; DROP FUNCTION rn_refuse_mail();');
    }
    expect((await admin.request('GET', `/api/reporting/forms/DISTRICT_MONTHLY/${PERIOD}?orgUnit=${huangpuId}`)).json().state).toBe(
      'approved',
    );
    expect(await inbox(hp1)).toHaveLength(before);
  });
});
