import { CSRF_HEADER, SESSION_COOKIE } from '@suilian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  insertEnterprise,
  insertUser,
  login,
  multipartFile,
  orgByDivision,
  type Session,
  type TestContext,
} from '../../../test/harness.js';
import { manualClock } from '../../platform/clock.js';
import { driveTestCsv, iperf3Json, pingOutput } from './sample-files.js';

// Issue #14 item 3: the city keeps SLA profiles, the operator or the enterprise uploads tests and
// computes the month's result, the network's district signs the acceptance report off.
describe('SLA validation of private networks (#14 item 3)', () => {
  const clock = manualClock(new Date('2026-12-02T08:00:00Z'));
  let ctx: TestContext;
  const s = {} as Record<'op' | 'ent' | 'otherEnt' | 'hp' | 'th' | 'admin' | 'analyst' | 'auditor', Session>;
  let huangpu: string;
  let networkId: string;
  let resultId: string;
  let pingSetId: string;
  const start = new Date('2026-11-03T02:00:00Z');
  const upload = (who: Session, query: string, name: string, content: string | Buffer) => {
    const { payload, headers } = multipartFile(name, Buffer.isBuffer(content) ? content : Buffer.from(content));
    return ctx.app.inject({
      method: 'POST',
      url: `/api/networks/${networkId}/sla/measurements?${query}`,
      payload,
      headers: { ...headers, [CSRF_HEADER]: who.csrf },
      cookies: { [SESSION_COOKIE]: who.cookie },
    });
  };
  const reasons = (body: { error: { details: { issues?: Array<{ field: string; reason?: { code: string } }> } } }) =>
    (body.error.details.issues ?? []).map((i) => `${i.field} ${i.reason?.code ?? ''}`.trim());

  beforeAll(async () => {
    ctx = await createTestApp({ clock });
    const city = await orgByDivision(ctx, '440100');
    huangpu = (await orgByDivision(ctx, '440112')).id;
    const tianhe = (await orgByDivision(ctx, '440106')).id;
    const enterpriseId = (await insertEnterprise(ctx, huangpu, '黄埔验收测试智造有限公司', 'SLA-TEST-E1')).id;
    const other = await insertEnterprise(ctx, tianhe, '天河验收测试软件有限公司', 'SLA-TEST-E2');
    const operatorId = (await insertEnterprise(ctx, tianhe, '验收测试联通广州分公司', 'SLA-TEST-O1', 'provider')).id;
    const users: Array<[keyof typeof s, Parameters<typeof insertUser>[2], string]> = [
      ['op', 'provider_user', operatorId],
      ['ent', 'enterprise_user', enterpriseId],
      ['otherEnt', 'enterprise_user', other.id],
      ['hp', 'district_officer', huangpu],
      ['th', 'district_officer', tianhe],
      ['admin', 'city_admin', city.id],
      ['analyst', 'city_analyst', city.id],
      ['auditor', 'auditor', city.id],
    ];
    for (const [key, role, org] of users) await insertUser(ctx, `sla.${key}`, role, org);
    for (const [key] of users) s[key] = await login(ctx, `sla.${key}`);
    const created = await s.op.request('POST', '/api/networks', {
      enterpriseId,
      name: '黄埔验收测试5G专网',
      mode: 'hybrid',
      bands: ['n78'],
      upfLocation: 'enterprise_premises',
      state: 'in_service',
      inServiceOn: '2026-10-10',
      sites: [{ districtId: huangpu, address: '黄埔区开创大道1号' }],
      slices: [],
      edgeNodes: [],
      projectIds: [],
      factoryIds: [],
    });
    expect(created.statusCode, created.body).toBe(201);
    networkId = created.json().id;
  });
  afterAll(() => ctx.close());

  it('seeds the presets, which everyone reading networks sees; only the city keeps profiles', async () => {
    for (const who of ['op', 'ent', 'hp', 'analyst', 'auditor'] as const) {
      const list = (await s[who].request('GET', '/api/sla/profiles')).json();
      expect(
        list.items.map((p: { code: string }) => p.code),
        who,
      ).toEqual(['agv_motion', 'cloud_plc', 'coverage', 'machine_vision']);
    }
    const agv = (await s.admin.request('GET', '/api/sla/profiles')).json().items[0];
    expect(agv.items).toContainEqual({ metric: 'availability_pct', op: 'gte', threshold: 99.99, survivalTimeMs: 1000 });
    const profile = {
      code: 'port_crane',
      nameZh: '港口远控龙门吊',
      nameEn: 'Remote port crane',
      items: [{ metric: 'latency_p99_ms', op: 'lte', threshold: 30 }],
    };
    for (const who of ['analyst', 'hp', 'op'] as const)
      expect((await s[who].request('POST', '/api/sla/profiles', profile)).statusCode, who).toBe(403);
    expect((await s.admin.request('POST', '/api/sla/profiles', profile)).statusCode).toBe(201);
    const again = await s.admin.request('POST', '/api/sla/profiles', profile);
    expect([again.statusCode, again.json().error.details.reason]).toEqual([
      409,
      { code: 'sla.code_taken', params: { code: 'port_crane' } },
    ]);
    const edited = await s.admin.request('PATCH', `/api/sla/profiles/${agv.id}`, {
      items: agv.items,
      nameZh: 'AGV / 运动控制（修订）',
      version: agv.version,
    });
    expect(edited.json()).toMatchObject({ version: agv.version + 1, preset: true });
    expect((await s.admin.request('PATCH', `/api/sla/profiles/${agv.id}`, { nameZh: 'x', version: agv.version })).statusCode).toBe(409);
  });

  it('refuses profile items that compare the wrong way, lack a survival time or repeat a metric, naming the field', async () => {
    const bad = async (items: unknown[]) => {
      const res = await s.admin.request('POST', '/api/sla/profiles', { code: 'bad_one', nameZh: '坏', nameEn: 'Bad', items });
      expect(res.statusCode).toBe(422);
      return res.json().error.details.issues.map((i: { field: string; rule: string }) => `${i.field} ${i.rule}`);
    };
    expect(await bad([{ metric: 'latency_p99_ms', op: 'gte', threshold: 20 }])).toEqual(['body.items.0.op sla_direction']);
    expect(await bad([{ metric: 'availability_pct', op: 'gte', threshold: 99.99 }])).toEqual(['body.items.0.survivalTimeMs required']);
    expect(await bad([{ metric: 'loss_pct', op: 'lte', threshold: 101 }])).toEqual(['body.items.0.threshold percentage']);
    expect(
      await bad([
        { metric: 'jitter_ms', op: 'lt', threshold: 3 },
        { metric: 'jitter_ms', op: 'lt', threshold: 2 },
      ]),
    ).toEqual(['body.items duplicate_item']);
  });

  it('lets the operator or the enterprise attach a profile and upload tests; nobody else', async () => {
    expect(
      (await s.ent.request('POST', `/api/networks/${networkId}/sla/results`, { period: '2026-11' })).json().error.details.reason.code,
    ).toBe('sla.profile_missing');
    const profiles = (await s.ent.request('GET', '/api/sla/profiles')).json().items;
    const agv = profiles.find((p: { code: string }) => p.code === 'agv_motion');
    for (const [who, status] of [
      ['hp', 403],
      ['auditor', 403],
      ['otherEnt', 404],
      ['th', 403],
    ] as const)
      expect((await s[who].request('PUT', `/api/networks/${networkId}/sla/profile`, { profileId: agv.id })).statusCode, who).toBe(status);
    const set = await s.ent.request('PUT', `/api/networks/${networkId}/sla/profile`, { profileId: agv.id });
    expect(set.json()).toMatchObject({ profile: { code: 'agv_motion' }, canTest: true, results: [] });
    expect((await s.hp.request('GET', `/api/networks/${networkId}/sla`)).json()).toMatchObject({
      profile: { code: 'agv_motion' },
      canTest: false,
    });
    expect((await s.th.request('GET', `/api/networks/${networkId}/sla`)).statusCode).toBe(404);
    expect(
      (await s.ent.request('POST', `/api/networks/${networkId}/sla/results`, { period: '2026-11' })).json().error.details.reason,
    ).toEqual({
      code: 'sla.no_samples',
      params: { period: '2026-11' },
    });

    // 600 echoes a second apart; #100 lost alone (bridged by the 1 s survival time), #300–301 together (an outage).
    const ping = pingOutput({ seed: 7, start, count: 600, rttMs: 11, spreadMs: 3, lost: [100, 300, 301] });
    const uploaded = await upload(s.op, 'format=ping', 'agv-ping-20261103.txt', ping);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json()).toMatchObject({ format: 'ping', counts: { latency: 597, lost: 3 }, fileName: 'agv-ping-20261103.txt' });
    expect(uploaded.json().sha256).toMatch(/^[0-9a-f]{64}$/);
    pingSetId = uploaded.json().id;
    const iperf = iperf3Json({ seed: 8, start: new Date('2026-11-03T03:00:00Z'), seconds: 30, mbps: 160, spreadMbps: 20 });
    expect((await upload(s.ent, 'format=iperf3', 'vision-ul.json', iperf)).json().counts).toMatchObject({ uplink: 30 });
    const drive = driveTestCsv({
      seed: 9,
      start: new Date('2026-11-04T01:00:00Z'),
      rows: 120,
      longitude: 113.48,
      latitude: 23.17,
      rsrpDbm: -82,
      sinrDb: 19,
      latencyMs: 8,
    });
    expect((await upload(s.op, 'format=drive_test', 'drive.csv', drive)).statusCode).toBe(201);
    for (const who of ['hp', 'otherEnt'] as const)
      expect((await upload(s[who], 'format=ping', 'x.txt', ping)).statusCode, who).toBeGreaterThanOrEqual(403);
  });

  it('refuses malformed, empty and mislabelled files and unit errors, naming the line, the column and the rule', async () => {
    const iperf = iperf3Json({ seed: 8, start, seconds: 3, mbps: 100, spreadMbps: 0 });
    const wrong = await upload(s.op, 'format=ping', 'vision-ul.json', iperf);
    expect([wrong.statusCode, reasons(wrong.json())]).toEqual([422, ['file sla.wrong_format']]);
    expect(reasons((await upload(s.op, 'format=iperf3', 'empty.json', '')).json())).toEqual(['file sla.file_empty']);
    expect(reasons((await upload(s.op, 'format=iperf3', 'cut.json', '{"start": {')).json())).toEqual(['file sla.file_not_json']);
    const csv = 'timestamp,ss_rsrp_dbm,ss_sinr_db,latency_ms\n2026-11-05T10:00:00+08:00,-85,12,0.012s\n2026-11-05T10:00:02+08:00,85,12,9\n';
    expect(reasons((await upload(s.op, 'format=drive_test', 'units.csv', csv)).json())).toEqual([
      'file.line 2.latency_ms sla.csv_not_number',
      'file.line 3.ss_rsrp_dbm sla.csv_out_of_range',
    ]);
    const noStamps = '64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=8.10 ms\n';
    expect(reasons((await upload(s.op, 'format=ping', 'plain.txt', noStamps)).json())).toEqual(['file sla.ping_no_start']);
    expect((await upload(s.op, 'format=ping&startedAt=2026-11-05T10:00:00%2B08:00', 'plain.txt', noStamps)).statusCode).toBe(201);
    expect((await upload(s.op, 'format=pcap', 'x.pcap', 'x')).statusCode).toBe(422);
    const sets = (await s.op.request('GET', `/api/networks/${networkId}/sla`)).json().measurementSets;
    expect(sets).toHaveLength(4);
  });

  it('computes the month from uploads and probe telemetry: percentiles, jitter, loss, availability with survival time, coverage', async () => {
    // A probe agent on the network publishing latency every 10 s for 10 minutes.
    const { rows } = await ctx.database.pool.query(
      `INSERT INTO telemetry_device (network_id, device_key, name, kind, secret_hash, inactivity_seconds, created_at, updated_at)
       VALUES ($1, 'probe-hp-01', '时延探针', 'probe', 'x', 60, now(), now()) RETURNING id`,
      [networkId],
    );
    await ctx.database.pool.query(
      `INSERT INTO telemetry_point (device_id, metric, ts, value)
       SELECT $1, 'latency_ms', timestamp '2026-11-10 02:00:00+00' + n * interval '10 seconds', 9 + (n % 3) FROM generate_series(0, 59) n`,
      [rows[0].id],
    );
    const computed = await s.ent.request('POST', `/api/networks/${networkId}/sla/results`, { period: '2026-11' });
    expect(computed.statusCode, computed.body).toBe(201);
    const result = computed.json();
    resultId = result.id;
    const item = (metric: string) => result.items.find((i: { metric: string }) => i.metric === metric);
    expect(result).toMatchObject({
      period: '2026-11',
      state: 'awaiting_sign_off',
      verdict: 'fail',
      profile: { code: 'agv_motion' },
      allowed: ['compute'],
    });
    expect(item('latency_p99_ms')).toMatchObject({ pass: true, evidence: { samples: 597 + 1 + 120 + 60 } });
    // Loss among the echoes sent (ping); drive tests and probes do not count what they lost.
    expect(item('loss_pct')).toMatchObject({ measured: 0.499, pass: false, evidence: { samples: 601 } });
    // 2 s down out of the runs' span: the lone lost echo is bridged by the 1 s survival time.
    expect(item('availability_pct')).toMatchObject({ pass: false, evidence: { outages: 1, downtimeMs: 2000 } });
    expect(result.stats.coverage.shares.map((c: { class: string }) => c.class)).toEqual(['excellent', 'good', 'fair', 'poor']);
    expect(result.stats.uplink.count).toBe(150);
    expect(result.stats.latencyCdf.at(-1).share).toBe(1);
    expect(result.sources.map((x: { kind: string; label: string }) => `${x.kind} ${x.label}`)).toContain('telemetry probe-hp-01');
    const inbox = (await s.hp.request('GET', '/api/notifications')).json();
    // By kind, not position: the network's own confirmation notice can carry the same instant.
    expect(inbox.items).toContainEqual(expect.objectContaining({ kind: 'sla.to_sign_off', link: `/networks/${networkId}?tab=sla` }));
    expect((await s.hp.request('GET', '/api/workbench')).json().items).toContainEqual(
      expect.objectContaining({ kind: 'sla.sign_off', count: 1 }),
    );
    expect((await s.th.request('GET', '/api/workbench')).json().items).not.toContainEqual(
      expect.objectContaining({ kind: 'sla.sign_off' }),
    );
  });

  it('writes the acceptance report as HTML and PDF for whoever reads the network', async () => {
    const html = await s.hp.request('GET', `/api/sla/results/${resultId}/report.html`);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('黄埔验收测试5G专网');
    expect(html.body).toContain('不达标');
    expect(html.body).toContain('agv-ping-20261103.txt');
    const pdf = await s.ent.request('GET', `/api/sla/results/${resultId}/report.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await s.th.request('GET', `/api/sla/results/${resultId}/report.pdf`)).statusCode).toBe(404);
    expect((await s.otherEnt.request('GET', `/api/sla/results/${resultId}`)).statusCode).toBe(404);
  });

  it('is signed off by the network’s district only; a rejection goes back to the testers, an acceptance freezes the month', async () => {
    const version = (await s.hp.request('GET', `/api/sla/results/${resultId}`)).json().version;
    expect((await s.hp.request('GET', `/api/sla/results/${resultId}`)).json().allowed).toEqual(['sign_off']);
    const body = { decision: 'rejected', opinion: '丢包率与可用性不达标，请排查后重测。', version };
    expect((await s.op.request('POST', `/api/sla/results/${resultId}/sign-off`, body)).statusCode).toBe(403);
    expect((await s.th.request('POST', `/api/sla/results/${resultId}/sign-off`, body)).statusCode).toBe(404);
    const rejected = await s.hp.request('POST', `/api/sla/results/${resultId}/sign-off`, body);
    expect(rejected.json()).toMatchObject({ state: 'rejected', signOff: { decision: 'rejected', opinion: body.opinion } });
    expect((await s.op.request('GET', '/api/notifications')).json().items).toContainEqual(
      expect.objectContaining({ kind: 'sla.rejected' }),
    );
    const twice = await s.hp.request('POST', `/api/sla/results/${resultId}/sign-off`, { ...body, version: version + 1 });
    expect(twice.json().error.details.reason).toEqual({ code: 'sla.not_awaiting', params: { state: 'rejected' } });

    // Recomputed after the retest: it waits again, and the district accepts it.
    clock.advance(60_000);
    const again = (await s.op.request('POST', `/api/networks/${networkId}/sla/results`, { period: '2026-11' })).json();
    expect(again).toMatchObject({ id: resultId, state: 'awaiting_sign_off', signOff: null });
    const accepted = await s.admin.request('POST', `/api/sla/results/${resultId}/sign-off`, {
      decision: 'accepted',
      opinion: '同意验收。',
      version: again.version,
    });
    expect(accepted.json()).toMatchObject({ state: 'accepted', allowed: [] });
    expect((await s.ent.request('GET', '/api/notifications')).json().items).toContainEqual(
      expect.objectContaining({ kind: 'sla.accepted' }),
    );
    const frozen = await s.op.request('POST', `/api/networks/${networkId}/sla/results`, { period: '2026-11' });
    expect(frozen.json().error.details.reason).toEqual({ code: 'sla.signed_off', params: { period: '2026-11' } });
    expect((await s.op.request('DELETE', `/api/sla/measurements/${pingSetId}`)).json().error.details.reason.code).toBe('sla.signed_off');
    const late = await upload(s.op, 'format=ping', 'late.txt', pingOutput({ seed: 1, start, count: 5, rttMs: 9, spreadMs: 1 }));
    expect(late.json().error.details.reason.code).toBe('sla.signed_off');
  });

  it('lists results by reach: the network’s parties, its district and the city', async () => {
    for (const who of ['op', 'ent', 'hp', 'admin', 'auditor'] as const)
      expect((await s[who].request('GET', '/api/sla/results')).json().total, who).toBe(1);
    for (const who of ['otherEnt', 'th'] as const) expect((await s[who].request('GET', '/api/sla/results')).json().total, who).toBe(0);
    expect((await s.hp.request('GET', '/api/sla/results?state=awaiting_sign_off')).json().total).toBe(0);
    expect((await s.hp.request('GET', '/api/sla/results?period=2026-11&state=accepted')).json().items[0].networkName).toBe(
      '黄埔验收测试5G专网',
    );
  });
});
