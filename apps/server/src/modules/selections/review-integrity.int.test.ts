import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestContext } from '../../../test/harness.js';
import { selectionPeople } from '../../../test/selections.js';
import { manualClock } from '../../platform/clock.js';

// Issue #12 item 6 (and #11 item 5): reviews that hold up — blind rounds redacted on the server,
// scoring only by assigned and unconflicted experts (403 otherwise), locked scores reopened with a
// reason and their history, 回避申明, and no closing with missing scores without a recorded override.
describe('expert reviews that hold up', () => {
  const clock = manualClock(new Date('2026-03-01T02:00:00Z'));
  let ctx: TestContext;
  const s: Record<string, Session> = {};
  const ids: Record<string, string> = {};

  const as = (name: string) => s[name] as Session;
  const url = (suffix = '') => `/api/selections/${ids.round}${suffix}`;
  const app = (id: string | undefined, suffix = '') => url(`/applications/${id}${suffix}`);
  const move = async (action: string, extra: Record<string, unknown> = {}) => {
    const version = (await as('rv.admin').request('GET', url())).json().version;
    return as('rv.admin').request('POST', url('/transitions'), { version, action, ...extra });
  };
  const score = (expert: string, id: string | undefined, network: number) =>
    as(expert).request('PUT', app(id, '/score'), { scores: { network } });
  const auditActions = async (id: string | undefined) =>
    (await as('rv.admin').request('GET', `/api/audit?entityType=selection_application&entityId=${id}`))
      .json()
      .items.map((e: { action: string }) => e.action);

  beforeAll(async () => {
    ctx = await createTestApp({ clock });
    const people = await selectionPeople(ctx, 'rv', ['xa', 'xb', 'xc', 'xd', 'xe', 'xf'], '评审企业');
    Object.assign(ids, people.ids);
    Object.assign(s, people.sessions);
    ids.f1 = (await as('rv.e1').request('POST', '/api/factories', { name: '黄埔评审车间', level: 'workshop' })).json().id;
    ids.f2 = (await as('rv.e2').request('POST', '/api/factories', { name: '天河评审产线', level: 'line' })).json().id;
    const created = await as('rv.admin').request('POST', '/api/selections', {
      title: '2026年匿名评审标杆遴选',
      kind: 'benchmark_factory',
      subjectType: 'factory',
      year: 2026,
      rubric: [{ key: 'network', nameZh: '网络建设', nameEn: 'Network', weight: 1, maxScore: 10 }],
      deadline: '2026-04-01T00:00:00+08:00',
      quota: 1,
      blind: true,
    });
    expect(created.json()).toMatchObject({ blind: true, closeOverride: null });
    ids.round = created.json().id;
    await move('open');
    ids.a1 = (await as('rv.e1').request('POST', url('/applications'), { subjectId: ids.f1, narrative: '5G全连接车间' })).json().id;
    ids.a2 = (await as('rv.e2').request('POST', url('/applications'), { subjectId: ids.f2, narrative: '5G产线' })).json().id;
    await move('close_applications');
    await as('rv.hp').request('POST', app(ids.a1, '/recommendation'), { recommended: true, comment: '黄埔重点推荐' });
    await as('rv.th').request('POST', app(ids.a2, '/recommendation'), { recommended: true });
    const assign = (id: string | undefined, experts: string[]) =>
      as('rv.admin').request('POST', app(id, '/assignments'), { expertIds: experts.map((e) => ids[`rv.${e}`]) });
    expect((await assign(ids.a1, ['xa', 'xb', 'xc'])).json().assignedExperts).toBe(3);
    expect((await assign(ids.a2, ['xd', 'xe', 'xf'])).json().assignedExperts).toBe(3);
    await move('start_review');
  });
  afterAll(() => ctx.close());

  it('keeps the blind flag with the review rules, fixed once the round is open', async () => {
    const version = (await as('rv.admin').request('GET', url())).json().version;
    const res = await as('rv.admin').request('PATCH', url(), { version, blind: false });
    expect(res.json().error.details.rule).toBe('rubric_fixed');
    // Other fields still change (an update no longer carries the create defaults).
    const renamed = await as('rv.admin').request('PATCH', url(), { version, title: '2026年匿名评审标杆遴选（更新）' });
    expect(renamed.json()).toMatchObject({ blind: true, expertsPerApplication: 3, aggregation: 'trimmed_mean' });
  });

  it('redacts the applicant, district and recommendation for experts only, on the server', async () => {
    const seen = await as('rv.xa').request('GET', app(ids.a1));
    expect(seen.json()).toMatchObject({
      blind: true,
      enterpriseId: null,
      enterpriseName: null,
      districtId: null,
      districtName: null,
      districtComment: null,
    });
    expect(seen.json().subjectName).toMatch(/^No\.[0-9A-F]{6}$/);
    for (const secret of ['黄埔', '评审企业', '重点推荐', ids.e1 as string]) expect(seen.body).not.toContain(secret);
    const listed = await as('rv.xa').request('GET', url('/applications'));
    expect(listed.json()).toHaveLength(1);
    expect(listed.body).not.toContain('黄埔');
    for (const who of ['rv.admin', 'rv.hp', 'rv.e1']) {
      const full = (await as(who).request('GET', app(ids.a1))).json();
      expect(full).toMatchObject({ blind: false, enterpriseName: '黄埔评审企业', districtName: '黄埔区', subjectName: '黄埔评审车间' });
    }
  });

  it('refuses a score by anyone not assigned with 403 and stores nothing (#11 item 5)', async () => {
    const admin = (await ctx.database.pool.query("SELECT id FROM app_user WHERE username = 'rv.admin'")).rows[0].id;
    const res = await score('rv.admin', ids.a1, 9);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details).toMatchObject({ rule: 'not_assigned', expertId: admin });
    const stored = await ctx.database.pool.query(
      'SELECT (SELECT count(*)::int FROM selection_assignment WHERE expert_id = $1) AS sheets, (SELECT count(*)::int FROM selection_score_version WHERE expert_id = $1) AS versions',
      [admin],
    );
    expect(stored.rows[0]).toEqual({ sheets: 0, versions: 0 });
    expect(await auditActions(ids.a1)).not.toContain('selection.score');
  });

  it('locks a submitted score; the organiser reopens it with a reason and the history keeps both values', async () => {
    expect((await score('rv.xa', ids.a1, 7.85)).json()).toMatchObject({ total: 78.5, locked: true, reopened: null });
    const changed = await score('rv.xa', ids.a1, 10);
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error.details.rule).toBe('score_locked');
    const reopen = (expert: string, reason = '专家申请更正笔误') =>
      as('rv.admin').request('POST', app(ids.a1, `/scores/${ids[expert]}/reopen`), { reason });
    expect((await as('rv.xa').request('POST', app(ids.a1, `/scores/${ids['rv.xa']}/reopen`), { reason: '自己' })).statusCode).toBe(403);
    expect((await reopen('rv.xb')).json().error.details.rule).toBe('score_not_submitted');
    clock.set(new Date('2026-03-01T02:01:00Z'));
    const reopened = await reopen('rv.xa');
    expect(reopened.json()).toMatchObject({ locked: false, total: 78.5, reopened: { reason: '专家申请更正笔误' } });
    expect((await as('rv.admin').request('GET', app(ids.a1, '/assignments'))).json()).toContainEqual(
      expect.objectContaining({ expertId: ids['rv.xa'], scored: true, reopened: true }),
    );
    clock.set(new Date('2026-03-01T02:02:00Z'));
    expect((await score('rv.xa', ids.a1, 10)).json()).toMatchObject({ total: 100, locked: true, reopened: null });
    expect((await score('rv.xa', ids.a1, 9)).json().error.details.rule).toBe('score_locked');

    const history = (await as('rv.admin').request('GET', app(ids.a1, '/score-history'))).json();
    expect(
      history.map((v: { event: string; oldTotal: number | null; newTotal: number | null; reason: string | null }) => [
        v.event,
        v.oldTotal,
        v.newTotal,
        v.reason,
      ]),
    ).toEqual([
      ['submitted', null, 78.5, null],
      ['reopened', 78.5, null, '专家申请更正笔误'],
      ['resubmitted', 78.5, 100, '专家申请更正笔误'],
    ]);
    // The organiser reopened it, the expert scored again.
    expect(history[1].by).not.toBe(history[2].by);
    expect(history[2]).toMatchObject({ expertId: ids['rv.xa'], oldScores: { network: 7.85 }, newScores: { network: 10 } });
    // An expert reads their own sheet's history only; others' stay hidden until the review closes.
    expect((await as('rv.xa').request('GET', app(ids.a1, '/score-history'))).json()).toHaveLength(3);
    expect(await auditActions(ids.a1)).toEqual(expect.arrayContaining(['selection.score', 'selection.score_reopen', 'selection.rescore']));
  });

  it('checks conflicts of interest when an expert opens and scores, not only at assignment', async () => {
    // xb's affiliation changes after the assignment: now they work for the applicant.
    await as('rv.admin').request('PUT', `/api/selections/experts/${ids['rv.xb']}`, { affiliationOrgId: ids.e1, districtId: null });
    const open = await as('rv.xb').request('GET', app(ids.a1));
    expect(open.statusCode).toBe(403);
    expect(open.json().error.details).toMatchObject({ rule: 'expert_conflicted', reason: 'own_enterprise' });
    const scored = await score('rv.xb', ids.a1, 8);
    expect(scored.statusCode).toBe(403);
    expect(scored.json().error.details.rule).toBe('expert_conflicted');
    expect((await as('rv.admin').request('GET', app(ids.a1, '/scores'))).json()).toHaveLength(1);
  });

  it('lets an expert declare a conflict (回避申明): recorded, taken off, not assigned again', async () => {
    const unassigned = await as('rv.xa').request('POST', app(ids.a2, '/conflict-declaration'), { reason: '未分配' });
    expect(unassigned.statusCode).toBe(403);
    expect(unassigned.json().error.details.rule).toBe('not_assigned');
    const declared = await as('rv.xc').request('POST', app(ids.a1, '/conflict-declaration'), { reason: '曾为该企业提供咨询服务' });
    expect(declared.statusCode, declared.body).toBe(201);
    expect(declared.json()).toMatchObject({ expertId: ids['rv.xc'], reason: '曾为该企业提供咨询服务' });
    expect((await as('rv.xc').request('GET', app(ids.a1))).statusCode).toBe(404);
    const assignments = (await as('rv.admin').request('GET', app(ids.a1, '/assignments'))).json();
    expect(assignments.map((a: { expertId: string }) => a.expertId)).not.toContain(ids['rv.xc']);
    const listed = (await as('rv.admin').request('GET', url('/conflict-declarations'))).json();
    expect(listed).toEqual([expect.objectContaining({ applicationId: ids.a1, expertId: ids['rv.xc'], reason: '曾为该企业提供咨询服务' })]);
    const again = await as('rv.admin').request('POST', app(ids.a1, '/assignments'), { expertIds: [ids['rv.xc']] });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.details.issues[0]).toMatchObject({ field: 'expertIds.0', rule: 'conflict_declared' });
    expect(await auditActions(ids.a1)).toContain('selection.conflict_declare');
  });

  it('refuses closing with missing scores; closes with a recorded override and states what the mean used', async () => {
    await score('rv.xd', ids.a2, 6);
    await score('rv.xe', ids.a2, 8);
    // Missing: xb on a1 (conflicted) and xf on a2.
    const refused = await move('close_review');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details).toMatchObject({ rule: 'scores_missing', missing: 2, applications: 2 });
    await score('rv.xf', ids.a2, 9);
    expect((await move('close_review')).json().error.details).toMatchObject({ rule: 'scores_missing', missing: 1, applications: 1 });
    const closed = await move('close_review', { overrideReason: '专家回避后无替补，按已提交评分结束' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({
      stage: 'closed',
      closeOverride: { reason: '专家回避后无替补，按已提交评分结束', missing: 1, by: 'rv.admin' },
    });
    const apps = (await as('rv.admin').request('GET', url('/applications'))).json();
    const a1 = apps.find((a: { id: string }) => a.id === ids.a1);
    const a2 = apps.find((a: { id: string }) => a.id === ids.a2);
    expect(a1).toMatchObject({
      finalScore: 100,
      scoreBasis: { method: 'trimmed_mean', assigned: 2, counted: 1, missing: 1, kept: [100], trimmed: [] },
    });
    // 60, 80, 90: the lowest and the highest are trimmed, 80 is kept.
    expect(a2).toMatchObject({
      finalScore: 80,
      scoreBasis: { method: 'trimmed_mean', assigned: 3, counted: 3, missing: 0, kept: [80], trimmed: [60, 90] },
    });
    const audit = (await as('rv.admin').request('GET', `/api/audit?entityType=selection_round&entityId=${ids.round}`)).json();
    const close = audit.items.find((e: { action: string }) => e.action === 'selection.close_review');
    expect(close.after.closeOverride).toMatchObject({ reason: '专家回避后无替补，按已提交评分结束', missing: 1 });
    // Still blind for the experts after closing, until the publicity list names everyone.
    expect((await as('rv.xa').request('GET', app(ids.a1))).json()).toMatchObject({ blind: true, enterpriseName: null, finalScore: 100 });
  });
});
