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
import { findPersonalData } from './personal-data.js';
import { demoActor, loadWhitePaperDemo } from './white-paper.demo.js';

// Issue #16 item 4: the white paper — editions from a snapshot, commentary per chapter, review,
// publication on the portal as HTML and PDF, figures frozen at publication.
describe('white paper (#16 item 4)', () => {
  const clock = manualClock(new Date('2026-07-10T02:00:00Z'));
  let ctx: TestContext;
  let admin: Session;
  let analyst: Session;
  let auditor: Session;
  let officer: Session;
  let ent: Session;
  let huangpuId: string;
  let editionId: string;
  let publishedHtml: string;
  let publishedPdf: Buffer;
  const anonymous = (url: string) => ctx.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    ctx = await createTestApp({ clock, env: { REMINDER_INTERVAL_MINUTES: '0' } });
    const city = await orgByDivision(ctx, '440100');
    const huangpu = await orgByDivision(ctx, '440112');
    huangpuId = huangpu.id;
    const e = await insertEnterprise(ctx, huangpu.id, '白皮书演示企业', '91440112MA59B7XH31');
    await insertUser(ctx, 'w.admin', 'city_admin', city.id);
    await insertUser(ctx, 'w.analyst', 'city_analyst', city.id);
    await insertUser(ctx, 'w.auditor', 'auditor', city.id);
    await insertUser(ctx, 'w.hp', 'district_officer', huangpu.id);
    await insertUser(ctx, 'w.ent', 'enterprise_user', e.id);
    admin = await login(ctx, 'w.admin');
    analyst = await login(ctx, 'w.analyst');
    auditor = await login(ctx, 'w.auditor');
    officer = await login(ctx, 'w.hp');
    ent = await login(ctx, 'w.ent');
    await ctx.database.pool.query(
      "INSERT INTO data_value (data_element_code, period, org_id, value, stored_by, updated_at) VALUES ('BS5G_TOTAL', '202606', $1, '9000', 'seed', now())",
      [huangpuId],
    );
  });
  afterAll(async () => ctx?.close());

  it('lets the city draft a numbered edition and nobody else; refuses a period not begun or drafted twice', async () => {
    for (const s of [auditor, officer, ent])
      expect((await s.request('POST', '/api/white-papers', { year: 2026, period: 'h1' })).statusCode).toBe(403);
    const future = await analyst.request('POST', '/api/white-papers', { year: 2027, period: 'year' });
    expect(future.statusCode).toBe(422);
    expect(future.json().error.details.issues[0]).toMatchObject({ field: 'year', rule: 'started' });
    const res = await analyst.request('POST', '/api/white-papers', { year: 2026, period: 'h1' });
    expect(res.statusCode).toBe(201);
    const edition = res.json();
    editionId = edition.id;
    expect(edition).toMatchObject({ number: '穗联白皮书〔2026〕第1号', slug: '2026-1', state: 'draft', asOf: '2026-06-30' });
    expect(edition.title).toContain('2026年上半年');
    expect(edition.snapshot.targets.find((t: { code: string }) => t.code === 'T-INF-1').value).toBe(9000);
    expect(Object.keys(edition.commentary)).toEqual(['overview', 'districts', 'projects', 'factories', 'networks', 'security', 'funds']);
    const again = await admin.request('POST', '/api/white-papers', { year: 2026, period: 'h1' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.reason).toEqual({ code: 'white_paper.period_exists', params: { number: '穗联白皮书〔2026〕第1号' } });
  });

  it('keeps commentary per chapter with optimistic versions, audited', async () => {
    const current = (await analyst.request('GET', `/api/white-papers/${editionId}`)).json();
    const text = '上半年基站建设提速。联系人电话 13812345678，邮箱 someone@example.com，身份证 440106199001011234。';
    const saved = await analyst.request('PUT', `/api/white-papers/${editionId}/chapters/overview`, {
      commentary: text,
      version: current.version,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().commentary.overview).toBe(text);
    const stale = await analyst.request('PUT', `/api/white-papers/${editionId}/chapters/funds`, {
      commentary: 'x',
      version: current.version,
    });
    expect(stale.statusCode).toBe(409);
    const audit = await ctx.database.pool.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'white_paper.comment' AND entity_id = $1",
      [editionId],
    );
    expect(audit.rows[0].n).toBe(1);
  });

  it('shows drafts to city staff and auditors only; the portal has nothing before publication', async () => {
    expect((await auditor.request('GET', `/api/white-papers/${editionId}`)).statusCode).toBe(200);
    expect((await auditor.request('GET', `/api/white-papers/${editionId}/html`)).body).toContain('草稿（未发布）');
    for (const s of [officer, ent]) expect((await s.request('GET', `/api/white-papers/${editionId}`)).statusCode).toBe(403);
    expect((await anonymous('/api/public/white-papers')).json()).toEqual([]);
    expect((await anonymous('/api/public/white-papers/2026-1/html')).statusCode).toBe(404);
  });

  it('goes to review, back with a comment, and is published by a reviewer other than the submitter, with notifications', async () => {
    expect((await analyst.request('POST', `/api/white-papers/${editionId}/submit`)).json().state).toBe('in_review');
    const adminId = (await ctx.database.pool.query("SELECT id FROM app_user WHERE username = 'w.admin'")).rows[0].id;
    const toReview = await ctx.database.pool.query(
      "SELECT count(*)::int AS n FROM notification WHERE recipient_id = $1 AND kind = 'white_paper.submitted'",
      [adminId],
    );
    expect(toReview.rows[0].n).toBe(1);
    const locked = await analyst.request('PUT', `/api/white-papers/${editionId}/chapters/overview`, { commentary: 'x', version: 99 });
    expect(locked.json().error.details.reason).toEqual({ code: 'white_paper.not_draft', params: { state: 'in_review' } });
    expect((await analyst.request('POST', `/api/white-papers/${editionId}/publish`)).statusCode).toBe(403);
    const returned = await admin.request('POST', `/api/white-papers/${editionId}/return`, { comment: '请补充专项资金章节评述' });
    expect(returned.json()).toMatchObject({ state: 'draft', reviewComment: '请补充专项资金章节评述' });
    const analystId = (await ctx.database.pool.query("SELECT id FROM app_user WHERE username = 'w.analyst'")).rows[0].id;
    const back = await ctx.database.pool.query(
      "SELECT count(*)::int AS n FROM notification WHERE recipient_id = $1 AND kind = 'white_paper.returned'",
      [analystId],
    );
    expect(back.rows[0].n).toBe(1);

    expect((await analyst.request('POST', `/api/white-papers/${editionId}/refresh`)).statusCode).toBe(200);
    await analyst.request('POST', `/api/white-papers/${editionId}/submit`);
    const published = await admin.request('POST', `/api/white-papers/${editionId}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ state: 'published', issuedOn: '2026-07-10', publishedByName: 'w.admin' });
    expect(published.json().pdfBytes).toBeGreaterThan(10_000);
  });

  it('publishes on the portal anonymously as HTML and PDF, with charts, and no personal data', async () => {
    const list = (await anonymous('/api/public/white-papers')).json();
    expect(list).toEqual([expect.objectContaining({ number: '穗联白皮书〔2026〕第1号', slug: '2026-1', issuedOn: '2026-07-10' })]);
    expect(JSON.stringify(list)).not.toContain('w.admin');
    const html = await anonymous('/api/public/white-papers/2026-1/html');
    expect(html.statusCode).toBe(200);
    publishedHtml = html.body;
    expect(publishedHtml).toContain('穗联白皮书〔2026〕第1号');
    expect(publishedHtml).toContain('<svg');
    expect(publishedHtml).toContain('9,000');
    expect(publishedHtml).toContain('上半年基站建设提速');
    expect(findPersonalData(publishedHtml)).toEqual([]);
    const pdf = await anonymous('/api/public/white-papers/2026-1/pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    publishedPdf = pdf.rawPayload;
    expect(publishedPdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('keeps the published figures when the data changes afterwards (frozen snapshot)', async () => {
    await ctx.database.pool.query(
      "UPDATE data_value SET value = '12345' WHERE data_element_code = 'BS5G_TOTAL' AND period = '202606' AND org_id = $1",
      [huangpuId],
    );
    const refused = await analyst.request('POST', `/api/white-papers/${editionId}/refresh`);
    expect(refused.json().error.details.reason).toEqual({ code: 'white_paper.not_draft', params: { state: 'published' } });
    // A new edition drafted now sees the changed figure; the published one does not.
    const yearly = (await analyst.request('POST', '/api/white-papers', { year: 2026, period: 'year' })).json();
    expect(yearly.number).toBe('穗联白皮书〔2026〕第2号');
    expect(yearly.snapshot.targets.find((t: { code: string }) => t.code === 'T-INF-1').value).toBe(12345);
    expect((await anonymous('/api/public/white-papers/2026-1/html')).body).toBe(publishedHtml);
    expect((await anonymous('/api/public/white-papers/2026-1/pdf')).rawPayload.equals(publishedPdf)).toBe(true);
    const kept = (await auditor.request('GET', `/api/white-papers/${editionId}`)).json();
    expect(kept.snapshot.targets.find((t: { code: string }) => t.code === 'T-INF-1').value).toBe(9000);
  });

  it('loads the demo: a published first half and a draft second half', async () => {
    const user = async (name: string) =>
      demoActor(
        (
          await ctx.database.pool.query(
            'SELECT id, username, display_name AS "displayName", role, org_id AS "orgId" FROM app_user WHERE username = $1',
            [name],
          )
        ).rows[0],
      );
    await loadWhitePaperDemo(ctx.app.whitePapers, { year: 2025, analyst: await user('w.analyst'), admin: await user('w.admin') });
    const editions = (await auditor.request('GET', '/api/white-papers?pageSize=50')).json().items as Array<{
      number: string;
      state: string;
      period: string;
    }>;
    expect(editions.filter((e) => e.number.includes('〔2025〕')).map((e) => [e.period, e.state])).toEqual([
      ['h2', 'draft'],
      ['h1', 'published'],
    ]);
    expect((await anonymous('/api/public/white-papers/2025-1/html')).body).toContain('2025年上半年');
  });
});
