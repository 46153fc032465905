import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestContext } from '../../../test/harness.js';
import { selectionPeople } from '../../../test/selections.js';
import { manualClock } from '../../platform/clock.js';

// Issue #3 item 4 follow-up: the per-application expert count, unassigning, scoring only recommended
// applications, rule codes on every refusal, and the enterprise of a typical case page.
describe('selection assignments and refusals', () => {
  const clock = manualClock(new Date('2026-03-01T02:00:00Z'));
  let ctx: TestContext;
  const s: Record<string, Session> = {};
  const ids: Record<string, string> = {};
  let users: string[] = [];

  beforeAll(async () => {
    ctx = await createTestApp({ clock });
    const people = await selectionPeople(ctx, 'as', ['xa', 'xb', 'xc'], '案例企业');
    Object.assign(ids, people.ids);
    Object.assign(s, people.sessions);
    users = people.users;
    ids.f1 = (await as('as.e1').request('POST', '/api/factories', { name: '黄埔案例车间', level: 'workshop' })).json().id;
    ids.f2 = (await as('as.e2').request('POST', '/api/factories', { name: '天河案例产线', level: 'line' })).json().id;
  });
  afterAll(() => ctx.close());

  const as = (name: string) => s[name] as Session;
  const url = (suffix = '') => `/api/selections/${ids.round}${suffix}`;
  const move = async (action: string, extra: Record<string, unknown> = {}) => {
    const version = (await as('as.admin').request('GET', url())).json().version;
    return as('as.admin').request('POST', url('/transitions'), { version, action, ...extra });
  };
  const assign = (app: string, expertIds: string[]) =>
    as('as.admin').request('POST', url(`/applications/${app}/assignments`), { expertIds });
  const score = (expert: string, app: string, value: number) =>
    as(expert).request('PUT', url(`/applications/${app}/score`), { scores: { network: value } });

  it('enforces the expert count, unassigns until scored, scores only recommended applications', async () => {
    const created = await as('as.admin').request('POST', '/api/selections', {
      title: '2026年5G+工业互联网典型案例',
      kind: 'typical_case',
      subjectType: 'factory',
      year: 2026,
      rubric: [{ key: 'network', nameZh: '网络建设', nameEn: 'Network', weight: 1, maxScore: 10 }],
      deadline: '2026-04-01T00:00:00+08:00',
      quota: 1,
      expertsPerApplication: 2,
    });
    ids.round = created.json().id;
    // Rule codes on refusals: the console translates `details.rule`.
    expect((await move('publish')).json().error.details).toMatchObject({ rule: 'stage_order', stage: 'draft', action: 'publish' });
    await move('open');
    const fixed = await as('as.admin').request('PATCH', url(), {
      version: (await as('as.admin').request('GET', url())).json().version,
      aggregation: 'mean',
    });
    expect(fixed.json().error.details.rule).toBe('rubric_fixed');
    ids.a1 = (await as('as.e1').request('POST', url('/applications'), { subjectId: ids.f1, narrative: '5G全连接车间' })).json().id;
    ids.a2 = (await as('as.e2').request('POST', url('/applications'), { subjectId: ids.f2, narrative: '5G产线' })).json().id;
    expect((await assign(ids.a1 as string, [ids['as.xa'] as string])).json().error.details.rule).toBe('assign_stage');
    clock.set(new Date('2026-04-02T02:00:00Z'));
    for (const name of users) s[name] = await login(ctx, name); // sessions expire across the clock jump
    const late = await as('as.e1').request('POST', url('/applications'), { subjectId: ids.f1, narrative: '迟到' });
    expect(late.json().error.details).toMatchObject({ rule: 'deadline_passed', deadline: '2026-03-31T16:00:00.000Z' });
    await move('close_applications');
    expect((await as('as.e1').request('POST', url('/applications'), { subjectId: ids.f1, narrative: 'x' })).json().error.details.rule).toBe(
      'round_not_open',
    );
    expect((await assign(ids.a1 as string, [ids['as.xa'] as string])).json().error.details).toMatchObject({
      rule: 'not_recommended',
      status: 'submitted',
    });
    await as('as.hp').request('POST', url(`/applications/${ids.a1}/recommendation`), { recommended: true });
    await as('as.th').request('POST', url(`/applications/${ids.a2}/recommendation`), { recommended: true });

    // expertsPerApplication = 2: three at once, or a third later, is refused naming the field.
    const three = await assign(ids.a1 as string, [ids['as.xa'], ids['as.xb'], ids['as.xc']] as string[]);
    expect(three.statusCode).toBe(422);
    expect(three.json().error.message).toContain('expertsPerApplication');
    expect(three.json().error.details.issues[0]).toMatchObject({
      field: 'expertIds',
      rule: 'experts_per_application',
      limit: 2,
      assigned: 0,
      requested: 3,
    });
    expect((await assign(ids.a1 as string, [ids['as.xa'], ids['as.xb']] as string[])).json().assignedExperts).toBe(2);
    // Assigning an already assigned expert again changes nothing and is not counted twice.
    expect((await assign(ids.a1 as string, [ids['as.xa']] as string[])).json().assignedExperts).toBe(2);
    const third = await assign(ids.a1 as string, [ids['as.xc'] as string]);
    expect(third.json().error.details.issues[0]).toMatchObject({ rule: 'experts_per_application', limit: 2, assigned: 2, requested: 1 });

    // Unassigning: organisers only, role by role; the others may not even list the assignments.
    const unassign = (who: string, app: string, expert: string) =>
      as(who).request('DELETE', url(`/applications/${app}/assignments/${expert}`));
    for (const who of ['as.e1', 'as.hp', 'as.xa']) {
      expect((await unassign(who, ids.a1 as string, ids['as.xb'] as string)).statusCode).toBe(403);
      expect((await as(who).request('GET', url(`/applications/${ids.a1}/assignments`))).statusCode).toBe(403);
    }
    const removed = await unassign('as.admin', ids.a1 as string, ids['as.xb'] as string);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().assignedExperts).toBe(1);
    expect((await unassign('as.admin', ids.a1 as string, ids['as.xb'] as string)).json().error.details.rule).toBe('not_assigned');
    // The unassigned expert no longer sees the application.
    expect((await as('as.xb').request('GET', url(`/applications/${ids.a1}`))).statusCode).toBe(404);
    expect((await assign(ids.a1 as string, [ids['as.xc'] as string])).json().assignedExperts).toBe(2);
    const listed = (await as('as.admin').request('GET', url(`/applications/${ids.a1}/assignments`))).json();
    expect(listed.map((a: { expertId: string }) => a.expertId).sort()).toEqual([ids['as.xa'], ids['as.xc']].sort());
    expect(listed.every((a: { scored: boolean }) => !a.scored)).toBe(true);

    // a2 gets its experts, then its district withdraws the recommendation: it is no longer scored.
    await assign(ids.a2 as string, [ids['as.xa'], ids['as.xb']] as string[]);
    await as('as.th').request('POST', url(`/applications/${ids.a2}/recommendation`), { recommended: false });
    await move('start_review');
    const notRecommended = await score('as.xa', ids.a2 as string, 7);
    expect(notRecommended.statusCode).toBe(409);
    expect(notRecommended.json().error.details).toMatchObject({ rule: 'not_recommended', status: 'not_recommended' });

    expect((await score('as.xa', ids.a1 as string, 9)).statusCode).toBe(200);
    const scored = await unassign('as.admin', ids.a1 as string, ids['as.xa'] as string);
    expect(scored.statusCode).toBe(409);
    expect(scored.json().error.message).toContain('already scored');
    expect(scored.json().error.details).toMatchObject({ rule: 'already_scored', expertId: ids['as.xa'] });
    expect((await as('as.admin').request('GET', url(`/applications/${ids.a1}/assignments`))).json()).toContainEqual(
      expect.objectContaining({ expertId: ids['as.xa'], scored: true }),
    );
    await score('as.xc', ids.a1 as string, 8);

    const audit = (await as('as.admin').request('GET', `/api/audit?entityType=selection_application&entityId=${ids.a1}`)).json();
    const unassigned = audit.items.filter((e: { action: string }) => e.action === 'selection.unassign');
    expect(unassigned).toHaveLength(1);

    await move('close_review');
    expect((await unassign('as.admin', ids.a1 as string, ids['as.xc'] as string)).json().error.details.rule).toBe('assign_stage');
    expect((await score('as.xc', ids.a1 as string, 5)).json().error.details.rule).toBe('score_stage');
    await move('start_publicity', { publicityEnd: '2026-04-09' });

    // The typical case page names its enterprise by id too (links to the enterprise).
    const page = await as('as.e1').request('PUT', url(`/applications/${ids.a1}/case`), {
      background: '人工质检效率低',
      solution: '5G+机器视觉质检',
      network: '5G专网',
      benefits: [{ label: '质检效率', value: 30, unit: '%' }],
    });
    expect(page.statusCode).toBe(200);
    expect(page.json().enterpriseId).toBe(ids.e1);
    const read = await as('as.admin').request('GET', `/api/cases/${ids.a1}`);
    expect(read.json()).toMatchObject({ applicationId: ids.a1, enterpriseId: ids.e1, enterpriseName: '黄埔案例企业' });
    const notSelected = await as('as.e2').request('PUT', url(`/applications/${ids.a2}/case`), {
      background: 'x',
      solution: 'x',
      network: 'x',
      benefits: [{ label: 'x', value: 1, unit: '' }],
    });
    expect(notSelected.json().error.details.rule).toBe('not_selected');
    const published = await move('publish');
    expect(published.json().error.details).toMatchObject({ rule: 'publicity_running', publicityEnd: '2026-04-09' });
  });
});
