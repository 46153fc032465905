import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
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
import { testCreditCode, uploadAs } from '../../../test/imports.js';
import { manualClock } from '../../platform/clock.js';
import { REFERENCE_DIR } from '../../platform/paths.js';

const SINEMA = 'SINEMA Remote Connect Server';

// Issue #5 items 3–8: assets, matching, findings and their loop, scans, notices, statistics, scope.
describe('vulnerability closed loop', () => {
  let ctx: TestContext;
  const s: Record<string, Session> = {};
  let e1: string;
  let e2: string;
  let huangpu: string;
  const clock = manualClock(new Date('2026-11-20T02:00:00Z'));

  const findingsOf = async (who: Session, query = '') => (await who.request('GET', `/api/security/findings?pageSize=100${query}`)).json();
  const createAsset = async (who: Session, body: Record<string, unknown>) => {
    const res = await who.request('POST', '/api/security/assets', { zone: 'OT', criticality: 'high', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const act = async (who: Session, id: string, body: Record<string, unknown>) => {
    const current = (await who.request('GET', `/api/security/findings/${id}`)).json();
    return who.request('POST', `/api/security/findings/${id}/transitions`, { version: current.version, ...body });
  };
  const scan = (who: Session, name: string, file: string, content: Buffer, enterpriseId?: string) =>
    uploadAs(
      ctx,
      who,
      `/api/security/scans?name=${encodeURIComponent(name)}${enterpriseId ? `&enterpriseId=${enterpriseId}` : ''}`,
      file,
      content,
    );

  beforeAll(async () => {
    ctx = await createTestApp({ clock });
    const city = await orgByDivision(ctx, '440100');
    const hp = await orgByDivision(ctx, '440112');
    const th = await orgByDivision(ctx, '440106');
    huangpu = hp.id;
    e1 = (await insertEnterprise(ctx, hp.id, '黄埔控制系统有限公司', testCreditCode(901, '91440112'))).id;
    e2 = (await insertEnterprise(ctx, th.id, '天河制造有限公司', testCreditCode(902, '91440106'))).id;
    const users: Array<[string, Parameters<typeof insertUser>[2], string]> = [
      ['analyst', 'security_analyst', city.id],
      ['analyst2', 'security_analyst', city.id],
      ['cityAnalyst', 'city_analyst', city.id],
      ['auditor', 'auditor', city.id],
      ['officer', 'district_officer', hp.id],
      ['officer2', 'district_officer', th.id],
      ['ent1', 'enterprise_user', e1],
      ['ent2', 'enterprise_user', e2],
    ];
    for (const [name, role, org] of users) {
      await insertUser(ctx, `loop.${name}`, role, org);
      s[name] = await login(ctx, `loop.${name}`);
    }
    const res = await uploadAs(
      ctx,
      s.analyst as Session,
      '/api/security/advisories/csaf',
      'icsa-24-256-01.json',
      readFileSync(join(REFERENCE_DIR, 'csaf', 'icsa-24-256-01.json')),
    );
    expect(res.statusCode, res.body).toBe(200);
    const alias = await (s.analyst as Session).request('POST', '/api/security/vendor-aliases', {
      canonical: 'Siemens',
      names: ['Siemens AG', '西门子'],
    });
    expect(alias.statusCode, alias.body).toBe(201);
  });
  afterAll(async () => ctx?.close());

  it('matches a new asset through the vendor alias and opens a finding with the reasons', async () => {
    const asset = await createAsset(s.ent1 as Session, { vendor: '西门子', product: SINEMA, firmwareVersion: 'V3.1', host: '10.0.0.5' });
    expect(asset).toMatchObject({ enterpriseId: e1, districtId: huangpu, openFindings: 1 });
    const page = await findingsOf(s.ent1 as Session);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ state: 'new', vulnerabilityKey: 'CVE-2024-42345', origin: 'match' });
    const detail = (await (s.ent1 as Session).request('GET', `/api/security/findings/${page.items[0].id}`)).json();
    expect(detail.reasons.map((r: { text: string }) => r.text).join(' | ')).toMatch(/西门子.*Siemens/);
    expect(detail.events[0]).toMatchObject({ action: 'detect', toState: 'new' });
  });

  it('sends an unreadable version to review instead of dropping it; an analyst decides', async () => {
    await createAsset(s.ent1 as Session, { vendor: 'Siemens', product: SINEMA, firmwareVersion: '最新版', host: '10.0.0.6' });
    const review = (await (s.analyst as Session).request('GET', '/api/security/matches?verdict=needs_review&reviewed=false')).json();
    expect(review.items).toHaveLength(1);
    expect(review.items[0].reasons.some((r: { kind: string }) => r.kind === 'version')).toBe(true);
    expect((await findingsOf(s.ent1 as Session)).total).toBe(1);
    expect(
      (await (s.ent1 as Session).request('POST', `/api/security/matches/${review.items[0].id}/review`, { verdict: 'affected' })).statusCode,
    ).toBe(403);
    const decided = await (s.analyst as Session).request('POST', `/api/security/matches/${review.items[0].id}/review`, {
      verdict: 'affected',
      note: '现场确认为 V3.1',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect((await findingsOf(s.ent1 as Session)).total).toBe(2);
  });

  it('finds matches by free text like the other lists (#11 item 7)', async () => {
    const matches = async (q: string) =>
      (await (s.analyst as Session).request('GET', `/api/security/matches?pageSize=100&q=${encodeURIComponent(q)}`)).json();
    const all = (await (s.analyst as Session).request('GET', '/api/security/matches?pageSize=100')).json();
    expect(all.total).toBeGreaterThanOrEqual(2);
    for (const q of ['cve-2024-42345', '黄埔控制', 'sinema remote']) {
      const page = await matches(q);
      expect(page.total, q).toBe(all.total);
      expect(page.items, q).toHaveLength(all.total);
    }
    expect((await matches('天河制造')).total).toBe(0);
    expect((await matches('%')).total).toBe(0); // wildcards match literally
  });
  it('keeps assets and findings within scope, role by role', async () => {
    const [asset] = (await (s.ent1 as Session).request('GET', '/api/security/assets')).json().items;
    expect(
      (
        await (s.ent1 as Session).request('POST', '/api/security/assets', {
          enterpriseId: e2,
          vendor: 'x',
          product: 'y',
          zone: 'IT',
          criticality: 'low',
        })
      ).statusCode,
    ).toBe(422);
    expect((await (s.ent2 as Session).request('GET', `/api/security/assets/${asset.id}`)).statusCode).toBe(404);
    expect((await (s.officer2 as Session).request('GET', `/api/security/assets/${asset.id}`)).statusCode).toBe(404);
    expect((await (s.officer as Session).request('GET', `/api/security/assets/${asset.id}`)).statusCode).toBe(200);
    expect((await (s.auditor as Session).request('GET', `/api/security/assets/${asset.id}`)).statusCode).toBe(200);
    expect(
      (await (s.auditor as Session).request('PATCH', `/api/security/assets/${asset.id}`, { version: asset.version, owner: 'x' }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await (s.cityAnalyst as Session).request('POST', '/api/security/assets', {
          enterpriseId: e1,
          vendor: 'x',
          product: 'y',
          zone: 'IT',
          criticality: 'low',
        })
      ).statusCode,
    ).toBe(403);
    expect((await findingsOf(s.ent2 as Session)).total).toBe(0);
    expect((await findingsOf(s.officer2 as Session)).total).toBe(0);
    expect((await findingsOf(s.officer as Session)).total).toBe(2);
    expect((await findingsOf(s.auditor as Session)).total).toBe(2);
    expect((await findingsOf(s.analyst as Session)).total).toBe(2);
    const [f] = (await findingsOf(s.ent1 as Session)).items;
    expect((await (s.ent2 as Session).request('GET', `/api/security/findings/${f.id}`)).statusCode).toBe(404);
    expect((await act(s.auditor as Session, f.id, { action: 'confirm' })).statusCode).toBe(403);
  });

  it('walks the loop to verified and closed, with re-verification by someone else', async () => {
    const [f] = (await findingsOf(s.ent1 as Session)).items.filter((x: { asset: { host: string } }) => x.asset.host === '10.0.0.5');
    expect((await act(s.ent1 as Session, f.id, { action: 'confirm' })).statusCode).toBe(200);
    const noPlan = await act(s.ent1 as Session, f.id, {
      action: 'start_remediation',
      remediationOwner: '张工',
      remediationDue: '2026-12-01',
    });
    expect(noPlan.statusCode).toBe(422);
    expect(noPlan.json().error.details.issues[0]).toMatchObject({ field: 'plan', rule: 'required' });
    const plan = await act(s.ent1 as Session, f.id, {
      action: 'start_remediation',
      plan: '升级至 V3.2 SP2',
      remediationOwner: '张工',
      remediationDue: '2026-12-01',
    });
    expect(plan.statusCode, plan.body).toBe(200);
    expect((await act(s.ent1 as Session, f.id, { action: 'mark_fixed', note: '已升级' })).statusCode).toBe(200);
    expect((await act(s.ent1 as Session, f.id, { action: 'verify' })).statusCode).toBe(403);
    const verified = await act(s.officer as Session, f.id, { action: 'verify', note: '现场复验通过' });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({ state: 'verified_closed' });
    expect(verified.json().events.map((e: { action: string }) => e.action)).toEqual([
      'detect',
      'confirm',
      'start_remediation',
      'mark_fixed',
      'verify',
    ]);
  });

  it('refuses re-verification by the analyst who declared the fix (four eyes)', async () => {
    const [f] = (await findingsOf(s.analyst as Session, '&state=new')).items;
    for (const step of [
      { action: 'confirm' },
      { action: 'start_remediation', plan: '隔离并升级', remediationOwner: '李工', remediationDue: '2026-12-15' },
      { action: 'mark_fixed' },
    ])
      expect((await act(s.analyst as Session, f.id, step)).statusCode).toBe(200);
    const own = await act(s.analyst as Session, f.id, { action: 'verify' });
    expect(own.statusCode).toBe(422);
    expect(own.json().error.details.issues[0]).toMatchObject({ rule: 'four_eyes' });
    expect((await act(s.analyst2 as Session, f.id, { action: 'verify' })).json().state).toBe('verified_closed');
  });

  it('reopens a closed finding when a changed asset matches again', async () => {
    const [asset] = (await (s.ent1 as Session).request('GET', '/api/security/assets?q=10.0.0.5')).json().items;
    const fixed = await (s.ent1 as Session).request('PATCH', `/api/security/assets/${asset.id}`, {
      version: asset.version,
      firmwareVersion: 'V3.2 SP2',
    });
    expect(fixed.json().openFindings).toBe(0);
    const back = await (s.ent1 as Session).request('PATCH', `/api/security/assets/${asset.id}`, {
      version: fixed.json().version,
      firmwareVersion: 'V3.1',
    });
    expect(back.json().openFindings).toBe(1);
    const [f] = (await findingsOf(s.ent1 as Session, `&assetId=${asset.id}`)).items;
    expect(f.state).toBe('reopened');
  });

  it('reconciles scan results like a re-import: new, unchanged, closed if absent, reactivated', async () => {
    const csv = (lines: string[]) => Buffer.from(['host,vendor,product,version', ...lines].join('\n'));
    const a = `10.0.0.5,Siemens AG,${SINEMA},V3.1`;
    const b = `10.0.0.7,Siemens,${SINEMA},V3.0`;
    const first = await scan(s.ent1 as Session, '周扫描', 'scan1.csv', csv([a, b]));
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ rows: 2, assetsCreated: 1, counts: { new: 1, unchanged: 1, closed: 0, reactivated: 0 } });
    const second = await scan(s.ent1 as Session, '周扫描', 'scan2.csv', csv([a]));
    expect(second.json().counts).toEqual({ new: 0, unchanged: 1, closed: 1, reactivated: 0 });
    // GBK, as Excel on Chinese Windows writes it; the JSON format says the same.
    const third = await scan(
      s.ent1 as Session,
      '周扫描',
      'scan3.csv',
      iconv.encode(`host,vendor,product,version\n10.0.0.5,西门子,${SINEMA},V3.1\n10.0.0.7,西门子,${SINEMA},V3.0\n`, 'gbk'),
    );
    expect(third.statusCode, third.body).toBe(201);
    expect(third.json().counts).toEqual({ new: 0, unchanged: 1, closed: 0, reactivated: 1 });
    const json = Buffer.from(
      JSON.stringify({ scanner: 'test', results: [{ host: '10.0.0.5', vendor: 'Siemens', product: SINEMA, version: 'V3.1' }] }),
    );
    expect((await scan(s.ent1 as Session, '周扫描', 'scan4.json', json)).json().counts).toEqual({
      new: 0,
      unchanged: 1,
      closed: 1,
      reactivated: 0,
    });
  });

  it('refuses scan files with missing columns or lines, writing nothing', async () => {
    const before = (await (s.analyst as Session).request('GET', '/api/security/scans')).json().total;
    const missing = await scan(s.ent1 as Session, 'x', 'bad.csv', Buffer.from('host,vendor,version\n1.2.3.4,Siemens,V1\n'));
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.details.issues[0]).toMatchObject({ field: 'product', rule: 'missing_column' });
    const empty = await scan(s.ent1 as Session, 'x', 'bad.csv', Buffer.from('host,vendor,product,version\n,Siemens,S7,V1\n'));
    expect(empty.statusCode).toBe(422);
    expect((await scan(s.analyst as Session, 'x', 'a.csv', Buffer.from('host,vendor,product,version\n1.1.1.1,a,b,1\n'))).statusCode).toBe(
      422,
    );
    expect((await (s.analyst as Session).request('GET', '/api/security/scans')).json().total).toBe(before);
  });

  it('publishes an early-warning notice to the affected enterprises, who acknowledge and respond', async () => {
    const [vuln] = (await (s.analyst as Session).request('GET', '/api/security/vulnerabilities?q=CVE-2024-42345')).json().items;
    const draft = await (s.analyst as Session).request('POST', '/api/security/notices', {
      title: '关于西门子 SINEMA Remote Connect Server 高危漏洞的预警通报',
      grade: 'high',
      summary: 'SINEMA Remote Connect Server V3.2 SP2 之前版本存在漏洞。',
      affectedScope: '使用 SINEMA Remote Connect Server 的企业',
      mitigations: '升级至 V3.2 SP2 或更高版本；限制管理界面访问。',
      responseDeadline: '2026-12-05',
      vulnerabilityIds: [vuln.id],
    });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json().recipients.map((r: { enterpriseId: string }) => r.enterpriseId)).toEqual([e1]);
    expect((await (s.ent1 as Session).request('GET', `/api/security/notices/${draft.json().id}`)).statusCode).toBe(404);
    const published = await (s.analyst as Session).request('POST', `/api/security/notices/${draft.json().id}/publish`, {
      version: draft.json().version,
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().number).toBe('穗联预警〔2026〕1号');
    const inbox = (await (s.ent1 as Session).request('GET', '/api/notifications')).json();
    expect(inbox.items.some((n: { kind: string }) => n.kind === 'security.notice')).toBe(true);
    expect((await (s.ent2 as Session).request('GET', `/api/security/notices/${draft.json().id}`)).statusCode).toBe(404);
    expect((await (s.ent1 as Session).request('POST', `/api/security/notices/${draft.json().id}/acknowledge`)).statusCode).toBe(200);
    const answered = await (s.ent1 as Session).request('POST', `/api/security/notices/${draft.json().id}/response`, {
      responseStatus: 'in_progress',
      response: '已隔离，计划升级',
    });
    expect(answered.json().recipients[0]).toMatchObject({ responseStatus: 'in_progress' });
    const html = await (s.analyst as Session).request('GET', `/api/security/notices/${draft.json().id}/document?format=html`);
    expect(html.body).toContain('穗联预警〔2026〕1号');
    const pdf = await (s.analyst as Session).request('GET', `/api/security/notices/${draft.json().id}/document?format=pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('escalates overdue findings once to the district officer and the city analysts', async () => {
    clock.advance(200 * 86_400_000);
    // Sessions expire over 200 days; log in again.
    for (const name of ['analyst', 'officer', 'officer2', 'cityAnalyst', 'ent2']) s[name] = await login(ctx, `loop.${name}`);
    const first = await (s.analyst as Session).request('POST', '/api/security/sla/sweep');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().escalated).toBeGreaterThan(0);
    const inbox = async (who: Session) =>
      (await who.request('GET', '/api/notifications')).json().items.filter((n: { kind: string }) => n.kind === 'security.finding_overdue')
        .length;
    expect(await inbox(s.officer as Session)).toBe(1);
    expect(await inbox(s.cityAnalyst as Session)).toBe(1);
    expect(await inbox(s.officer2 as Session)).toBe(0);
    expect((await (s.analyst as Session).request('POST', '/api/security/sla/sweep')).json().escalated).toBe(0);
    expect(await inbox(s.officer as Session)).toBe(1);
    expect((await findingsOf(s.officer as Session, '&overdue=true')).total).toBeGreaterThan(0);
  });

  it('accepts a risk with an approver and an expiry; the sweep reopens it once expired', async () => {
    s.ent1 = await login(ctx, 'loop.ent1');
    const [f] = (await findingsOf(s.officer as Session, '&state=reopened')).items;
    const today = clock.now().toISOString().slice(0, 10);
    expect(
      (await act(s.ent1 as Session, f.id, { action: 'accept_risk', note: '已物理隔离', riskAcceptedUntil: '2099-01-01' })).statusCode,
    ).toBe(403);
    const until = new Date(clock.now().getTime() + 10 * 86_400_000).toISOString().slice(0, 10);
    expect(
      (await act(s.officer as Session, f.id, { action: 'accept_risk', note: '已物理隔离', riskAcceptedUntil: today })).statusCode,
    ).toBe(422);
    const accepted = await act(s.officer as Session, f.id, {
      action: 'accept_risk',
      note: '已物理隔离，待停产检修时升级',
      riskAcceptedUntil: until,
    });
    expect(accepted.json()).toMatchObject({ state: 'risk_accepted', riskAcceptedUntil: until });
    expect(accepted.json().riskApproverId).not.toBeNull();
    expect((await (s.analyst as Session).request('POST', '/api/security/sla/sweep')).json().reopened).toBe(0);
    clock.advance(12 * 86_400_000);
    for (const name of ['analyst', 'officer']) s[name] = await login(ctx, `loop.${name}`);
    expect((await (s.analyst as Session).request('POST', '/api/security/sla/sweep')).json().reopened).toBe(1);
    const after = (await (s.officer as Session).request('GET', `/api/security/findings/${f.id}`)).json();
    expect(after.state).toBe('reopened');
    expect(after.events.at(-1)).toMatchObject({ action: 'reopen', note: 'risk acceptance expired' });
    expect((await (s.analyst as Session).request('POST', '/api/security/sla/sweep')).json().reopened).toBe(0);
  });

  it('gives statistics within scope', async () => {
    s.ent2 = await login(ctx, 'loop.ent2');
    const city = (await (s.analyst as Session).request('GET', '/api/security/stats')).json();
    const open = city.openByGrade.reduce((n: number, g: { count: number }) => n + g.count, 0);
    expect(open).toBe((await findingsOf(s.analyst as Session, '&open=true')).total);
    expect(city.exposureByDistrict.find((d: { districtId: string }) => d.districtId === huangpu).openFindings).toBe(open);
    expect(city.openByVendor[0]).toMatchObject({ label: 'Siemens', count: open });
    expect(city.mostExposedProducts[0]).toMatchObject({ product: SINEMA });
    expect(city.meanTimeToRemediateDays).not.toBeNull();
    const other = (await (s.ent2 as Session).request('GET', '/api/security/stats')).json();
    expect(other.openByGrade.every((g: { count: number }) => g.count === 0)).toBe(true);
  });
  it('takes an asset upgraded to a fixed version as the fix, awaiting re-verification by someone else', async () => {
    for (const name of ['ent1', 'officer']) s[name] = await login(ctx, `loop.${name}`);
    const [asset] = (await (s.ent1 as Session).request('GET', '/api/security/assets?q=10.0.0.5')).json().items;
    const [open] = (await findingsOf(s.ent1 as Session, `&assetId=${asset.id}`)).items;
    expect(open.state).toBe('reopened');
    const upgraded = await (s.ent1 as Session).request('PATCH', `/api/security/assets/${asset.id}`, {
      version: asset.version,
      firmwareVersion: 'V3.2 SP2',
    });
    expect(upgraded.statusCode, upgraded.body).toBe(200);
    const fixed = (await (s.ent1 as Session).request('GET', `/api/security/findings/${open.id}`)).json();
    expect(fixed).toMatchObject({ state: 'fixed_awaiting_verification' });
    expect(fixed.fixedById).not.toBeNull();
    expect(fixed.events.at(-1)).toMatchObject({ action: 'mark_fixed', note: 'the asset’s new version is no longer affected' });
    expect((await act(s.officer as Session, open.id, { action: 'verify', note: '现场核对版本为 V3.2 SP2' })).json().state).toBe(
      'verified_closed',
    );
  });
});
