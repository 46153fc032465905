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
import { manualClock } from '../../platform/clock.js';

// Issue #12 item 5: records an enterprise declares itself count toward a target only once its
// district confirms them: declared → confirmed (with evidence) or returned → counted.
describe('self-declared records count once their district confirms them (#12 item 5)', () => {
  const clock = manualClock(new Date('2026-06-01T08:00:00Z'));
  let ctx: TestContext;
  let enterprise: Session;
  let officer: Session;
  let otherOfficer: Session;
  let admin: Session;
  let huangpu: string;
  const tenLive = Array.from({ length: 10 }, (_, i) => ({
    code: `S${String(i + 1).padStart(2, '0')}`,
    category: 'main_production',
    goLiveDate: '2026-03-01',
  }));
  const value = async (code: string) => (await admin.request('GET', `/api/indicators/${code}?district=${huangpu}`)).json().value as number;
  const drill = async (code: string) => (await admin.request('GET', `/api/indicators/${code}/records?district=${huangpu}`)).json();

  beforeAll(async () => {
    ctx = await createTestApp({ clock });
    const city = await orgByDivision(ctx, '440100');
    huangpu = (await orgByDivision(ctx, '440112')).id;
    const tianhe = await orgByDivision(ctx, '440106');
    const e = await insertEnterprise(ctx, huangpu, '黄埔申报企业', '91440112MA59B7XH31');
    await insertUser(ctx, 'c.ent', 'enterprise_user', e.id);
    await insertUser(ctx, 'c.hp', 'district_officer', huangpu);
    await insertUser(ctx, 'c.th', 'district_officer', tianhe.id);
    await insertUser(ctx, 'c.admin', 'city_admin', city.id);
    [enterprise, officer, otherOfficer, admin] = [
      await login(ctx, 'c.ent'),
      await login(ctx, 'c.hp'),
      await login(ctx, 'c.th'),
      await login(ctx, 'c.admin'),
    ];
  });
  afterAll(() => ctx.close());

  it('a self-declared factory does not move T-APP-1 until the district confirms it', async () => {
    const before = await value('T-APP-1');
    const created = await enterprise.request('POST', '/api/factories', { name: '申报工厂', level: 'factory', scenarios: tenLive });
    expect(created.statusCode).toBe(201);
    const factory = created.json();
    expect(factory).toMatchObject({ countsTowardTarget: true, confirmation: { state: 'declared', by: null } });
    expect(await value('T-APP-1')).toBe(before);
    const pending = await drill('T-APP-1');
    expect(pending).toMatchObject({ total: before, pendingTotal: 1 });
    expect(pending.pending[0]).toMatchObject({ id: factory.id, confirmation: 'declared' });
    expect((await officer.request('GET', '/api/confirmations/pending')).json().items).toEqual([
      expect.objectContaining({ kind: 'factory', id: factory.id, orgName: '黄埔申报企业' }),
    ]);

    // Evidence is required: a confirmation without a comment is refused.
    const bare = await officer.request('POST', `/api/factories/${factory.id}/confirm`, { comment: ' ', version: factory.version });
    expect(bare.statusCode).toBe(422);
    const confirmed = await officer.request('POST', `/api/factories/${factory.id}/confirm`, {
      comment: '现场核查：10个场景已上线',
      version: factory.version,
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ state: 'confirmed', by: 'c.hp', comment: '现场核查：10个场景已上线' });
    expect(await value('T-APP-1')).toBe(before + 1);
    const counted = await drill('T-APP-1');
    expect(counted.pendingTotal).toBe(0);
    expect(counted.records.find((r: { id: string }) => r.id === factory.id)).toMatchObject({ confirmation: 'confirmed' });
    expect((await officer.request('GET', '/api/confirmations/pending')).json().total).toBe(0);

    const again = await officer.request('POST', `/api/factories/${factory.id}/confirm`, { comment: '再次', version: factory.version + 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.reason).toMatchObject({ code: 'confirmation.already_confirmed' });

    // The enterprise changes it: declared again, not counted until confirmed again.
    const edited = await enterprise.request('PATCH', `/api/factories/${factory.id}`, { version: factory.version + 1, starRating: 5 });
    expect(edited.json().confirmation.state).toBe('declared');
    expect(await value('T-APP-1')).toBe(before);
    const returned = await officer.request('POST', `/api/factories/${factory.id}/return`, {
      comment: '请补充验收材料',
      version: edited.json().version,
    });
    expect(returned.json()).toMatchObject({ state: 'returned', comment: '请补充验收材料' });
    expect(await value('T-APP-1')).toBe(before);
    expect((await drill('T-APP-1')).pendingTotal).toBe(0);
  });

  it('a district user of another district cannot confirm, nor can the enterprise itself', async () => {
    const factory = (await enterprise.request('POST', '/api/factories', { name: '第二工厂', level: 'line', scenarios: tenLive })).json();
    const foreign = await otherOfficer.request('POST', `/api/factories/${factory.id}/confirm`, {
      comment: '越权',
      version: factory.version,
    });
    expect(foreign.statusCode).toBe(404);
    expect((await otherOfficer.request('GET', '/api/confirmations/pending')).json().total).toBe(0);
    const own = await enterprise.request('POST', `/api/factories/${factory.id}/confirm`, { comment: '自己确认', version: factory.version });
    expect(own.statusCode).toBe(403);
    const city = await admin.request('POST', `/api/factories/${factory.id}/confirm`, { comment: '市级核实', version: factory.version });
    expect(city.json()).toMatchObject({ state: 'confirmed', by: 'c.admin' });
  });

  it('records a district user enters are confirmed at entry; declared registry records wait', async () => {
    const own = await officer.request('POST', '/api/factories', {
      enterpriseId: (await enterprise.request('GET', '/api/factories')).json().items[0].enterpriseId,
      name: '区级录入工厂',
      level: 'workshop',
    });
    expect(own.json().confirmation).toMatchObject({ state: 'confirmed', by: 'c.hp' });

    const trainingsBefore = await value('T-PUB-3');
    const training = (
      await enterprise.request('POST', '/api/trainings', {
        title: '企业自办培训',
        date: '2026-05-10',
        data: { organiser: '黄埔申报企业', trainees: [{ name: '甲', completed: true }] },
      })
    ).json();
    expect(training.confirmation.state).toBe('declared');
    expect(await value('T-PUB-3')).toBe(trainingsBefore);
    expect((await drill('T-PUB-3')).pending[0]).toMatchObject({ id: training.id, confirmation: 'declared' });
    const foreign = await otherOfficer.request('POST', `/api/registry-records/${training.id}/confirm`, {
      comment: 'x',
      version: training.version,
    });
    expect(foreign.statusCode).toBe(404);
    const ok = await officer.request('POST', `/api/registry-records/${training.id}/confirm`, {
      comment: '签到表已核对',
      version: training.version,
    });
    expect(ok.json()).toMatchObject({ state: 'confirmed' });
    expect(await value('T-PUB-3')).toBe(trainingsBefore + 1);
  });
});
