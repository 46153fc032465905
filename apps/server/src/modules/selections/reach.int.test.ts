import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestContext } from '../../../test/harness.js';
import { selectionPeople } from '../../../test/selections.js';
import { manualClock } from '../../platform/clock.js';

// Issue #10 item 3: who reaches which application (the application policy's scope, and the
// experts' assignments the service adds to it), with the access declared in the catalogue.
describe('selection reach', () => {
  const clock = manualClock(new Date('2026-03-01T02:00:00Z'));
  let ctx: TestContext;
  const s: Record<string, Session> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await createTestApp({ clock });
    const people = await selectionPeople(ctx, 'rc', ['xa', 'xb'], '范围企业');
    Object.assign(ids, people.ids);
    Object.assign(s, people.sessions);
    ids.f1 = (await as('rc.e1').request('POST', '/api/factories', { name: '黄埔范围车间', level: 'workshop' })).json().id;
    ids.f2 = (await as('rc.e2').request('POST', '/api/factories', { name: '天河范围产线', level: 'line' })).json().id;
  });
  afterAll(() => ctx.close());

  const as = (name: string) => s[name] as Session;
  const url = (suffix = '') => `/api/selections/${ids.round}${suffix}`;
  const move = async (action: string, extra: Record<string, unknown> = {}) => {
    const version = (await as('rc.admin').request('GET', url())).json().version;
    return as('rc.admin').request('POST', url('/transitions'), { version, action, ...extra });
  };
  const listed = async (who: string) =>
    ((await as(who).request('GET', url('/applications'))).json() as { id: string }[]).map((a) => a.id).sort();
  const status = async (who: string, method: string, suffix: string, body?: unknown) =>
    (await as(who).request(method, url(suffix), body)).statusCode;

  it('gives districts, applicants and experts their own applications only', async () => {
    ids.round = (
      await as('rc.admin').request('POST', '/api/selections', {
        title: '2026年典型案例（范围）',
        kind: 'typical_case',
        subjectType: 'factory',
        year: 2026,
        rubric: [{ key: 'network', nameZh: '网络建设', nameEn: 'Network', weight: 1, maxScore: 10 }],
        deadline: '2026-04-01T00:00:00+08:00',
        quota: 1,
        expertsPerApplication: 1,
      })
    ).json().id;
    await move('open');
    ids.a1 = (await as('rc.e1').request('POST', url('/applications'), { subjectId: ids.f1, narrative: '车间' })).json().id;
    ids.a2 = (await as('rc.e2').request('POST', url('/applications'), { subjectId: ids.f2, narrative: '产线' })).json().id;
    await move('close_applications');

    // Districts reach their district's applications, enterprises their own, organisers all.
    expect(await listed('rc.hp')).toEqual([ids.a1]);
    expect(await listed('rc.th')).toEqual([ids.a2]);
    expect(await listed('rc.e1')).toEqual([ids.a1]);
    expect(await listed('rc.admin')).toEqual([ids.a1, ids.a2].sort());
    expect(await status('rc.th', 'GET', `/applications/${ids.a1}`)).toBe(404);
    expect(await status('rc.e2', 'GET', `/applications/${ids.a1}`)).toBe(404);
    expect(await status('rc.th', 'POST', `/applications/${ids.a1}/recommendation`, { recommended: true })).toBe(404);
    expect(await status('rc.hp', 'POST', `/applications/${ids.a1}/recommendation`, { recommended: true })).toBe(200);
    expect(await status('rc.th', 'POST', `/applications/${ids.a2}/recommendation`, { recommended: true })).toBe(200);
    await move('start_review');

    // Experts reach exactly the applications assigned to them.
    expect(await listed('rc.xa')).toEqual([]);
    await as('rc.admin').request('POST', url(`/applications/${ids.a1}/assignments`), { expertIds: [ids['rc.xa']] });
    await as('rc.admin').request('POST', url(`/applications/${ids.a2}/assignments`), { expertIds: [ids['rc.xb']] });
    expect(await listed('rc.xa')).toEqual([ids.a1]);
    expect(await status('rc.xa', 'GET', `/applications/${ids.a2}`)).toBe(404);
    expect(await status('rc.xa', 'PUT', `/applications/${ids.a2}/score`, { scores: { network: 5 } })).toBe(404);

    // Only an assigned expert scores: an organiser who also holds selection:review is refused (403, #11 item 5).
    const unassigned = await as('rc.admin').request('PUT', url(`/applications/${ids.a1}/score`), { scores: { network: 9 } });
    expect(unassigned.statusCode).toBe(403);
    expect(unassigned.json().error.details).toMatchObject({ rule: 'not_assigned' });
    expect(await status('rc.xa', 'PUT', `/applications/${ids.a1}/score`, { scores: { network: 9 } })).toBe(200);
    expect(await status('rc.xb', 'PUT', `/applications/${ids.a2}/score`, { scores: { network: 4 } })).toBe(200);

    // Individual scores are for organisers and experts: a district officer is refused by the access.
    const districtScores = await as('rc.hp').request('GET', url(`/applications/${ids.a1}/scores`));
    expect(districtScores.statusCode).toBe(403);
    expect(districtScores.json().error.details.permissions).toEqual(['selection:manage', 'selection:review']);
    expect((await as('rc.admin').request('GET', url(`/applications/${ids.a1}/scores`))).json()).toHaveLength(1);

    await move('close_review');
    await move('start_publicity', { publicityEnd: '2026-03-08' });
    const sheet = { background: '背景', solution: '方案', network: '5G专网', benefits: [{ label: '效率', value: 20, unit: '%' }] };
    // The case page is the applicant's (and the organisers'): another enterprise does not learn it exists.
    expect(await status('rc.e2', 'PUT', `/applications/${ids.a1}/case`, sheet)).toBe(404);
    expect(await status('rc.hp', 'PUT', `/applications/${ids.a1}/case`, sheet)).toBe(403);
    expect(await status('rc.e1', 'PUT', `/applications/${ids.a1}/case`, sheet)).toBe(200);
    expect(await status('rc.admin', 'PUT', `/applications/${ids.a1}/case`, sheet)).toBe(200);
  });
});
