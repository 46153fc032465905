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
import { systemActor } from '../../platform/actor.js';
import { createAuditService } from '../../platform/audit/audit.service.js';
import { manualClock } from '../../platform/clock.js';
import { createJobService } from '../../platform/jobs/job.service.js';
import { forecastMethodZh } from './forecast-wording.js';
import { createProgressReportService } from './progress-report.service.js';

// Issue #4 item 7: a quarterly progress report of targets, pace, districts and notable projects,
// generated on demand and kept, as printable HTML and PDF.
describe('quarterly progress report', () => {
  const clock = manualClock(new Date('2026-10-08T02:00:00Z'));
  let ctx: TestContext;
  let admin: Session;
  let analyst: Session;
  let officer: Session;
  let auditor: Session;
  let ent: Session;
  let huangpuId: string;
  let reportId: string;

  async function waitForJob(s: Session, jobId: string) {
    for (let i = 0; i < 200; i++) {
      const job = (await s.request('GET', `/api/jobs/${jobId}`)).json();
      if (job.status === 'succeeded' || job.status === 'failed') return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the job did not finish');
  }

  beforeAll(async () => {
    ctx = await createTestApp({ clock, env: { REMINDER_INTERVAL_MINUTES: '0' } });
    const city = await orgByDivision(ctx, '440100');
    const huangpu = await orgByDivision(ctx, '440112');
    huangpuId = huangpu.id;
    const e = await insertEnterprise(ctx, huangpu.id, '进展报告演示企业', '91440112MA59B7XH31');
    await insertUser(ctx, 'p.admin', 'city_admin', city.id);
    await insertUser(ctx, 'p.analyst', 'city_analyst', city.id);
    await insertUser(ctx, 'p.hp', 'district_officer', huangpu.id);
    await insertUser(ctx, 'p.auditor', 'auditor', city.id);
    await insertUser(ctx, 'p.ent', 'enterprise_user', e.id);
    admin = await login(ctx, 'p.admin');
    analyst = await login(ctx, 'p.analyst');
    officer = await login(ctx, 'p.hp');
    auditor = await login(ctx, 'p.auditor');
    ent = await login(ctx, 'p.ent');

    const q = (text: string, params: unknown[]) => ctx.database.pool.query(text, params);
    await q(
      "INSERT INTO data_value (data_element_code, period, org_id, value, stored_by, updated_at) VALUES ('BS5G_TOTAL', '202606', $1, '9000', 'seed', now()), ('BS5G_TOTAL', '202609', $1, '9876', 'seed', now())",
      [huangpu.id],
    );
    const projects: Array<[string, string, string, string]> = [
      ['XM2026000901', '黄埔5G全连接工厂', 'built', '2026-08-15T03:00:00Z'],
      ['XM2026000902', '黄埔5G专网质检', 'accepted', '2026-09-20T03:00:00Z'],
      ['XM2026000903', '上季度建成项目', 'built', '2026-05-10T03:00:00Z'],
    ];
    for (const [code, title, state, at] of projects) {
      const row = await q(
        `INSERT INTO project (code, title, enterprise_id, district_id, filing_id, state, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, now(), now()) RETURNING id`,
        [code, title, e.id, huangpu.id, `GD-${code}`, state],
      );
      await q(
        "INSERT INTO project_event (project_id, action, to_state, actor_name, actor_role, occurred_at) VALUES ($1, 'transition', $2, 't', 'city_admin', $3)",
        [row.rows[0].id, state, at],
      );
    }
  });
  afterAll(async () => ctx?.close());

  it('refuses a quarter that has not begun or is malformed, naming the field', async () => {
    const future = await analyst.request('POST', '/api/progress-reports', { quarter: '2027Q1' });
    expect(future.statusCode).toBe(422);
    expect(future.json().error.details.issues[0]).toMatchObject({ field: 'quarter', rule: 'started' });
    expect((await analyst.request('POST', '/api/progress-reports', { quarter: '2026Q5' })).statusCode).toBe(422);
  });

  it('lets city admins and analysts generate it, nobody else', async () => {
    for (const s of [officer, auditor, ent])
      expect((await s.request('POST', '/api/progress-reports', { quarter: '2026Q3' })).statusCode).toBe(403);
    const res = await analyst.request('POST', '/api/progress-reports', { quarter: '2026Q3' });
    expect(res.statusCode).toBe(202);
    reportId = res.json().reportId;
    const job = await waitForJob(analyst, res.json().jobId);
    expect(job).toMatchObject({ status: 'succeeded', kind: 'progress_report.generate' });
    expect(job.progress).toBe(job.total);
  });

  it('states the indicator API figures as of the quarter end, city-wide and per district, with forecasts', async () => {
    const report = (await analyst.request('GET', `/api/progress-reports/${reportId}`)).json();
    expect(report).toMatchObject({ quarter: '2026Q3', asOf: '2026-09-30', status: 'ready', generatedByName: 'p.analyst' });
    expect(report.pdfBytes).toBeGreaterThan(10_000);
    const api = (await analyst.request('GET', '/api/indicators?asOf=2026-09-30')).json() as Array<Record<string, unknown>>;
    const targets = api.filter((i) => i.isPlanTarget);
    expect(report.data.targets).toHaveLength(16);
    for (const t of report.data.targets) {
      const same = targets.find((i) => i.code === t.code);
      expect(same, t.code).toBeDefined();
      expect({ value: t.value, target: t.target, progress: t.progress, expected: t.expected, status: t.status }).toEqual({
        value: same?.value,
        target: same?.target,
        progress: same?.progress,
        expected: same?.expected,
        status: same?.status,
      });
    }
    const series = (await analyst.request('GET', '/api/indicators/T-INF-1/series?asOf=2026-09-30')).json();
    const inf1 = report.data.targets.find((t: { code: string }) => t.code === 'T-INF-1');
    expect(inf1.value).toBe(9876);
    expect({ value: inf1.forecastValue, method: inf1.forecastMethod, reach: inf1.reachDate }).toEqual({
      value: series.forecast.value,
      method: forecastMethodZh(series.forecast.basis),
      reach: series.reach.date,
    });
    // The report is a Chinese document: no English method sentence leaks into it.
    expect(inf1.forecastMethod).not.toMatch(/[A-Za-z]{3,}/);

    const huangpu = report.data.districts.find((d: { id: string }) => d.id === huangpuId);
    const districtApi = (await analyst.request('GET', `/api/indicators?asOf=2026-09-30&district=${huangpuId}`)).json() as Array<
      Record<string, unknown>
    >;
    expect(report.data.districtCodes).toContain('T-INF-1');
    for (const i of huangpu.indicators) {
      const same = districtApi.find((d) => d.code === i.code);
      expect({ value: i.value, progress: i.progress, status: i.status }).toEqual({
        value: same?.value,
        progress: same?.progress,
        status: same?.status,
      });
    }
    expect(report.data.projects.map((p: { code: string }) => p.code)).toEqual(['XM2026000902', 'XM2026000901']);
  });

  it('keeps a printable HTML snapshot and a PDF with the Chinese title; district officers and auditors read them', async () => {
    for (const s of [analyst, officer, auditor, admin]) {
      const list = (await s.request('GET', '/api/progress-reports')).json();
      expect(list.items.map((r: { id: string }) => r.id)).toContain(reportId);
    }
    const html = await officer.request('GET', `/api/progress-reports/${reportId}/html`);
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('<title>广州市&quot;5G+工业互联网&quot;融合应用试点城市2026年第3季度进展报告</title>');
    expect(html.body).toContain('@page');
    expect(html.body).toContain('黄埔5G专网质检');
    expect(html.body).toContain('9,876');

    const pdf = await auditor.request('GET', `/api/progress-reports/${reportId}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('progress-report-2026Q3.pdf');
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf.rawPayload), verbosity: 0 }).promise;
    const first = await (await doc.getPage(1)).getTextContent();
    expect(first.items.map((i) => ('str' in i ? i.str : '')).join('')).toContain('融合应用试点城市2026年第3季度进展报告');
    await doc.destroy();
  });

  it('is closed to roles without report:read, and tells the one who generated it', async () => {
    expect((await ent.request('GET', '/api/progress-reports')).statusCode).toBe(403);
    expect((await ent.request('GET', `/api/progress-reports/${reportId}/pdf`)).statusCode).toBe(403);
    const mine = (await analyst.request('GET', '/api/notifications')).json();
    expect(mine.items[0]).toMatchObject({ kind: 'progress_report.ready', link: `/indicators/progress-reports?report=${reportId}` });
    const audit = await ctx.database.pool.query('SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq', [reportId]);
    expect(audit.rows.map((r) => r.action)).toEqual(['progress_report.request', 'progress_report.generate']);
  });

  it('is kept as failed, with no content, when its figures cannot be gathered', async () => {
    const db = ctx.database.db;
    const jobs = createJobService({ db, clock, log: { error: () => undefined } });
    const broken = createProgressReportService({
      db,
      clock,
      audit: createAuditService({ db, clock }),
      jobs,
      notifications: { notify: async () => ({ recipientIds: [], mailsQueued: 0 }) },
      indicators: {
        list: async () => {
          throw new Error('the indicator tables are unreachable');
        },
        series: async () => {
          throw new Error('unreachable');
        },
      },
      projects: { reachedBetween: async () => [] },
      organisations: { list: async () => ({ items: [], total: 0 }) },
    });
    const actor = systemActor('system', (await orgByDivision(ctx, '440100')).id);
    const { reportId, jobId } = await broken.generate(actor, { quarter: '2026Q2' });
    await jobs.drain();
    expect(await broken.get(actor, reportId)).toMatchObject({
      status: 'failed',
      error: 'the report could not be generated; see the server log',
      pdfBytes: null,
    });
    expect((await analyst.request('GET', `/api/jobs/${jobId}`)).json().status).toBe('failed');
    expect((await analyst.request('GET', `/api/progress-reports/${reportId}/pdf`)).statusCode).toBe(409);
  });
});
