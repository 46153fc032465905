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

// Issue #12 item 5: a certificate-less 单项冠军 an enterprise declares itself does not move T-ECO-1
// until its district confirms it; the district sees it on 工作台, and the enterprise hears the outcome.
describe('declared honours count toward T-ECO-1 once confirmed (#12 item 5)', () => {
  const clock = manualClock(new Date('2026-06-01T08:00:00Z'));
  let ctx: TestContext;
  let enterprise: Session;
  let officer: Session;
  let otherOfficer: Session;
  let admin: Session;
  let huangpu: string;
  let enterpriseId: string;
  const champion = { honourType: 'SINGLE_CHAMPION_ENTERPRISE', level: 'national', year: 2025 };
  const value = async () => (await admin.request('GET', `/api/indicators/T-ECO-1?district=${huangpu}`)).json().value as number;
  const notifications = async () =>
    (await enterprise.request('GET', '/api/notifications')).json().items as Array<{ kind: string; titleZh: string; bodyZh: string }>;

  beforeAll(async () => {
    ctx = await createTestApp({ clock });
    const city = await orgByDivision(ctx, '440100');
    huangpu = (await orgByDivision(ctx, '440112')).id;
    const tianhe = await orgByDivision(ctx, '440106');
    enterpriseId = (await insertEnterprise(ctx, huangpu, '黄埔冠军企业', '91440112MA59B7XH31')).id;
    await insertUser(ctx, 'h.ent', 'enterprise_user', enterpriseId);
    await insertUser(ctx, 'h.hp', 'district_officer', huangpu);
    await insertUser(ctx, 'h.th', 'district_officer', tianhe.id);
    await insertUser(ctx, 'h.admin', 'city_admin', city.id);
    [enterprise, officer, otherOfficer, admin] = [
      await login(ctx, 'h.ent'),
      await login(ctx, 'h.hp'),
      await login(ctx, 'h.th'),
      await login(ctx, 'h.admin'),
    ];
  });
  afterAll(() => ctx.close());

  it('a declared single champion waits, is returned with a reason, then confirmed and counted', async () => {
    const before = await value();
    const added = await enterprise.request('POST', `/api/enterprises/${enterpriseId}/honours`, champion);
    expect(added.statusCode).toBe(201);
    const honour = added.json();
    expect(honour).toMatchObject({ certificateNo: null, confirmation: { state: 'declared' } });
    expect(await value()).toBe(before);
    const drill = (await admin.request('GET', `/api/indicators/T-ECO-1/records?district=${huangpu}`)).json();
    expect(drill.pendingTotal).toBe(1);

    // The district's 工作台 and confirmation list show it; another district sees nothing.
    const todo = (await officer.request('GET', '/api/workbench')).json().items.find((i: { kind: string }) => i.kind === 'record.confirm');
    expect(todo).toMatchObject({ count: 1, link: '/programme/confirmations' });
    expect((await officer.request('GET', '/api/confirmations/pending')).json().items).toEqual([
      expect.objectContaining({ kind: 'honour', id: honour.id, registry: 'SINGLE_CHAMPION_ENTERPRISE', orgName: '黄埔冠军企业' }),
    ]);
    expect((await otherOfficer.request('GET', '/api/workbench')).json().items.map((i: { kind: string }) => i.kind)).not.toContain(
      'record.confirm',
    );
    const foreign = await otherOfficer.request('POST', `/api/enterprises/${enterpriseId}/honours/${honour.id}/confirm`, {
      comment: '越权',
      version: honour.version,
    });
    expect(foreign.statusCode).toBe(404);
    const self = await enterprise.request('POST', `/api/enterprises/${enterpriseId}/honours/${honour.id}/confirm`, {
      comment: '自己确认',
      version: honour.version,
    });
    expect(self.statusCode).toBe(403);

    // Returned without a reason is refused; with one, the enterprise reads it.
    const bare = await officer.request('POST', `/api/enterprises/${enterpriseId}/honours/${honour.id}/return`, {
      comment: '',
      version: honour.version,
    });
    expect(bare.statusCode).toBe(422);
    const returned = await officer.request('POST', `/api/enterprises/${enterpriseId}/honours/${honour.id}/return`, {
      comment: '缺少证书编号',
      version: honour.version,
    });
    expect(returned.json()).toMatchObject({ state: 'returned', by: 'h.hp', comment: '缺少证书编号' });
    expect((await notifications())[0]).toMatchObject({ kind: 'confirmation.returned' });
    expect((await notifications())[0]?.bodyZh).toContain('缺少证书编号');
    expect(await value()).toBe(before);

    // Corrected by the enterprise: declared again; confirmed by the district: counted.
    const edited = await enterprise.request('PUT', `/api/enterprises/${enterpriseId}/honours/${honour.id}`, {
      ...champion,
      certificateNo: 'GXB-2025-001',
    });
    expect(edited.json()).toMatchObject({ confirmation: { state: 'declared' }, version: honour.version + 2 });
    const stale = await officer.request('POST', `/api/enterprises/${enterpriseId}/honours/${honour.id}/confirm`, {
      comment: '证书核验通过',
      version: honour.version,
    });
    expect(stale.statusCode).toBe(409);
    clock.advance(60_000);
    const confirmed = await officer.request('POST', `/api/enterprises/${enterpriseId}/honours/${honour.id}/confirm`, {
      comment: '证书核验通过',
      version: edited.json().version,
    });
    expect(confirmed.json()).toMatchObject({ state: 'confirmed', by: 'h.hp' });
    expect(await value()).toBe(before + 1);
    expect((await notifications())[0]).toMatchObject({ kind: 'confirmation.confirmed', titleZh: expect.stringContaining('单项冠军') });
    expect((await officer.request('GET', '/api/workbench')).json().items.map((i: { kind: string }) => i.kind)).not.toContain(
      'record.confirm',
    );
  });

  it('an honour the district enters is confirmed at entry and counts at once', async () => {
    const other = await insertEnterprise(ctx, huangpu, '黄埔第二冠军', '914403001922038216');
    const before = await value();
    const added = await officer.request('POST', `/api/enterprises/${other.id}/honours`, { ...champion, certificateNo: 'GXB-2025-002' });
    expect(added.json().confirmation).toMatchObject({ state: 'confirmed', by: 'h.hp' });
    expect(await value()).toBe(before + 1);
  });

  it('the enterprise hears when its factory is confirmed', async () => {
    const factory = (await enterprise.request('POST', '/api/factories', { name: '冠军工厂', level: 'line' })).json();
    clock.advance(60_000);
    await officer.request('POST', `/api/factories/${factory.id}/confirm`, { comment: '核查通过', version: factory.version });
    const latest = (await notifications())[0];
    expect(latest).toMatchObject({ kind: 'confirmation.confirmed' });
    expect(latest?.titleZh).toContain('冠军工厂');
  });
});
