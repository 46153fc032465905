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

interface Note {
  kind: string;
  titleZh: string;
  bodyZh: string;
  link: string | null;
}

// Issue #12 item 2: each project step notifies the people who act next, in its district only,
// with an e-mail copy, and inside the step's transaction.
describe('project notifications (#12 item 2)', () => {
  let ctx: TestContext;
  let ent: Session;
  let hp: Session;
  let th: Session;
  let admin: Session;
  let enterpriseId: string;

  const inbox = async (s: Session): Promise<Note[]> => (await s.request('GET', '/api/notifications?pageSize=100')).json().items;
  const about = (notes: Note[], id: string) => notes.filter((n) => n.link === `/programme/projects/${id}`);
  const act = async (s: Session, id: string, action: string, extra: Record<string, unknown> = {}) => {
    const current = (await s.request('GET', `/api/projects/${id}`)).json();
    const res = await s.request('POST', `/api/projects/${id}/transitions`, { version: current.version, action, ...extra });
    return res;
  };
  const declare = async (title: string) => {
    const res = await ent.request('POST', '/api/projects', { title, scenarios: [{ code: 'S06', category: 'main_production' }] });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    const city = await orgByDivision(ctx, '440100');
    const huangpu = await orgByDivision(ctx, '440112');
    const tianhe = await orgByDivision(ctx, '440106');
    enterpriseId = (await insertEnterprise(ctx, huangpu.id, '黄埔通知测试有限公司', '91440112MA59B7XH31')).id;
    await insertUser(ctx, 'pn.ent', 'enterprise_user', enterpriseId);
    await insertUser(ctx, 'pn.ent.mate', 'enterprise_user', enterpriseId);
    await insertUser(ctx, 'pn.hp', 'district_officer', huangpu.id);
    await insertUser(ctx, 'pn.th', 'district_officer', tianhe.id);
    await insertUser(ctx, 'pn.admin', 'city_admin', city.id);
    await ctx.database.pool.query(
      "UPDATE app_user SET email = username || '@suilian.test' WHERE username IN ('pn.ent', 'pn.ent.mate', 'pn.hp', 'pn.admin')",
    );
    [ent, hp, th, admin] = (await Promise.all(['pn.ent', 'pn.hp', 'pn.th', 'pn.admin'].map((u) => login(ctx, u)))) as [
      Session,
      Session,
      Session,
      Session,
    ];
  });
  afterAll(async () => ctx?.close());

  it('sends a submitted project to its district reviewers, not to another district nor back to the submitter', async () => {
    const id = await declare('黄埔5G质检项目');
    expect((await act(ent, id, 'submit')).statusCode).toBe(200);
    const [forHp] = about(await inbox(hp), id);
    expect(forHp).toMatchObject({ kind: 'project.to_review', titleZh: '项目待区级初审：黄埔5G质检项目' });
    expect(about(await inbox(th), id)).toEqual([]);
    expect(about(await inbox(admin), id)).toEqual([]);
    expect(about(await inbox(ent), id)).toEqual([]);
    // The e-mail copy waits in the outbox for the reviewer with an address.
    const outbox = (await admin.request('GET', '/api/notifications/outbox?pageSize=100')).json();
    expect(outbox.items.filter((m: { toAddress: string; subject: string }) => m.toAddress === 'pn.hp@suilian.test')).toEqual([
      expect.objectContaining({ subject: '[穗联] 项目待区级初审：黄埔5G质检项目', status: 'queued' }),
    ]);
  });

  it('tells the enterprise why a project was returned, and the city of a forwarded one', async () => {
    const id = await declare('黄埔退回测试项目');
    await act(ent, id, 'submit');
    expect((await act(hp, id, 'return', { comment: '请补充网络拓扑图' })).statusCode).toBe(200);
    const [returned] = about(await inbox(ent), id);
    expect(returned).toMatchObject({ kind: 'project.returned', titleZh: '项目被退回修改：黄埔退回测试项目' });
    expect(returned?.bodyZh).toContain('退回意见（pn.hp，');
    expect(returned?.bodyZh).toContain('请补充网络拓扑图');
    // Every user of the enterprise hears it, the colleague's e-mail included.
    const outbox = (await admin.request('GET', '/api/notifications/outbox?pageSize=100')).json();
    expect(
      outbox.items.some(
        (m: { toAddress: string; subject: string }) => m.toAddress === 'pn.ent.mate@suilian.test' && m.subject.includes('退回'),
      ),
    ).toBe(true);

    await act(ent, id, 'submit');
    // Newest first: the resubmission, then the first submission.
    expect(about(await inbox(hp), id).map((n) => n.bodyZh)).toEqual([
      expect.stringContaining('修改后重新提交了'),
      expect.not.stringContaining('修改后重新提交了'),
    ]);
    await act(hp, id, 'forward');
    expect(about(await inbox(admin), id)).toEqual([expect.objectContaining({ kind: 'project.to_review' })]);
    expect(about(await inbox(ent), id).map((n) => n.kind)).toEqual(['project.progress', 'project.returned']);
    expect(about(await inbox(th), id)).toEqual([]);

    await act(admin, id, 'reject', { comment: '不符合申报条件' });
    const rejected = about(await inbox(ent), id).find((n) => n.kind === 'project.rejected');
    expect(rejected?.bodyZh).toContain('不符合申报条件');
    expect(about(await inbox(hp), id).map((n) => n.kind)).toContain('project.rejected');
    expect(about(await inbox(th), id)).toEqual([]);
  });

  it('leaves no notification when the step is rolled back', async () => {
    const id = await declare('黄埔回滚测试项目');
    // The reviewer's e-mail copy cannot be queued: the whole step fails after the in-app row was written.
    await ctx.database.pool.query(`
      CREATE FUNCTION pn_refuse_mail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.to_address = 'pn.hp@suilian.test' THEN RAISE EXCEPTION 'mail refused for the test'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER pn_refuse_mail BEFORE INSERT ON mail_outbox FOR EACH ROW EXECUTE FUNCTION pn_refuse_mail();`);
    try {
      expect((await act(ent, id, 'submit')).statusCode).toBe(500);
    } finally {
      await ctx.database.pool.query('DROP TRIGGER pn_refuse_mail ON mail_outbox; DROP FUNCTION pn_refuse_mail();');
    }
    expect((await ent.request('GET', `/api/projects/${id}`)).json().state).toBe('draft');
    const { rows } = await ctx.database.pool.query(
      "SELECT count(*)::int AS n FROM notification WHERE link = '/programme/projects/' || $1",
      [id],
    );
    expect(rows[0].n).toBe(0);
  });
});
