import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestContext } from '../../../test/harness.js';
import { selectionPeople } from '../../../test/selections.js';
import { manualClock } from '../../platform/clock.js';

// Issue #3 item 4: a 5G factory benchmark round (T-APP-3) from call to publication.
describe('selection rounds', () => {
  const clock = manualClock(new Date('2026-03-01T02:00:00Z'));
  let ctx: TestContext;
  const s: Record<string, Session> = {};
  const ids: Record<string, string> = {};

  const relogin = async () => {
    for (const name of Object.keys(s)) s[name] = await login(ctx, name);
  };

  beforeAll(async () => {
    ctx = await createTestApp({ clock });
    const people = await selectionPeople(ctx, 'sel', ['xa', 'xb', 'xc', 'xd', 'xe']);
    Object.assign(ids, people.ids);
    Object.assign(s, people.sessions);
    const f1 = await s['sel.e1']?.request('POST', '/api/factories', { name: '黄埔总装车间', level: 'workshop' });
    const f2 = await s['sel.e2']?.request('POST', '/api/factories', { name: '天河模组产线', level: 'line' });
    ids.f1 = f1?.json().id;
    ids.f2 = f2?.json().id;
  });
  afterAll(() => ctx.close());

  const as = (name: string) => s[name] as Session;
  const round = async () => (await as('sel.admin').request('GET', `/api/selections/${ids.round}`)).json();
  const move = async (action: string, extra: Record<string, unknown> = {}) =>
    as('sel.admin').request('POST', `/api/selections/${ids.round}/transitions`, { version: (await round()).version, action, ...extra });

  it('runs a benchmark round from call to publication', async () => {
    // The expert pool's affiliations drive conflict of interest.
    expect(
      (await as('sel.admin').request('PUT', `/api/selections/experts/${ids['sel.xa']}`, { affiliationOrgId: ids.e1, districtId: null }))
        .statusCode,
    ).toBe(200);
    await as('sel.admin').request('PUT', `/api/selections/experts/${ids['sel.xb']}`, { affiliationOrgId: null, districtId: ids.huangpu });

    const created = await as('sel.admin').request('POST', '/api/selections', {
      title: '2026年广州市5G工厂标杆遴选',
      kind: 'benchmark_factory',
      subjectType: 'factory',
      year: 2026,
      rubric: [
        { key: 'network', nameZh: '网络建设', nameEn: 'Network', weight: 40, maxScore: 10 },
        { key: 'apps', nameZh: '应用成效', nameEn: 'Applications', weight: 60, maxScore: 10 },
      ],
      deadline: '2026-04-01T00:00:00+08:00',
      quota: 1,
    });
    expect(created.statusCode).toBe(201);
    ids.round = created.json().id;
    expect((await as('sel.e1').request('GET', `/api/selections/${ids.round}`)).statusCode).toBe(404); // drafts are private
    expect((await move('open')).json().stage).toBe('open');

    const foreign = await as('sel.e1').request('POST', `/api/selections/${ids.round}/applications`, {
      subjectId: ids.f2,
      narrative: '借用',
    });
    expect(foreign.json().error.details.issues[0]).toMatchObject({ field: 'subjectId', rule: 'own_subject' });
    const a1 = await as('sel.e1').request('POST', `/api/selections/${ids.round}/applications`, {
      subjectId: ids.f1,
      narrative: '5G全连接车间，部署12个场景',
    });
    expect(a1.statusCode).toBe(201);
    ids.a1 = a1.json().id;
    expect(
      (await as('sel.e1').request('POST', `/api/selections/${ids.round}/applications`, { subjectId: ids.f1, narrative: '再来' }))
        .statusCode,
    ).toBe(409);
    ids.a2 = (
      await as('sel.e2').request('POST', `/api/selections/${ids.round}/applications`, { subjectId: ids.f2, narrative: '5G产线' })
    ).json().id;

    await move('close_applications');
    expect(
      (await as('sel.hp').request('POST', `/api/selections/${ids.round}/applications/${ids.a2}/recommendation`, { recommended: true }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await as('sel.hp').request('POST', `/api/selections/${ids.round}/applications/${ids.a1}/recommendation`, {
          recommended: true,
          comment: '推荐',
        })
      ).json().status,
    ).toBe('recommended');
    await as('sel.th').request('POST', `/api/selections/${ids.round}/applications/${ids.a2}/recommendation`, { recommended: true });
    await move('start_review');

    const conflicted = await as('sel.admin').request('POST', `/api/selections/${ids.round}/applications/${ids.a1}/assignments`, {
      expertIds: [ids['sel.xa']],
    });
    expect(conflicted.statusCode).toBe(422);
    expect(conflicted.json().error.details.issues[0]).toMatchObject({
      field: 'expertIds.0',
      rule: 'conflict_of_interest',
      expertId: ids['sel.xa'],
      reason: 'own_enterprise',
    });
    const byDistrict = await as('sel.admin').request('POST', `/api/selections/${ids.round}/applications/${ids.a1}/assignments`, {
      expertIds: [ids['sel.xb']],
    });
    expect(byDistrict.json().error.details.issues[0].rule).toBe('conflict_of_interest');
    for (const app of [ids.a1, ids.a2]) {
      const res = await as('sel.admin').request('POST', `/api/selections/${ids.round}/applications/${app}/assignments`, {
        expertIds: [ids['sel.xc'], ids['sel.xd'], ids['sel.xe']],
      });
      expect(res.json().assignedExperts).toBe(3);
    }
    // A conflicted (unassigned) expert cannot open the application.
    expect((await as('sel.xa').request('GET', `/api/selections/${ids.round}/applications/${ids.a1}`)).statusCode).toBe(404);
    expect((await as('sel.xa').request('GET', `/api/selections/${ids.round}/applications`)).json()).toEqual([]);

    const sheet = (network: number, apps: number) => ({ scores: { network, apps } });
    await as('sel.xc').request('PUT', `/api/selections/${ids.round}/applications/${ids.a1}/score`, sheet(9, 9));
    await as('sel.xd').request('PUT', `/api/selections/${ids.round}/applications/${ids.a1}/score`, sheet(5, 5));
    const bad = await as('sel.xe').request('PUT', `/api/selections/${ids.round}/applications/${ids.a1}/score`, { scores: { network: 12 } });
    expect(
      bad
        .json()
        .error.details.issues.map((i: { field: string }) => i.field)
        .sort(),
    ).toEqual(['scores.apps', 'scores.network']);
    await as('sel.xe').request('PUT', `/api/selections/${ids.round}/applications/${ids.a1}/score`, sheet(8, 8));
    for (const [expert, score] of [
      ['sel.xc', 6],
      ['sel.xd', 7],
      ['sel.xe', 6],
    ] as const) {
      await as(expert).request('PUT', `/api/selections/${ids.round}/applications/${ids.a2}/score`, sheet(score, score));
    }
    // Independent scoring: before closing an expert sees only their own sheet and no final score.
    const own = (await as('sel.xc').request('GET', `/api/selections/${ids.round}/applications/${ids.a1}/scores`)).json();
    expect(own.map((x: { expertId: string }) => x.expertId)).toEqual([ids['sel.xc']]);
    expect((await as('sel.xc').request('GET', `/api/selections/${ids.round}/applications/${ids.a1}`)).json().finalScore).toBeNull();

    await move('close_review');
    const apps = (await as('sel.admin').request('GET', `/api/selections/${ids.round}/applications`)).json();
    const first = apps.find((a: { id: string }) => a.id === ids.a1);
    // totals 90, 50, 80 → trimmed mean drops 90 and 50 → 80
    expect(first).toMatchObject({ finalScore: 80, rank: 1 });
    expect(apps.find((a: { id: string }) => a.id === ids.a2)).toMatchObject({ finalScore: 60, rank: 2 });
    expect((await as('sel.xc').request('GET', `/api/selections/${ids.round}/applications/${ids.a1}/scores`)).json()).toHaveLength(3);

    expect((await move('start_publicity', { publicityEnd: '2026-02-01' })).statusCode).toBe(422);
    expect((await move('start_publicity', { publicityEnd: '2026-03-08' })).json().stage).toBe('publicity');
    const listed = (await as('sel.admin').request('GET', `/api/selections/${ids.round}/applications`)).json();
    expect(listed.filter((a: { selected: boolean }) => a.selected).map((a: { id: string }) => a.id)).toEqual([ids.a1]);

    // The publicity list is public to everyone taking part, so they can object to it.
    const seenByRival = (await as('sel.e2').request('GET', `/api/selections/${ids.round}/applications`)).json();
    expect(seenByRival.map((a: { id: string }) => a.id).sort()).toEqual([ids.a1, ids.a2].sort());
    const objection = await as('sel.e2').request('POST', `/api/selections/${ids.round}/applications/${ids.a1}/objections`, {
      content: '场景数量存疑',
    });
    expect(objection.statusCode).toBe(201);
    expect((await move('publish')).statusCode).toBe(409);
    await as('sel.admin').request('POST', `/api/selections/${ids.round}/objections/${objection.json().id}/resolution`, {
      upheld: false,
      resolution: '经核实，场景数量属实',
    });
    expect((await move('publish')).json().error.message).toContain('publicity period runs until');

    clock.set(new Date('2026-03-09T02:00:00Z'));
    await relogin();
    expect((await move('publish')).json().stage).toBe('published');
    const audit = (await as('sel.admin').request('GET', `/api/audit?entityType=selection_round&entityId=${ids.round}`)).json();
    expect(audit.total).toBeGreaterThanOrEqual(7);
  });
});
