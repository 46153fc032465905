import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertUser, login, orgByDivision, type Session, type TestContext } from '../../../test/harness.js';

// Architecture §3: code lists are data with versions (issue #3 item 1: industries, clusters; S2-1 scenarios).
describe('code lists', () => {
  let ctx: TestContext;
  let admin: Session;
  let analyst: Session;
  beforeAll(async () => {
    ctx = await createTestApp();
    const city = await orgByDivision(ctx, '440100');
    await insertUser(ctx, 'cl.admin', 'city_admin', city.id);
    await insertUser(ctx, 'cl.analyst', 'city_analyst', city.id);
    admin = await login(ctx, 'cl.admin');
    analyst = await login(ctx, 'cl.analyst');
  });
  afterAll(() => ctx.close());

  it('starts with the plan’s lists: 20 scenarios, 9 clusters, GB/T 4754 divisions', async () => {
    const lists = (await analyst.request('GET', '/api/code-lists')).json();
    expect(lists.map((l: { key: string }) => l.key).sort()).toEqual(['cluster', 'honour_type', 'industry', 'scenario', 'size_class']);
    const scenarios = (await analyst.request('GET', '/api/code-lists/scenario')).json();
    expect(scenarios.items).toHaveLength(20);
    expect(scenarios.items[5]).toMatchObject({ code: 'S06', nameZh: '机器视觉质检', attrs: { batch: 1, confirmed: true } });
    const clusters = (await analyst.request('GET', '/api/code-lists/cluster')).json();
    expect(clusters.items.map((i: { nameZh: string }) => i.nameZh)).toContain('智能网联与新能源汽车');
    const industry = (await analyst.request('GET', '/api/code-lists/industry')).json();
    expect(industry.items.find((i: { code: string }) => i.code === '39').nameZh).toBe('计算机、通信和其他电子设备制造业');
  });

  it('versions every change, retires instead of deleting, and audits', async () => {
    const before = (await admin.request('GET', '/api/code-lists/scenario')).json().version;
    const renamed = await admin.request('PUT', '/api/code-lists/scenario/items/S11', {
      nameZh: '生产单元模拟（确认）',
      nameEn: 'Production unit simulation',
      attrs: { batch: 2, confirmed: true },
    });
    expect(renamed.statusCode).toBe(200);
    const retired = await admin.request('POST', '/api/code-lists/scenario/items/S20/retire');
    expect(retired.json()).toMatchObject({ active: false, retiredVersion: before + 2 });
    const list = (await admin.request('GET', '/api/code-lists/scenario')).json();
    expect(list.version).toBe(before + 2);
    expect(list.items.map((i: { code: string }) => i.code)).not.toContain('S20');
    const all = (await admin.request('GET', '/api/code-lists/scenario?includeRetired=true')).json();
    expect(all.items.map((i: { code: string }) => i.code)).toContain('S20');
    const added = await admin.request('PUT', '/api/code-lists/scenario/items/C_LOWALT', {
      nameZh: '低空巡检',
      nameEn: 'Low-altitude inspection',
    });
    expect(added.json()).toMatchObject({ code: 'C_LOWALT', sinceVersion: before + 3, active: true });
    const audit = (await admin.request('GET', '/api/audit?entityType=code_item')).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['code_item.upsert', 'code_item.retire', 'code_item.upsert']);
  });

  it('is edited only by holders of codelist:write', async () => {
    const res = await analyst.request('PUT', '/api/code-lists/cluster/items/X', { nameZh: 'x', nameEn: 'x' });
    expect(res.statusCode).toBe(403);
    const bad = await admin.request('PUT', '/api/code-lists/cluster/items/bad%20code', { nameZh: 'x', nameEn: 'x' });
    expect(bad.statusCode).toBe(422);
    const unknownList = await admin.request('GET', '/api/code-lists/colours');
    expect(unknownList.statusCode).toBe(422);
  });
});
