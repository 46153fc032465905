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

// Issue #4 items 1–2: indicators as data (create, edit, retire), every kind and aggregation, formulas.
describe('indicator administration', () => {
  let ctx: TestContext;
  let admin: Session;
  let analyst: Session;
  let officer: Session;
  let ent: Session;
  let huangpuId: string;
  let tianheId: string;

  const put = (element: string, period: string, orgId: string, value: number) =>
    ctx.database.pool.query(
      "INSERT INTO data_value (data_element_code, period, org_id, value, stored_by, updated_at) VALUES ($1, $2, $3, $4, 'test', now())",
      [element, period, orgId, String(value)],
    );
  const base = {
    group: 'infrastructure',
    unit: '个',
    target: 100,
    definitionZh: '测试指标',
  };
  const create = (s: Session, body: Record<string, unknown>) => s.request('POST', '/api/indicators', { ...base, ...body });
  const value = async (code: string, query = '') => (await admin.request('GET', `/api/indicators/${code}${query}`)).json();

  beforeAll(async () => {
    ctx = await createTestApp({ clock: manualClock(new Date('2026-03-15T02:00:00Z')) });
    const city = await orgByDivision(ctx, '440100');
    const huangpu = await orgByDivision(ctx, '440112');
    const tianhe = await orgByDivision(ctx, '440106');
    huangpuId = huangpu.id;
    tianheId = tianhe.id;
    const e1 = await insertEnterprise(ctx, huangpu.id, '指标管理企业', '91440112MA59B7XH31');
    await insertUser(ctx, 'a.admin', 'city_admin', city.id);
    await insertUser(ctx, 'a.analyst', 'city_analyst', city.id);
    await insertUser(ctx, 'a.hp', 'district_officer', huangpu.id);
    await insertUser(ctx, 'a.ent', 'enterprise_user', e1.id);
    await insertUser(ctx, 'a.aud', 'auditor', city.id);
    await insertUser(ctx, 'a.sec', 'security_analyst', city.id);
    [admin, analyst, officer, ent] = [
      await login(ctx, 'a.admin'),
      await login(ctx, 'a.analyst'),
      await login(ctx, 'a.hp'),
      await login(ctx, 'a.ent'),
    ];
    // Stocks (LAST): Huangpu 1000 → 1200, Tianhe 2000; 5G-A: Huangpu 100, Tianhe 0 → 300.
    await put('BS5G_TOTAL', '202509', huangpuId, 1000);
    await put('BS5G_TOTAL', '202512', huangpuId, 1200);
    await put('BS5G_TOTAL', '202510', tianheId, 2000);
    await put('BS5GA', '202512', huangpuId, 100);
    await put('BS5GA', '202510', tianheId, 0);
    await put('BS5GA', '202601', tianheId, 300);
    // Flows (SUM): only periods since the plan started count.
    await put('PRIVNET_NEW', '202510', huangpuId, 2);
    await put('PRIVNET_NEW', '202601', tianheId, 3);
    await put('PRIVNET_NEW', '202508', tianheId, 50);
  });
  afterAll(() => ctx.close());

  it('lets only holders of indicator:manage write; readers see the definitions', async () => {
    // Every role without indicator:manage (roles.ts gives it to city admins only) is refused.
    for (const s of [analyst, officer, ent, await login(ctx, 'a.aud'), await login(ctx, 'a.sec')]) {
      expect(
        (await create(s, { code: 'X-NO', nameZh: '无', nameEn: 'No', kind: 'record_count', source: 'records', counter: 'patents' }))
          .statusCode,
      ).toBe(403);
      expect(
        (await s.request('PATCH', '/api/indicators/T-APP-2', { version: 1, thresholds: { atRisk: 0.8, behind: 0.5 } })).statusCode,
      ).toBe(403);
      expect((await s.request('POST', '/api/indicators/formula-check', { formula: '1 + 1' })).statusCode).toBe(403);
    }
    expect((await analyst.request('GET', '/api/indicators/definitions')).statusCode).toBe(200);
    expect((await ent.request('GET', '/api/indicators/definitions')).statusCode).toBe(403);
    const defs = (await admin.request('GET', '/api/indicators/definitions')).json();
    const app2 = defs.find((d: { code: string }) => d.code === 'T-APP-2');
    expect(app2).toMatchObject({ isPlanTarget: true, counter: 'projects_filed_active', dataElement: null, version: 1 });
    expect(defs.find((d: { code: string }) => d.code === 'T-INF-1')).toMatchObject({ counter: null, dataElement: 'BS5G_TOTAL' });
    const sources = (await analyst.request('GET', '/api/indicators/sources')).json();
    expect(sources.counters).toContain('trainees_completed');
    expect(sources.dataElements.find((e: { code: string }) => e.code === 'PRIVNET_NEW')).toMatchObject({ aggregation: 'SUM' });
  });

  it('creates each kind: a record count, a reported stock (LAST), a reported flow (SUM) — city-wide and per district', async () => {
    const count = await create(admin, {
      code: 'X-PAT',
      nameZh: '专利',
      nameEn: 'Patents',
      kind: 'record_count',
      source: 'records',
      counter: 'patents',
    });
    expect(count.statusCode, count.body).toBe(201);
    expect(count.json()).toMatchObject({ code: 'X-PAT', isPlanTarget: false, version: 1, protectedFields: ['code'] });
    expect((await value('X-PAT')).value).toBe(0);

    const stock = await create(admin, {
      code: 'X-5GA',
      nameZh: '5G-A',
      nameEn: '5G-A',
      kind: 'cumulative',
      source: 'data_elements',
      dataElement: 'BS5GA',
    });
    expect(stock.statusCode, stock.body).toBe(201);
    expect((await value('X-5GA')).value).toBe(400);
    expect((await value('X-5GA', '?asOf=2025-12-31')).value).toBe(100); // Tianhe's latest then is 0
    expect((await value('X-5GA', `?district=${tianheId}`)).value).toBe(300);

    const flow = await create(admin, {
      code: 'X-NET',
      nameZh: '专网',
      nameEn: 'Networks',
      kind: 'new_since_start',
      source: 'data_elements',
      dataElement: 'PRIVNET_NEW',
    });
    expect(flow.statusCode, flow.body).toBe(201);
    expect((await value('X-NET')).value).toBe(5);
    expect((await value('X-NET', `?district=${huangpuId}`)).value).toBe(2);

    const audit = await ctx.database.pool.query("SELECT action FROM audit_log WHERE entity_type = 'indicator' AND entity_id = 'X-NET'");
    expect(audit.rows.map((r) => r.action)).toEqual(['indicator.create']);
    const listed = (await admin.request('GET', '/api/indicators')).json().map((i: { code: string }) => i.code);
    expect(listed).toEqual(expect.arrayContaining(['X-PAT', 'X-5GA', 'X-NET', 'X-INF-5GA-SHARE']));
  });

  it('refuses a source that does not fit the kind, naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ kind: 'record_count', source: 'records', counter: 'nope' }, 'counter', 'unknown_counter'],
      [{ kind: 'record_count', source: 'records' }, 'counter', 'required'],
      [{ kind: 'new_since_start', source: 'data_elements', dataElement: 'BS5GA' }, 'kind', 'kind_aggregation'],
      [{ kind: 'record_count', source: 'data_elements', dataElement: 'BS5GA' }, 'kind', 'kind_source'],
      [{ kind: 'cumulative', source: 'data_elements', dataElement: 'NOPE' }, 'dataElement', 'unknown_reference'],
      [{ kind: 'cumulative', source: 'indicators' }, 'source', 'formula_source'],
      [{ kind: 'record_count', source: 'records', counter: 'patents', formula: '1' }, 'formula', 'not_applicable'],
      [{ kind: 'formula', source: 'records', formula: '1' }, 'source', 'formula_source'],
      [{ kind: 'record_count', source: 'records', counter: 'patents', targetDate: '2025-01-01' }, 'targetDate', 'plan'],
      [{ kind: 'record_count', source: 'records', counter: 'patents', milestones: { '2030-01-01': 5 } }, 'milestones', 'plan'],
    ];
    for (const [body, field, rule] of cases) {
      const res = await create(admin, { code: 'X-BAD', nameZh: '坏', nameEn: 'Bad', ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.json().error.details.issues[0], JSON.stringify(body)).toMatchObject({ field, rule });
    }
    expect(
      (
        await create(admin, { code: 'T-NEW-1', nameZh: '新', nameEn: 'New', kind: 'record_count', source: 'records', counter: 'patents' })
      ).json().error.details.issues[0],
    ).toMatchObject({ field: 'code', rule: 'reserved' });
    expect(
      (await create(admin, { code: 'X-PAT', nameZh: '重', nameEn: 'Dup', kind: 'record_count', source: 'records', counter: 'patents' }))
        .statusCode,
    ).toBe(409);
    expect(
      (await create(admin, { code: 'x-lower', nameZh: '小', nameEn: 'lower', kind: 'record_count', source: 'records', counter: 'patents' }))
        .statusCode,
    ).toBe(422);
    expect((await ctx.database.pool.query("SELECT count(*)::int AS n FROM indicator WHERE code = 'X-BAD'")).rows[0].n).toBe(0);
  });

  it('evaluates formulas over data elements and indicators: arithmetic, if, greatest, least', async () => {
    const share = await value('X-INF-5GA-SHARE');
    expect(share.value).toBeCloseTo((400 / 3200) * 100, 6);
    expect((await value('X-INF-5GA-SHARE', `?district=${huangpuId}`)).value).toBeCloseTo((100 / 1200) * 100, 6);
    // T-INF-3 is 5 networks on T-INF-1's 3 200 base stations.
    expect((await value('X-INF-PRIVNET-PER-1K')).value).toBeCloseTo((5 / 3200) * 1000, 6);
    const mixed = await create(admin, {
      code: 'X-MIX',
      nameZh: '混合',
      nameEn: 'Mixed',
      kind: 'formula',
      source: 'indicators',
      formula: 'if(I{X-NET} > 4, greatest(#{BS5GA}, 350), least(#{BS5GA}, 1)) + I{X-PAT} * 2',
    });
    expect(mixed.statusCode, mixed.body).toBe(201);
    expect((await value('X-MIX')).value).toBe(400);
    expect((await value('X-MIX', `?district=${huangpuId}`)).value).toBe(1); // 2 networks → least(100, 1)
    const series = (await admin.request('GET', '/api/indicators/X-INF-5GA-SHARE/series')).json();
    expect(series.points.map((p: { period: string }) => p.period)).toEqual([
      '202509',
      '202510',
      '202511',
      '202512',
      '202601',
      '202602',
      '202603',
    ]);
    // September: 1 000 stations, no 5G-A figure yet → no value; October: 0 of 3 000.
    expect(series.points[0].value).toBeNull();
    expect(series.points[1].value).toBe(0);
    expect(series.points.at(-1).value).toBeCloseTo(12.5, 6);
  });

  it('refuses malformed formulas, unknown references and cycles, naming the formula field', async () => {
    const formula = (code: string, text: string) =>
      create(admin, { code, nameZh: '公式', nameEn: 'Formula', kind: 'formula', source: 'indicators', formula: text });
    const syntax = await formula('X-F1', '#{BS5GA} / ');
    expect(syntax.statusCode).toBe(422);
    expect(syntax.json().error.details.issues[0]).toMatchObject({ field: 'formula', rule: 'syntax' });
    expect(syntax.json().error.details.problems[0].position).toBeGreaterThan(0);
    const element = await formula('X-F1', '#{NOPE} + 1');
    expect(element.json().error.details.issues[0]).toMatchObject({
      field: 'formula',
      rule: 'unknown_reference',
      message: 'at 0: unknown data element NOPE',
    });
    const ind = await formula('X-F1', 'I{X-GONE} + 1');
    expect(ind.json().error.details.issues[0].message).toContain('unknown indicator X-GONE');
    expect((await formula('X-F1', '#{BS5GA}.periodOffset(-1)')).json().error.details.issues[0].message).toContain('period offsets');
    expect((await formula('X-F1', 'I{X-F1} + 1')).json().error.details.issues[0]).toMatchObject({
      rule: 'cycle',
      message: expect.stringContaining('I{X-F1} → I{X-F1}'),
    });

    expect((await formula('X-A', 'I{T-APP-2} + 1')).statusCode).toBe(201);
    expect((await formula('X-B', 'I{X-A} * 2')).statusCode).toBe(201);
    const version =
      (await value('X-A')).code &&
      (await admin.request('GET', '/api/indicators/definitions')).json().find((d: { code: string }) => d.code === 'X-A').version;
    const loop = await admin.request('PATCH', '/api/indicators/X-A', { version, formula: 'I{X-B} + 1' });
    expect(loop.statusCode).toBe(422);
    expect(loop.json().error.details.issues[0]).toMatchObject({ field: 'formula', rule: 'cycle' });
    expect(loop.json().error.message).toContain('I{X-A} → I{X-B} → I{X-A}');
    // The live check gives the same answers, and a value when the formula passes.
    const live = (await admin.request('POST', '/api/indicators/formula-check', { code: 'X-A', formula: 'I{X-B} + 1' })).json();
    expect(live).toMatchObject({ ok: false, cycle: ['X-A', 'X-B', 'X-A'] });
    const ok = (await admin.request('POST', '/api/indicators/formula-check', { formula: '#{BS5GA} + I{X-NET}' })).json();
    expect(ok).toMatchObject({ ok: true, problems: [], dataElements: ['BS5GA'], indicators: ['X-NET'], value: 405 });
  });

  it('gives no value, with the reason, when a formula divides by zero', async () => {
    const res = await create(admin, {
      code: 'X-DIV',
      nameZh: '除零',
      nameEn: 'Div',
      kind: 'formula',
      source: 'data_elements',
      formula: '#{BS5G_TOTAL} / #{BS5GA}',
    });
    expect(res.statusCode, res.body).toBe(201);
    const tianhe = await value('X-DIV', `?district=${tianheId}&asOf=2025-12-31`);
    expect(tianhe).toMatchObject({ value: null, status: 'no_data' });
    expect(tianhe.reason).toContain('division by zero');
    expect((await value('X-DIV')).value).toBe(8);
    expect((await admin.request('GET', '/api/indicators/X-DIV/series')).statusCode).toBe(200);
  });

  it('keeps what the plan states of its targets; thresholds, milestones and baseline may change', async () => {
    const def = () =>
      admin.request('GET', '/api/indicators/definitions').then((r) => r.json().find((d: { code: string }) => d.code === 'T-APP-2'));
    const v1 = (await def()).version;
    const refused = await admin.request('PATCH', '/api/indicators/T-APP-2', { version: v1, target: 100 });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.issues[0]).toMatchObject({ field: 'target', rule: 'plan_target' });
    expect(refused.json().error.message).toContain('穗工信函〔2025〕256号');
    // Sending the plan's own value back is not a change.
    expect(
      (await admin.request('PATCH', '/api/indicators/T-APP-2', { version: v1, target: 150, nameZh: (await def()).nameZh })).statusCode,
    ).toBe(200);
    const v2 = (await def()).version;
    const ok = await admin.request('PATCH', '/api/indicators/T-APP-2', {
      version: v2,
      thresholds: { atRisk: 0.8, behind: 0.5 },
      milestones: { '2026-12-31': 60 },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: v2 + 1, thresholds: { atRisk: 0.8, behind: 0.5 }, milestones: { '2026-12-31': 60 } });
    expect((await admin.request('PATCH', '/api/indicators/T-APP-2', { version: v2, unit: '项' })).statusCode).toBe(409);
    const audit = await ctx.database.pool.query("SELECT action, before, after FROM audit_log WHERE entity_id = 'T-APP-2' ORDER BY seq");
    expect(audit.rows.map((r) => r.action)).toEqual(['indicator.update', 'indicator.update']);
    expect(audit.rows[1].after.thresholds).toEqual({ atRisk: 0.8, behind: 0.5 });
    expect((await admin.request('POST', '/api/indicators/T-APP-2/retire', { version: v2 + 1, reason: '不要' })).statusCode).toBe(409);
  });

  // Issue #12 item 7: new indicators are public only when marked public; the plan's targets always are.
  it('keeps a new indicator off the public dashboard until it is marked public', async () => {
    const publicCodes = async () => {
      const body = (await ctx.app.inject({ method: 'GET', url: '/api/public/dashboard' })).json();
      return body.groups.flatMap((g: { indicators: Array<{ code: string }> }) => g.indicators.map((i) => i.code)) as string[];
    };
    const created = await create(admin, {
      code: 'X-PUB',
      nameZh: '公开测试',
      nameEn: 'Public test',
      kind: 'record_count',
      source: 'records',
      counter: 'patents',
    });
    expect(created.json()).toMatchObject({ isPublic: false });
    expect(await publicCodes()).not.toContain('X-PUB');
    expect(await publicCodes()).toContain('T-APP-2');
    const mapped = await ctx.app.inject({ method: 'GET', url: '/api/public/dashboard?mapIndicator=X-PUB' });
    expect(mapped.statusCode).toBe(422);
    expect(mapped.json().error.details.issues[0]).toMatchObject({ field: 'mapIndicator', rule: 'public_only' });
    // Logged-in readers still see it.
    const city = (await admin.request('GET', '/api/dashboard')).json();
    expect(city.groups.flatMap((g: { indicators: Array<{ code: string }> }) => g.indicators.map((i) => i.code))).toContain('X-PUB');

    const marked = await admin.request('PATCH', '/api/indicators/X-PUB', { version: created.json().version, isPublic: true });
    expect(marked.json()).toMatchObject({ isPublic: true });
    expect(await publicCodes()).toContain('X-PUB');

    const target = (await admin.request('GET', '/api/indicators/definitions')).json().find((d: { code: string }) => d.code === 'T-INF-1');
    expect(target).toMatchObject({ isPublic: true });
    const hidden = await admin.request('PATCH', '/api/indicators/T-INF-1', { version: target.version, isPublic: false });
    expect(hidden.json().error.details.issues[0]).toMatchObject({ field: 'isPublic', rule: 'plan_target' });
  });

  it('retires an indicator no formula uses, and restores it', async () => {
    const defs = async () => (await admin.request('GET', '/api/indicators/definitions?retired=include')).json();
    const versionOf = async (code: string) => (await defs()).find((d: { code: string }) => d.code === code).version;
    const used = await admin.request('POST', '/api/indicators/X-NET/retire', { version: await versionOf('X-NET'), reason: '测试' });
    expect(used.statusCode).toBe(409);
    expect(used.json().error.message).toContain('X-MIX');
    expect((await admin.request('POST', '/api/indicators/X-PAT/retire', { version: 1, reason: '' })).statusCode).toBe(422);
    const retired = await admin.request('POST', '/api/indicators/X-5GA/retire', {
      version: await versionOf('X-5GA'),
      reason: '合并到 X-INF-5GA-SHARE',
    });
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json()).toMatchObject({ retiredReason: '合并到 X-INF-5GA-SHARE' });
    expect((await admin.request('GET', '/api/indicators')).json().map((i: { code: string }) => i.code)).not.toContain('X-5GA');
    // A retired indicator cannot be used in a new formula.
    const uses = await create(admin, {
      code: 'X-USE',
      nameZh: '用',
      nameEn: 'Use',
      kind: 'formula',
      source: 'indicators',
      formula: 'I{X-5GA}',
    });
    expect(uses.json().error.details.issues[0].message).toContain('unknown indicator X-5GA');
    const restored = await admin.request('POST', '/api/indicators/X-5GA/restore', { version: await versionOf('X-5GA') });
    expect(restored.statusCode, restored.body).toBe(200);
    expect((await value('X-5GA')).value).toBe(400);
    const audit = await ctx.database.pool.query("SELECT action FROM audit_log WHERE entity_id = 'X-5GA' ORDER BY seq");
    expect(audit.rows.map((r) => r.action)).toEqual(['indicator.create', 'indicator.retire', 'indicator.restore']);
  });
});
