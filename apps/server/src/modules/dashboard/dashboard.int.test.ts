import ExcelJS from 'exceljs';
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

interface Card {
  code: string;
  value: number | null;
  target: number;
  progress: number | null;
  expected: number;
  status: string;
  sparkline: Array<{ period: string; value: number | null }>;
  drillDown?: string;
}
const cardsOf = (body: { groups: Array<{ group: string; indicators: Card[] }> }) => body.groups.flatMap((g) => g.indicators);

// Issue #4 item 6: the dashboard's figures are the indicators' figures, aggregated in one payload.
describe('dashboard', () => {
  const clock = manualClock(new Date('2026-11-20T02:00:00Z'));
  let ctx: TestContext;
  let admin: Session;
  let officer: Session;
  let ent: Session;
  let huangpu: string;
  let tianhe: string;
  const ENTERPRISE = '仪表盘测试制造有限公司';
  const PROJECT_TITLE = '驾驶舱机密项目甲';

  beforeAll(async () => {
    ctx = await createTestApp({ clock });
    const q = (text: string, values: unknown[] = []) => ctx.database.pool.query(text, values);
    const city = await orgByDivision(ctx, '440100');
    huangpu = (await orgByDivision(ctx, '440112')).id;
    tianhe = (await orgByDivision(ctx, '440106')).id;
    const e1 = await insertEnterprise(ctx, huangpu, ENTERPRISE, '91440112MA59B7XH31');
    const e2 = await insertEnterprise(ctx, tianhe, '天河仪表企业', '91440106MA59C2L68B');
    await insertUser(ctx, 'd.admin', 'city_admin', city.id);
    await insertUser(ctx, 'd.hp', 'district_officer', huangpu);
    await insertUser(ctx, 'd.ent', 'enterprise_user', e1.id);
    [admin, officer, ent] = [await login(ctx, 'd.admin'), await login(ctx, 'd.hp'), await login(ctx, 'd.ent')];

    // Projects with timelines: filed ones move in and out of the states T-APP-2 counts.
    const project = async (n: number, ent: { id: string; districtId: string | null }, filed: boolean, walk: Array<[string, string]>) => {
      const state = walk.at(-1)?.[0] ?? 'draft';
      const { rows } = await q(
        `INSERT INTO project (code, title, enterprise_id, district_id, filing_id, state, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, now(), now()) RETURNING id`,
        [`DP${n}`, n === 1 ? PROJECT_TITLE : `仪表项目${n}`, ent.id, ent.districtId, filed ? `GD5G-2026-9${n}` : null, state],
      );
      for (const [to, at] of walk) {
        await q(
          `INSERT INTO project_event (project_id, action, to_state, actor_name, actor_role, occurred_at) VALUES ($1, 'x', $2, 't', 'city_admin', $3)`,
          [rows[0].id, to, at],
        );
      }
    };
    await project(1, e1, true, [
      ['submitted', '2025-10-01T03:00:00Z'],
      ['approved', '2025-12-01T03:00:00Z'],
      ['under_construction', '2026-02-10T03:00:00Z'],
      ['built', '2026-07-31T20:00:00Z'],
    ]);
    await project(2, e2, true, [
      ['approved', '2026-01-05T03:00:00Z'],
      ['under_construction', '2026-03-31T03:00:00Z'],
      ['cancelled', '2026-09-15T03:00:00Z'],
    ]);
    await project(3, e2, false, [['under_construction', '2026-03-01T03:00:00Z']]);
    await project(4, e1, true, [['accepted', '2026-06-01T03:00:00Z']]);
    await project(5, e1, false, []);

    // Registry records in both districts, one without a district, one from before the plan.
    const record = (
      registry: string,
      districtId: string | null,
      orgId: string,
      date: string,
      kind: string | null,
      quantity: number | null,
    ) =>
      q(
        `INSERT INTO registry_record (registry, org_id, district_id, title, record_date, kind, quantity, data, created_at, updated_at)
         VALUES ($1, $2, $3, 'r', $4, $5, $6, '{}', now(), now())`,
        [registry, orgId, districtId, date, kind, quantity],
      );
    await record('patents', huangpu, e1.id, '2026-01-15', null, null);
    await record('patents', tianhe, e2.id, '2026-06-30', null, null);
    await record('patents', null, city.id, '2026-04-01', null, null);
    await record('patents', tianhe, e2.id, '2025-06-01', null, null);
    await record('standards', huangpu, e1.id, '2026-02-01', 'national', null);
    await record('standards', huangpu, e1.id, '2026-02-01', 'group', null);
    await record('trainings', tianhe, e2.id, '2026-05-05', null, 40);
    await record('trainings', huangpu, e1.id, '2026-10-05', null, 25);
    await record('events', huangpu, e1.id, '2026-08-05', 'exchange_meeting', null);

    // A factory whose tenth scenario went live on 2026-04-30.
    const { rows: f } = await q(
      `INSERT INTO factory (enterprise_id, district_id, name, level, created_at, updated_at) VALUES ($1, $2, '一号工厂', 'factory', '2025-10-01', now()) RETURNING id`,
      [e1.id, huangpu],
    );
    for (let i = 0; i < 11; i++) {
      await q(
        `INSERT INTO factory_scenario (factory_id, position, custom_name, category, go_live_date) VALUES ($1, $2, 's', 'main_production', $3)`,
        [f[0].id, i, i < 9 ? '2026-01-10' : i === 9 ? '2026-04-30' : null],
      );
    }

    // Reported figures: a stock and a flow.
    const put = (element: string, period: string, orgId: string, value: number) =>
      q("INSERT INTO data_value (data_element_code, period, org_id, value, stored_by, updated_at) VALUES ($1, $2, $3, $4, 'test', now())", [
        element,
        period,
        orgId,
        String(value),
      ]);
    await put('BS5G_TOTAL', '202509', huangpu, 1000);
    await put('BS5G_TOTAL', '202603', huangpu, 1500);
    await put('BS5G_TOTAL', '202510', tianhe, 2000);
    await put('BS5G_TOTAL', '202609', tianhe, 2600);
    await put('PRIVNET_NEW', '202511', huangpu, 2);
    await put('PRIVNET_NEW', '202607', tianhe, 3);
    // The October report: Huangpu's accepted, Tianhe's completed.
    for (const [org, state] of [
      [huangpu, 'accepted'],
      [tianhe, 'completed'],
    ] as const) {
      await q(
        `INSERT INTO data_registration (data_set_code, period, org_id, state, completed_at) VALUES ('DISTRICT_MONTHLY', '202610', $1, $2, now())`,
        [org, state],
      );
    }
  });
  afterAll(() => ctx.close());

  const compare = async (session: Session, query: string) => {
    const dashboard = await session.request('GET', `/api/dashboard${query}`);
    expect(dashboard.statusCode, dashboard.body).toBe(200);
    const indicators = (await session.request('GET', `/api/indicators${query.replace(/[?&]mapIndicator=[^&]*/, '')}`)).json();
    const cards = cardsOf(dashboard.json());
    expect(cards.map((c) => c.code).sort()).toEqual(indicators.map((i: { code: string }) => i.code).sort());
    for (const card of cards) {
      const { code, value, target, progress, expected, status } = indicators.find((i: { code: string }) => i.code === card.code);
      expect({
        code: card.code,
        value: card.value,
        target: card.target,
        progress: card.progress,
        expected: card.expected,
        status: card.status,
      }).toEqual({
        code,
        value,
        target,
        progress,
        expected,
        status,
      });
    }
    return dashboard.json();
  };

  it('shows the figures of GET /api/indicators, city-wide and per district, today and on an earlier day', async () => {
    const city = await compare(admin, '');
    expect(city).toMatchObject({ scope: 'city', districtId: null, asOf: '2026-11-20' });
    expect(city.groups.map((g: { group: string }) => g.group)).toEqual(['infrastructure', 'application', 'ecosystem', 'public_service']);
    const byCode = Object.fromEntries(cardsOf(city).map((c) => [c.code, c]));
    // Hand-checked: 1 500 + 2 600 base stations; project 1 built + project 4 accepted; three patents.
    expect(byCode['T-INF-1']?.value).toBe(4100);
    expect(byCode['T-APP-2']?.value).toBe(2);
    expect(byCode['T-ECO-3']?.value).toBe(3);
    expect(byCode['T-APP-1']?.value).toBe(1);
    expect(byCode['T-PUB-4']?.value).toBe(65);
    await compare(admin, `?district=${huangpu}`);
    await compare(admin, '?asOf=2026-05-31');
    await compare(admin, `?district=${tianhe}&asOf=2026-04-15`);
    await compare(officer, '');
  });

  it('draws each sparkline from the last twelve points of the indicator series', async () => {
    for (const query of ['', `?district=${tianhe}`]) {
      const cards = cardsOf((await admin.request('GET', `/api/dashboard${query}`)).json());
      for (const card of cards) {
        const series = (await admin.request('GET', `/api/indicators/${card.code}/series${query}`)).json();
        const tail = series.points.slice(-12).map((p: { period: string; value: number | null }) => ({ period: p.period, value: p.value }));
        expect(card.sparkline, `${card.code}${query}`).toEqual(tail);
      }
    }
  });

  it('ranks the districts by the chosen indicator, with the same values as per-district indicators', async () => {
    for (const code of ['T-INF-1', 'T-APP-2', 'T-PUB-4', 'T-INF-3']) {
      const body = (await admin.request('GET', `/api/dashboard?mapIndicator=${code}&asOf=2026-09-30`)).json();
      expect(body.mapIndicator).toBe(code);
      expect(body.districts).toHaveLength(11);
      for (const d of body.districts.filter((x: { id: string }) => x.id === huangpu || x.id === tianhe)) {
        const own = (await admin.request('GET', `/api/indicators/${code}?district=${d.id}&asOf=2026-09-30`)).json();
        expect(d.value, `${code} ${d.nameZh}`).toBe(own.value);
      }
    }
    const bs = (await admin.request('GET', '/api/dashboard')).json();
    const ranked = Object.fromEntries(
      bs.districts.map((d: { divisionCode: string; rank: number | null; value: number | null }) => [d.divisionCode, d]),
    );
    expect(ranked['440106']).toMatchObject({ value: 2600, rank: 1 });
    expect(ranked['440112']).toMatchObject({ value: 1500, rank: 2 });
    expect(ranked['440103']).toMatchObject({ value: null, rank: null });
    expect(ranked['440106'].overallProgress).toBeGreaterThan(0);
    expect(ranked['440103'].overallProgress).toBe(0);
    expect((await admin.request('GET', '/api/dashboard?mapIndicator=T-NOPE-9')).json().error.details.issues[0]).toMatchObject({
      field: 'mapIndicator',
      rule: 'exists',
    });
  });

  it('counts the project pipeline by state and the monthly report by state', async () => {
    const body = (await admin.request('GET', '/api/dashboard')).json();
    const { rows } = await ctx.database.pool.query('SELECT state, count(*)::int AS n FROM project GROUP BY state');
    const expected = Object.fromEntries(rows.map((r) => [r.state, r.n]));
    for (const { state, count } of body.pipeline.byState) expect(count, state).toBe(expected[state] ?? 0);
    expect(body.pipeline.total).toBe(5);
    const listed = (await admin.request('GET', '/api/projects?status=under_construction&pageSize=1')).json();
    expect(body.pipeline.byState.find((s: { state: string }) => s.state === 'under_construction').count).toBe(listed.total);
    expect(body.reports).toMatchObject({ dataSet: 'DISTRICT_MONTHLY', period: '202610', from: '202511', districts: 11 });
    const states = Object.fromEntries(body.reports.byState.map((s: { state: string; count: number }) => [s.state, s.count]));
    expect(states).toEqual({ open: 9, completed: 1, approved: 0, accepted: 1 });
    expect(body.reports.completeness).toBeCloseTo(2 / 132, 3);
  });

  it('pins a district officer to its district and refuses others', async () => {
    const own = (await officer.request('GET', '/api/dashboard')).json();
    expect(own).toMatchObject({ scope: 'district', districtId: huangpu });
    expect(own.districts.map((d: { id: string }) => d.id)).toEqual([huangpu]);
    expect(own.pipeline.total).toBe(3);
    expect(own.reports.byState.find((s: { state: string }) => s.state === 'accepted').count).toBe(1);
    expect(cardsOf(own).every((c) => c.drillDown?.startsWith(`/indicators/${c.code}/records?district=${huangpu}&asOf=`))).toBe(true);
    expect((await officer.request('GET', `/api/dashboard?district=${tianhe}`)).statusCode).toBe(403);
    expect((await officer.request('GET', `/api/dashboard?district=${huangpu}`)).statusCode).toBe(200);
    expect((await ent.request('GET', '/api/dashboard')).statusCode).toBe(403);
    const notDistrict = (await admin.request('GET', `/api/dashboard?district=${(await orgByDivision(ctx, '440100')).id}`)).json();
    expect(notDistrict.error.details.issues[0]).toMatchObject({ field: 'district', rule: 'exists' });
    expect((await ctx.app.inject({ method: 'GET', url: '/api/dashboard' })).statusCode).toBe(401);
  });

  it('answers again from the same figures until something is written, then recomputes', async () => {
    const patents = async () => cardsOf((await admin.request('GET', '/api/dashboard')).json()).find((c) => c.code === 'T-ECO-3')?.value;
    const before = await patents();
    expect(await patents()).toBe(before);
    await ctx.database.pool.query(
      `INSERT INTO registry_record (registry, org_id, district_id, title, record_date, data, created_at, updated_at)
       VALUES ('patents', $1, $1, 'p', '2026-11-01', '{}', now(), now())`,
      [huangpu],
    );
    expect(await patents()).toBe((before ?? 0) + 1);
    const pub = (await ctx.app.inject({ method: 'GET', url: '/api/public/dashboard' })).json();
    expect(cardsOf(pub).find((c) => c.code === 'T-ECO-3')?.value).toBe((before ?? 0) + 1);
  });

  it('gives anyone the public version with aggregate figures only', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/public/dashboard' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.scope).toBe('public');
    const city = (await admin.request('GET', '/api/dashboard')).json();
    const strip = (cards: Card[]) => cards.map(({ drillDown: _, ...rest }) => rest);
    expect(cardsOf(body)).toEqual(strip(cardsOf(city)));
    expect(body.pipeline).toEqual(city.pipeline);
    for (const secret of ['drillDown', '/records', ENTERPRISE, PROJECT_TITLE, 'GD5G-', 'd.admin']) expect(res.body).not.toContain(secret);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/public/dashboard?district=${huangpu}` })).statusCode).toBe(400);
  });

  it('exports the tables as one workbook, in the caller’s scope', async () => {
    const res = await officer.request('GET', '/api/dashboard/export?mapIndicator=T-INF-1');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['目标进度', '区排名', '项目分布', '月度报送']);
    const targets = book.getWorksheet('目标进度');
    const bs = targets?.getRows(2, targets.rowCount - 1)?.find((r) => r.getCell(2).value === 'T-INF-1');
    expect(bs?.getCell(5).value).toBe(1500); // Huangpu's own figure
    const ranking = book.getWorksheet('区排名');
    expect(ranking?.rowCount).toBe(2);
    expect(ranking?.getRow(2).getCell(2).value).toBe('黄埔区');
    expect((await ent.request('GET', '/api/dashboard/export')).statusCode).toBe(403);
  });

  it('serves the district map keyed by the districts’ division codes, with its licence', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/reference/guangzhou-districts.geojson' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    const codes = res
      .json()
      .features.map((f: { id: string }) => f.id)
      .sort();
    const districts = (await admin.request('GET', '/api/dashboard')).json().districts.map((d: { divisionCode: string }) => d.divisionCode);
    expect(codes).toEqual([...districts].sort());
    const licence = await ctx.app.inject({ method: 'GET', url: '/api/reference/guangzhou-districts.LICENSE' });
    expect(licence.body).toContain('MIT License');
  });
});
