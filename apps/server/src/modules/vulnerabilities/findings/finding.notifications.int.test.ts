import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  insertEnterprise,
  insertUser,
  login,
  orgByDivision,
  type Session,
  type TestContext,
} from '../../../../test/harness.js';
import { testCreditCode, uploadAs } from '../../../../test/imports.js';
import { manualClock } from '../../../platform/clock.js';
import { REFERENCE_DIR } from '../../../platform/paths.js';

interface Note {
  kind: string;
  titleZh: string;
  link: string | null;
}

const SINEMA = 'SINEMA Remote Connect Server';
const NAMES = ['analyst', 'officer', 'officer2', 'ent1', 'ent1b', 'ent2'] as const;

// Issue #12 item 2: an enterprise hears of its new findings, of a deadline coming up (once) and of a
// missed one; other enterprises and districts do not; e-mail copies; nothing when the change rolls back.
describe('finding notifications (#12 item 2)', () => {
  const clock = manualClock(new Date('2026-11-20T02:00:00Z'));
  let ctx: TestContext;
  const s: Record<string, Session> = {};
  let e1 = '';
  const as = (name: (typeof NAMES)[number]) => s[name] as Session;
  const inbox = async (name: (typeof NAMES)[number], kind: string): Promise<Note[]> =>
    (await as(name).request('GET', '/api/notifications?pageSize=100')).json().items.filter((n: Note) => n.kind === kind);
  const createAsset = (host: string) =>
    as('ent1').request('POST', '/api/security/assets', {
      zone: 'OT',
      criticality: 'high',
      vendor: '西门子',
      product: SINEMA,
      firmwareVersion: 'V3.1',
      host,
    });
  const sweep = async () => {
    const res = await as('analyst').request('POST', '/api/security/sla/sweep');
    expect(res.statusCode, res.body).toBe(200);
  };
  const relogin = async () => {
    for (const name of NAMES) s[name] = await login(ctx, `fn.${name}`);
  };

  beforeAll(async () => {
    ctx = await createTestApp({ clock });
    const city = await orgByDivision(ctx, '440100');
    const hp = await orgByDivision(ctx, '440112');
    const th = await orgByDivision(ctx, '440106');
    e1 = (await insertEnterprise(ctx, hp.id, '黄埔通知控制有限公司', testCreditCode(911, '91440112'))).id;
    const e2 = (await insertEnterprise(ctx, th.id, '天河通知制造有限公司', testCreditCode(912, '91440106'))).id;
    const roles: Record<(typeof NAMES)[number], [Parameters<typeof insertUser>[2], string]> = {
      analyst: ['security_analyst', city.id],
      officer: ['district_officer', hp.id],
      officer2: ['district_officer', th.id],
      ent1: ['enterprise_user', e1],
      ent1b: ['enterprise_user', e1],
      ent2: ['enterprise_user', e2],
    };
    for (const name of NAMES) await insertUser(ctx, `fn.${name}`, ...roles[name]);
    await ctx.database.pool.query("UPDATE app_user SET email = username || '@suilian.test' WHERE username LIKE 'fn.%'");
    await relogin();
    const csaf = readFileSync(join(REFERENCE_DIR, 'csaf', 'icsa-24-256-01.json'));
    expect((await uploadAs(ctx, as('analyst'), '/api/security/advisories/csaf', 'icsa-24-256-01.json', csaf)).statusCode).toBe(200);
    const alias = await as('analyst').request('POST', '/api/security/vendor-aliases', { canonical: 'Siemens', names: ['西门子'] });
    expect(alias.statusCode, alias.body).toBe(201);
  });
  afterAll(async () => ctx?.close());

  it('tells every user of the enterprise of a new finding, and no other enterprise', async () => {
    expect((await createAsset('10.0.0.5')).statusCode).toBe(201);
    const [note] = await inbox('ent1b', 'security.finding_assigned');
    expect(note).toMatchObject({ titleZh: '1 项漏洞发现待处置', link: `/security/findings?enterpriseId=${e1}&open=true` });
    expect(await inbox('ent1', 'security.finding_assigned')).toHaveLength(1);
    expect(await inbox('ent2', 'security.finding_assigned')).toEqual([]);
    expect(await inbox('officer2', 'security.finding_assigned')).toEqual([]);
    const { rows } = await ctx.database.pool.query(
      "SELECT count(*)::int AS n FROM mail_outbox WHERE to_address = 'fn.ent1b@suilian.test' AND subject = '[穗联] 1 项漏洞发现待处置'",
    );
    expect(rows[0].n).toBe(1);
  });

  it('reminds the enterprise once before the deadline, then tells it when the deadline is missed', async () => {
    const [finding] = (await as('ent1').request('GET', '/api/security/findings?pageSize=10')).json().items;
    const due = new Date(finding.slaDueAt);
    clock.set(new Date(due.getTime() - 2 * 86_400_000));
    await relogin();
    await sweep();
    await sweep();
    const reminders = await inbox('ent1', 'security.finding_due');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.titleZh).toBe(`漏洞整改将于 ${finding.slaDueAt.slice(0, 10)} 到期`);
    expect(reminders[0]?.link).toBe(`/security/findings?assetId=${finding.assetId}&vulnerabilityId=${finding.vulnerabilityId}`);
    expect(await inbox('ent2', 'security.finding_due')).toEqual([]);

    clock.set(new Date(due.getTime() + 86_400_000));
    await relogin();
    await sweep();
    await sweep();
    const overdue = await inbox('ent1b', 'security.finding_overdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]?.link).toBe(`/security/findings?enterpriseId=${e1}&overdue=true`);
    expect(await inbox('officer', 'security.finding_overdue')).toHaveLength(1);
    expect(await inbox('ent2', 'security.finding_overdue')).toEqual([]);
    expect(await inbox('officer2', 'security.finding_overdue')).toEqual([]);
  });

  it('leaves no notification when the change that found it is rolled back', async () => {
    const before = (await inbox('ent1', 'security.finding_assigned')).length;
    await ctx.database.pool.query(`
      CREATE FUNCTION fn_refuse_mail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.to_address = 'fn.ent1b@suilian.test' THEN RAISE EXCEPTION 'mail refused for the test'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER fn_refuse_mail BEFORE INSERT ON mail_outbox FOR EACH ROW EXECUTE FUNCTION fn_refuse_mail();`);
    try {
      expect((await createAsset('10.0.0.9')).statusCode).toBe(500);
    } finally {
      await ctx.database.pool.query('DROP TRIGGER fn_refuse_mail ON mail_outbox; DROP FUNCTION fn_refuse_mail();');
    }
    expect(await inbox('ent1', 'security.finding_assigned')).toHaveLength(before);
    const assets = (await as('ent1').request('GET', '/api/security/assets?pageSize=100')).json();
    expect(assets.items.map((a: { host: string }) => a.host)).not.toContain('10.0.0.9');
  });
});
