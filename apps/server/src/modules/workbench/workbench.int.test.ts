import type { Workbench } from '@suilian/contracts';
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
import { createRoleWorld, type RoleWorld } from '../../../test/role-world.js';
import { manualClock } from '../../platform/clock.js';

// Issue #12 item 1: every role gets its own to-dos on 工作台, counted by the owning modules within
// the role's reach. The role world lives in 天河; a 黄埔 enterprise and officer hold the records
// that must never show up there.
describe('工作台 to-dos per role (#12 item 1)', () => {
  const now = new Date('2026-09-12T02:00:00Z');
  const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
  let ctx: TestContext;
  let world: RoleWorld;
  let huangpuOfficer: Session;
  let ids: { tianhe: string; huangpu: string; enterprise: string; hpEnterprise: string; expert: string };

  const workbenchOf = async (session: Session): Promise<Workbench> => {
    const res = await session.request('GET', '/api/workbench');
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const kinds = (w: Workbench) => Object.fromEntries(w.items.map((i) => [i.kind, i.count]));
  const item = (w: Workbench, kind: string) => w.items.find((i) => i.kind === kind);

  let projectNo = 0;
  async function project(enterpriseId: string, districtId: string, state: string, enteredDaysAgo: number) {
    projectNo += 1;
    const { rows } = await ctx.database.pool.query(
      `INSERT INTO project (code, title, enterprise_id, district_id, state, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
      [
        `XM2026WB${String(projectNo).padStart(4, '0')}`,
        `工作台测试项目${projectNo}`,
        enterpriseId,
        districtId,
        state,
        daysAgo(enteredDaysAgo + 1),
      ],
    );
    await ctx.database.pool.query(
      `INSERT INTO project_event (project_id, action, to_state, actor_name, actor_role, occurred_at) VALUES ($1, 'test', $2, 'test', 'city_admin', $3)`,
      [rows[0].id, state, daysAgo(enteredDaysAgo)],
    );
  }

  async function registration(orgId: string, period: string, state: 'completed' | 'approved', completedBy: string, daysWaiting: number) {
    await ctx.database.pool.query(
      `INSERT INTO data_registration (data_set_code, period, org_id, state, completed_by, completed_at, approved_by, approved_at)
       VALUES ('DISTRICT_MONTHLY', $1, $2, $3, $4, $5, $6, $7)`,
      [
        period,
        orgId,
        state,
        completedBy,
        daysAgo(daysWaiting),
        state === 'approved' ? 'someone.else' : null,
        state === 'approved' ? daysAgo(daysWaiting) : null,
      ],
    );
  }

  beforeAll(async () => {
    ctx = await createTestApp({ clock: manualClock(now), env: { REMINDER_DAYS_BEFORE: '3', REMINDER_INTERVAL_MINUTES: '0' } });
    world = await createRoleWorld(ctx, { name: '工作台', user: 'wb' });
    const tianhe = await orgByDivision(ctx, '440106');
    const huangpu = await orgByDivision(ctx, '440112');
    const hpEnterprise = await insertEnterprise(ctx, huangpu.id, '黄埔工作台企业', '91440112MA59B7XH31');
    await insertUser(ctx, 'wb.hp', 'district_officer', huangpu.id);
    huangpuOfficer = await login(ctx, 'wb.hp');
    const enterprise = await ctx.database.pool.query("SELECT id FROM organisation WHERE name = '工作台企业'");
    const expert = await ctx.database.pool.query('SELECT id FROM app_user WHERE username = $1', [world.usernames.expert]);
    ids = {
      tianhe: tianhe.id,
      huangpu: huangpu.id,
      enterprise: enterprise.rows[0].id,
      hpEnterprise: hpEnterprise.id,
      expert: expert.rows[0].id,
    };

    // Projects: the 天河 enterprise's draft and returned one; one waiting in each district and two for the city.
    await project(ids.enterprise, ids.tianhe, 'draft', 2);
    await project(ids.enterprise, ids.tianhe, 'returned', 9);
    await project(ids.enterprise, ids.tianhe, 'submitted', 4);
    await project(ids.hpEnterprise, ids.huangpu, 'draft', 1);
    await project(ids.hpEnterprise, ids.huangpu, 'submitted', 30);
    await project(ids.enterprise, ids.tianhe, 'city_review', 6);
    await project(ids.hpEnterprise, ids.huangpu, 'city_review', 12);

    // Reporting on 2026-09-12 (deadline: the 15th of the next month): 天河 has completed July
    // (someone else did; the officer approves it) and June is overdue; 黄埔 approved its own.
    await registration(ids.tianhe, '202607', 'completed', 'a.colleague', 3);
    await registration(ids.huangpu, '202607', 'approved', 'wb.hp', 5);
    await registration(ids.huangpu, '202606', 'completed', 'another', 8);

    // Selections: a round under expert review with one application assigned to the expert, and a
    // round under district review with an application from each district.
    const round = async (stage: string) =>
      (
        await ctx.database.pool.query(
          `INSERT INTO selection_round (kind, subject_type, title, year, rubric, deadline, quota, experts_per_application, aggregation, conflict_rules, stage, created_at, updated_at)
           VALUES ('benchmark_factory', 'factory', $1, 2026, '[]', now(), 5, 3, 'mean', '{"ownEnterprise":true,"ownDistrict":false}', $2, now(), now()) RETURNING id`,
          [`工作台遴选${stage}`, stage],
        )
      ).rows[0].id as string;
    const application = async (roundId: string, enterpriseId: string, districtId: string) =>
      (
        await ctx.database.pool.query(
          `INSERT INTO selection_application (round_id, enterprise_id, district_id, subject_id, subject_name, narrative, status, created_at, updated_at)
           VALUES ($1, $2, $3, gen_random_uuid(), '工厂', '说明', 'submitted', $4, $4) RETURNING id`,
          [roundId, enterpriseId, districtId, daysAgo(2)],
        )
      ).rows[0].id as string;
    const review = await round('expert_review');
    const assigned = await application(review, ids.hpEnterprise, ids.huangpu);
    await ctx.database.pool.query('INSERT INTO selection_assignment (application_id, expert_id, assigned_at) VALUES ($1, $2, $3)', [
      assigned,
      ids.expert,
      daysAgo(5),
    ]);
    const districtRound = await round('district_review');
    await application(districtRound, ids.enterprise, ids.tianhe);
    await application(districtRound, ids.hpEnterprise, ids.huangpu);

    // An early-warning notice published to both enterprises; the 黄埔 one has acknowledged it.
    const notice = await ctx.database.pool.query(
      `INSERT INTO vuln_notice (title, grade, summary, affected_scope, mitigations, response_deadline, status, published_at, created_at, updated_at)
       VALUES ('工作台预警', 'high', '摘要', '范围', '措施', '2026-09-30', 'published', $1, $1, $1) RETURNING id`,
      [daysAgo(7)],
    );
    await ctx.database.pool.query(
      `INSERT INTO vuln_notice_recipient (notice_id, enterprise_id, district_id, asset_count, acknowledged_at) VALUES ($1, $2, $3, 1, NULL), ($1, $4, $5, 1, now())`,
      [notice.rows[0].id, ids.enterprise, ids.tianhe, ids.hpEnterprise, ids.huangpu],
    );
  });
  afterAll(() => ctx?.close());

  it('gives an enterprise its own drafts, returned declarations and notices to acknowledge, nothing of another enterprise', async () => {
    const w = await workbenchOf(world.sessions.enterprise_user);
    expect(kinds(w)).toEqual({ 'project.draft': 1, 'project.returned': 1, 'notice.acknowledge': 1 });
    expect(item(w, 'project.returned')).toEqual({
      kind: 'project.returned',
      count: 1,
      oldestWaitingDays: 9,
      link: '/programme/projects?status=returned',
    });
    expect(item(w, 'notice.acknowledge')?.oldestWaitingDays).toBe(7);
    expect(w.cockpit).toBeNull();
  });

  it('gives a district officer its own district’s pre-reviews, forms and recommendations, never another district’s', async () => {
    const w = await workbenchOf(world.sessions.district_officer);
    expect(kinds(w)).toEqual({
      'project.pre_review': 1,
      'report.due': 1,
      'report.overdue': 1,
      'report.approve': 1,
      'selection.recommend': 1,
    });
    expect(item(w, 'project.pre_review')).toMatchObject({ oldestWaitingDays: 4, link: '/programme/projects?status=submitted' });
    // August closes on the 15th (due); June closed on 15 August (overdue); each waits from its period's end.
    expect(item(w, 'report.due')).toMatchObject({
      oldestWaitingDays: 11,
      link: `/indicators/reporting?period=202608&district=${ids.tianhe}`,
    });
    expect(item(w, 'report.overdue')).toMatchObject({
      oldestWaitingDays: 73,
      link: `/indicators/reporting?period=202606&district=${ids.tianhe}`,
    });
    expect(item(w, 'report.approve')).toMatchObject({
      oldestWaitingDays: 3,
      link: `/indicators/reporting?period=202607&district=${ids.tianhe}`,
    });
    expect(item(w, 'selection.recommend')?.link).toBe('/programme/selections?stage=district_review');
    expect(w.cockpit).toMatchObject({ scope: 'district', districtId: ids.tianhe });
  });

  it('does not ask an officer to approve a form they completed themselves (four eyes)', async () => {
    const w = await workbenchOf(huangpuOfficer);
    // 黄埔: its June form was completed by someone else; July is approved already; its submitted project waits 30 days.
    expect(kinds(w)).toMatchObject({ 'project.pre_review': 1, 'report.approve': 1, 'selection.recommend': 1 });
    expect(item(w, 'project.pre_review')?.oldestWaitingDays).toBe(30);
    await ctx.database.pool.query("UPDATE data_registration SET completed_by = 'wb.hp' WHERE org_id = $1 AND period = '202606'", [
      ids.huangpu,
    ]);
    expect(kinds(await workbenchOf(huangpuOfficer))['report.approve']).toBeUndefined();
    await ctx.database.pool.query("UPDATE data_registration SET completed_by = 'another' WHERE org_id = $1 AND period = '202606'", [
      ids.huangpu,
    ]);
  });

  it('gives the city administrator every district’s reviews and acceptances, and the cockpit', async () => {
    const w = await workbenchOf(world.sessions.city_admin);
    expect(kinds(w)).toMatchObject({ 'project.city_review': 2, 'report.accept': 1 });
    expect(kinds(w)['project.draft']).toBeUndefined();
    expect(kinds(w)['project.pre_review']).toBeUndefined();
    expect(item(w, 'project.city_review')).toMatchObject({ oldestWaitingDays: 12, link: '/programme/projects?status=city_review' });
    expect(w.cockpit?.scope).toBe('city');
    expect(w.cockpit?.pipeline.byState.find((s) => s.state === 'city_review')?.count).toBe(2);
  });

  it('gives an expert the applications assigned to them to score', async () => {
    const w = await workbenchOf(world.sessions.expert);
    expect(w.items).toEqual([
      { kind: 'selection.score', count: 1, oldestWaitingDays: 5, link: '/programme/selections?stage=expert_review' },
    ]);
    expect(w.cockpit).toBeNull();
  });

  it('answers read-only roles with an empty list, never an error', async () => {
    for (const role of ['auditor', 'city_analyst', 'provider_user'] as const) {
      const w = await workbenchOf(world.sessions[role]);
      expect(w.items, role).toEqual([]);
    }
    expect((await workbenchOf(world.sessions.auditor)).cockpit?.scope).toBe('city');
    expect((await workbenchOf(world.sessions.provider_user)).cockpit).toBeNull();
  });

  it('lists the caller’s own latest notifications, at most five', async () => {
    const userId = (await ctx.database.pool.query('SELECT id FROM app_user WHERE username = $1', [world.usernames.enterprise_user])).rows[0]
      .id;
    for (let n = 1; n <= 6; n++) {
      await ctx.database.pool.query(
        `INSERT INTO notification (recipient_id, kind, title_zh, title_en, body_zh, body_en, created_at) VALUES ($1, 'test', $2, $2, '正文', 'body', $3)`,
        [userId, `通知${n}`, new Date(now.getTime() + n * 1000)],
      );
    }
    const w = await workbenchOf(world.sessions.enterprise_user);
    expect(w.recentNotifications.map((n) => n.titleZh)).toEqual(['通知6', '通知5', '通知4', '通知3', '通知2']);
    expect((await workbenchOf(world.sessions.district_officer)).recentNotifications.some((n) => n.titleZh.startsWith('通知'))).toBe(false);
  });
});
