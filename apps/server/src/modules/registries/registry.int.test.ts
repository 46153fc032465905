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

// Issue #3 item 5: ecosystem records with the fields their indicators count by (T-ECO-2/3/5, T-PUB-1..4).
describe('ecosystem registries', () => {
  let ctx: TestContext;
  let enterprise: Session;
  let stranger: Session;
  let admin: Session;
  let officer: Session;

  beforeAll(async () => {
    ctx = await createTestApp();
    const city = await orgByDivision(ctx, '440100');
    const huangpu = await orgByDivision(ctx, '440112');
    const tianhe = await orgByDivision(ctx, '440106');
    const e1 = await insertEnterprise(ctx, huangpu.id, '黄埔专利企业', '91440112MA59B7XH31');
    const e2 = await insertEnterprise(ctx, tianhe.id, '天河企业', '91440106MA5CXK0T1K');
    await insertUser(ctx, 'r.ent', 'enterprise_user', e1.id);
    await insertUser(ctx, 'r.stranger', 'enterprise_user', e2.id);
    await insertUser(ctx, 'r.admin', 'city_admin', city.id);
    await insertUser(ctx, 'r.officer', 'district_officer', huangpu.id);
    [enterprise, stranger, admin, officer] = [
      await login(ctx, 'r.ent'),
      await login(ctx, 'r.stranger'),
      await login(ctx, 'r.admin'),
      await login(ctx, 'r.officer'),
    ];
  });
  afterAll(() => ctx.close());

  it('registers a patent with a validated, normalised number and refuses it twice', async () => {
    const body = {
      title: '一种基于5G的工业视觉检测方法',
      date: '2017-08-01',
      data: {
        number: 'ZL 2017 1 0601862.3',
        kind: 'invention',
        applicationDate: '2017-08-01',
        grantDate: '2019-03-01',
        owner: '黄埔专利企业',
      },
    };
    const res = await enterprise.request('POST', '/api/patents', body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ registry: 'patents', kind: 'invention', data: { number: '201710601862.3' } });
    const again = await enterprise.request('POST', '/api/patents', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.issues[0]).toMatchObject({ field: 'data.number', rule: 'unique' });
  });

  it('names the rule a wrong patent number breaks', async () => {
    const bad = await enterprise.request('POST', '/api/patents', {
      title: 'x',
      date: '2020-01-01',
      data: { number: '201710601862.4', kind: 'invention', applicationDate: '2020-01-01', owner: 'x' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.issues[0]).toMatchObject({ field: 'body.data.number' });
    expect(bad.json().error.details.issues[0].message).toContain('check digit');
    const wrongKind = await enterprise.request('POST', '/api/patents', {
      title: 'x',
      date: '2020-01-01',
      data: { number: '201710601862.3', kind: 'design', applicationDate: '2020-01-01', owner: 'x' },
    });
    expect(wrongKind.json().error.details.issues[0].field).toBe('body.data.kind');
  });

  it('counts completed trainees and event attendance into quantity', async () => {
    const training = await officer.request('POST', '/api/trainings', {
      title: '5G+工业互联网技能培训（第一期）',
      date: '2026-04-10',
      data: {
        organiser: '黄埔区工信局',
        trainees: [
          { name: '张三', completed: true },
          { name: '李四', completed: false },
          { name: '王五', completed: true },
        ],
      },
    });
    expect(training.statusCode).toBe(201);
    expect(training.json()).toMatchObject({ quantity: 2, kind: null });
    const event = await admin.request('POST', '/api/events', {
      title: '百城千园行·广州站',
      date: '2026-05-20',
      data: { kind: 'hundred_cities', organiser: '市工信局', attendance: 320 },
    });
    expect(event.json()).toMatchObject({ quantity: 320, kind: 'hundred_cities' });
    expect((await admin.request('GET', '/api/events?kind=hundred_cities&year=2026')).json().total).toBe(1);
    expect((await admin.request('GET', '/api/events?year=2025')).json().total).toBe(0);
  });

  it('links test records to a visible test platform and protects the platform', async () => {
    const platform = (
      await officer.request('POST', '/api/test-platforms', {
        title: '黄埔5G中试验证平台',
        date: '2026-01-01',
        data: { operator: '演示运营商', scope: '5G工业模组一致性测试' },
      })
    ).json();
    const record = await officer.request('POST', '/api/test-records', {
      title: 'RedCap模组互通测试',
      date: '2026-02-01',
      data: { platformId: platform.id, subject: 'RedCap模组', result: 'passed' },
    });
    expect(record.statusCode).toBe(201);
    const ghost = await officer.request('POST', '/api/test-records', {
      title: 'x',
      date: '2026-02-01',
      data: { platformId: '00000000-0000-4000-8000-000000000000', subject: 'x', result: 'passed' },
    });
    expect(ghost.json().error.details.issues[0].field).toBe('data.platformId');
    const del = await officer.request('DELETE', `/api/test-platforms/${platform.id}`);
    expect(del.statusCode).toBe(409);
  });

  it('scopes records by owner and audits changes', async () => {
    const mine = (await enterprise.request('GET', '/api/patents')).json();
    expect(mine.total).toBe(1);
    expect((await stranger.request('GET', '/api/patents')).json().total).toBe(0);
    expect((await stranger.request('GET', `/api/patents/${mine.items[0].id}`)).statusCode).toBe(404);
    expect((await officer.request('GET', '/api/patents')).json().total).toBe(1);
    const edit = await enterprise.request('PATCH', `/api/patents/${mine.items[0].id}`, {
      version: mine.items[0].version,
      title: '一种基于5G的工业视觉检测方法（修订）',
    });
    expect(edit.statusCode).toBe(200);
    const audit = (await admin.request('GET', `/api/audit?entityType=patents&entityId=${mine.items[0].id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action).sort()).toEqual(['patents.create', 'patents.update']);
  });

  it('checks each registry’s own fields', async () => {
    const res = await enterprise.request('POST', '/api/standards', {
      title: 'x',
      date: '2026-01-01',
      data: { level: 'planetary', role: 'led', status: 'published' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.issues[0].field).toBe('body.data.level');
    const unknown = await enterprise.request('POST', '/api/standards', {
      title: 'x',
      date: '2026-01-01',
      data: { level: 'national', role: 'led', status: 'published', colour: 'red' },
    });
    expect(unknown.json().error.details.issues[0].rule).toBe('unrecognized_keys');
  });
});
