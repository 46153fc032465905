import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestContext } from '../../../test/harness.js';
import { selectionPeople } from '../../../test/selections.js';
import { manualClock } from '../../platform/clock.js';

interface Note {
  kind: string;
  titleZh: string;
  bodyZh: string;
  link: string | null;
}

// Issue #12 item 2: an assigned expert and those a round's stage concerns are notified, only they,
// with e-mail copies, inside the step's transaction.
describe('selection notifications (#12 item 2)', () => {
  const clock = manualClock(new Date('2026-03-01T02:00:00Z'));
  let ctx: TestContext;
  const s: Record<string, Session> = {};
  const ids: Record<string, string> = {};
  let users: string[] = [];
  const as = (name: string) => s[name] as Session;
  const url = (suffix = '') => `/api/selections/${ids.round}${suffix}`;
  const inbox = async (name: string): Promise<Note[]> => (await as(name).request('GET', '/api/notifications?pageSize=100')).json().items;
  const kinds = async (name: string) =>
    (await inbox(name)).filter((n) => n.link?.startsWith(`/programme/selections/${ids.round}`)).map((n) => n.titleZh);
  const move = async (action: string, extra: Record<string, unknown> = {}) => {
    const version = (await as('sn.admin').request('GET', url())).json().version;
    return as('sn.admin').request('POST', url('/transitions'), { version, action, ...extra });
  };

  beforeAll(async () => {
    ctx = await createTestApp({ clock });
    const people = await selectionPeople(ctx, 'sn', ['xa', 'xb'], '通知企业');
    Object.assign(ids, people.ids);
    Object.assign(s, people.sessions);
    users = people.users;
    await ctx.database.pool.query("UPDATE app_user SET email = username || '@suilian.test' WHERE username LIKE 'sn.%'");
    ids.f1 = (await as('sn.e1').request('POST', '/api/factories', { name: '黄埔通知车间', level: 'workshop' })).json().id;
    const created = await as('sn.admin').request('POST', '/api/selections', {
      title: '2026年5G工厂标杆遴选（通知）',
      kind: 'benchmark_factory',
      subjectType: 'factory',
      year: 2026,
      rubric: [{ key: 'network', nameZh: '网络建设', nameEn: 'Network', weight: 1, maxScore: 10 }],
      deadline: '2026-04-01T00:00:00+08:00',
      quota: 1,
      expertsPerApplication: 1,
    });
    expect(created.statusCode).toBe(201);
    ids.round = created.json().id;
  });
  afterAll(async () => ctx?.close());

  it('tells every district when the call opens, only the applicants’ districts when they must recommend', async () => {
    expect((await move('open')).statusCode).toBe(200);
    expect(await kinds('sn.hp')).toEqual(['遴选开始征集：2026年5G工厂标杆遴选（通知）']);
    expect(await kinds('sn.th')).toEqual(['遴选开始征集：2026年5G工厂标杆遴选（通知）']);
    expect(await kinds('sn.e1')).toEqual([]);
    ids.a1 = (await as('sn.e1').request('POST', url('/applications'), { subjectId: ids.f1, narrative: '5G全连接车间' })).json().id;
    clock.set(new Date('2026-04-02T02:00:00Z'));
    for (const name of users) s[name] = await login(ctx, name); // sessions expire across the clock jump
    expect((await move('close_applications')).statusCode).toBe(200);
    expect(await kinds('sn.hp')).toContain('遴选待区级推荐：2026年5G工厂标杆遴选（通知）');
    expect(await kinds('sn.th')).toHaveLength(1);
  });

  it('tells the assigned expert, by e-mail too, and no other', async () => {
    await as('sn.hp').request('POST', url(`/applications/${ids.a1}/recommendation`), { recommended: true });
    const assigned = await as('sn.admin').request('POST', url(`/applications/${ids.a1}/assignments`), { expertIds: [ids['sn.xa']] });
    expect(assigned.statusCode).toBe(200);
    const [note] = await inbox('sn.xa');
    expect(note).toMatchObject({ kind: 'selection.assigned', link: `/programme/selections/${ids.round}/applications/${ids.a1}` });
    expect(note?.bodyZh).not.toContain('黄埔通知企业');
    expect(await inbox('sn.xb')).toEqual([]);
    const outbox = (await as('sn.admin').request('GET', '/api/notifications/outbox?pageSize=100')).json();
    expect(outbox.items.map((m: { toAddress: string }) => m.toAddress)).toContain('sn.xa@suilian.test');
    expect(outbox.items.map((m: { toAddress: string }) => m.toAddress)).not.toContain('sn.xb@suilian.test');
  });

  it('opens the review to the assigned expert and the recommended applicant', async () => {
    expect((await move('start_review')).statusCode).toBe(200);
    // The manual clock stands still: both notes share a time, so their order is not asserted.
    expect((await kinds('sn.xa')).sort()).toEqual(
      ['专家评审已开始：2026年5G工厂标杆遴选（通知）', '评审任务：2026年5G工厂标杆遴选（通知）'].sort(),
    );
    expect(await kinds('sn.xb')).toEqual([]);
    expect(await kinds('sn.e1')).toEqual(['申报进入专家评审：2026年5G工厂标杆遴选（通知）']);
    expect(await kinds('sn.e2')).toEqual([]);
  });

  it('leaves no notification when the stage change is rolled back', async () => {
    await ctx.database.pool.query(`
      CREATE FUNCTION sn_refuse_mail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.to_address = 'sn.hp@suilian.test' THEN RAISE EXCEPTION 'mail refused for the test'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER sn_refuse_mail BEFORE INSERT ON mail_outbox FOR EACH ROW EXECUTE FUNCTION sn_refuse_mail();`);
    const before = (await inbox('sn.e1')).length;
    try {
      // Closing the review tells the applicants' districts: Huangpu's copy fails, so nothing happens.
      const res = await move('close_review', { overrideReason: '测试回滚' });
      expect(res.statusCode).toBe(500);
    } finally {
      await ctx.database.pool.query('DROP TRIGGER sn_refuse_mail ON mail_outbox; DROP FUNCTION sn_refuse_mail();');
    }
    expect((await as('sn.admin').request('GET', url())).json().stage).toBe('expert_review');
    expect(await inbox('sn.e1')).toHaveLength(before);
    expect((await kinds('sn.hp')).filter((t) => t.startsWith('遴选专家评审结束'))).toEqual([]);
  });
});
