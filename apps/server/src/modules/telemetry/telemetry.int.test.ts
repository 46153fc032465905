import mqtt, { type MqttClient } from 'mqtt';
import pg from 'pg';
import sparkplugPayload from 'sparkplug-payload';
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
import { systemClock } from '../../platform/clock.js';
import { provisionSimulatedDevices, simulateDevices } from './index.js';

const spB = sparkplugPayload.get('spBv1.0');
if (!spB) throw new Error('no Sparkplug B codec');

/** Polls until `check` returns a value (the awaited event happened); the test's timeout bounds it. */
async function waitFor<T>(check: () => Promise<T | undefined | null | false>): Promise<T> {
  for (;;) {
    const value = await check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
}

// Issue #14 items 2 and 4: devices with their own credentials publish over a real MQTT connection to
// the embedded broker (plain JSON and Sparkplug B) and over HTTP; points are stored in batches and
// acknowledged only once durable; bad input is counted; silence raises an alarm that data clears.
describe('telemetry: devices, MQTT / Sparkplug B ingestion, inactivity alarms (#14 items 2, 4)', () => {
  let ctx: TestContext;
  let url: string;
  const s = {} as Record<'op' | 'ent' | 'otherEnt' | 'hp' | 'th' | 'admin', Session>;
  let networkId: string;
  const clients: MqttClient[] = [];

  const connect = async (username: string, password: string) => {
    const client = await mqtt.connectAsync(url, { username, password, protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 10_000 });
    clients.push(client);
    return client;
  };
  const register = async (deviceKey: string, extra: Record<string, unknown> = {}, session = s.op) => {
    const res = await session.request('POST', `/api/networks/${networkId}/devices`, {
      deviceKey,
      name: `设备 ${deviceKey}`,
      kind: 'sensor',
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { device: { id: string; deviceKey: string }; secret: string };
  };
  const telemetryOf = async (id: string) => (await s.ent.request('GET', `/api/devices/${id}/telemetry`)).json();
  const sparkplug = (payload: Parameters<NonNullable<typeof spB>['encodePayload']>[0]) => Buffer.from(spB.encodePayload(payload));

  beforeAll(async () => {
    ctx = await createTestApp();
    const port = await ctx.app.telemetryBroker.start({ port: 0, host: '127.0.0.1' });
    url = `mqtt://127.0.0.1:${port}`;
    const city = await orgByDivision(ctx, '440100');
    const huangpu = (await orgByDivision(ctx, '440112')).id;
    const tianhe = (await orgByDivision(ctx, '440106')).id;
    const enterpriseId = (await insertEnterprise(ctx, huangpu, '黄埔遥测智造有限公司', 'TEL-TEST-E1')).id;
    const other = await insertEnterprise(ctx, tianhe, '天河遥测软件有限公司', 'TEL-TEST-E2');
    const operatorId = (await insertEnterprise(ctx, tianhe, '测试联通广州分公司', 'TEL-TEST-O1', 'provider')).id;
    const users: Array<[keyof typeof s, Parameters<typeof insertUser>[2], string]> = [
      ['op', 'provider_user', operatorId],
      ['ent', 'enterprise_user', enterpriseId],
      ['otherEnt', 'enterprise_user', other.id],
      ['hp', 'district_officer', huangpu],
      ['th', 'district_officer', tianhe],
      ['admin', 'city_admin', city.id],
    ];
    for (const [key, role, org] of users) await insertUser(ctx, `tel.${key}`, role, org);
    for (const [key] of users) s[key] = await login(ctx, `tel.${key}`);
    const created = await s.op.request('POST', '/api/networks', {
      enterpriseId,
      name: '黄埔遥测5G专网',
      mode: 'virtual',
      bands: ['n78'],
      upfLocation: 'operator_edge',
      sites: [{ districtId: huangpu, address: '黄埔区科学大道2号' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    networkId = created.json().id;
  });
  afterAll(async () => {
    for (const c of clients) await c.endAsync(true).catch(() => undefined);
    await ctx.close();
  });

  it('the operator and the enterprise register devices; the secret is shown once and stored as a digest; others are refused', async () => {
    const { device, secret } = await register('tel-reg-1');
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await ctx.database.pool.query('SELECT secret_hash FROM telemetry_device WHERE id = $1', [device.id]);
    expect(stored.rows[0].secret_hash).not.toContain(secret);
    await register('tel-reg-2', {}, s.ent);
    const dup = await s.ent.request('POST', `/api/networks/${networkId}/devices`, { deviceKey: 'tel-reg-1', name: 'x', kind: 'sensor' });
    expect(dup.json().error.details.reason.code).toBe('device.key_taken');
    // Another enterprise does not see the network; the district officer reads but does not register.
    expect(
      (await s.otherEnt.request('POST', `/api/networks/${networkId}/devices`, { deviceKey: 'tel-x', name: 'x', kind: 'sensor' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await s.hp.request('POST', `/api/networks/${networkId}/devices`, { deviceKey: 'tel-x', name: 'x', kind: 'sensor' })).statusCode,
    ).toBe(403);
    const listed = (await s.hp.request('GET', `/api/networks/${networkId}/devices`)).json();
    expect(listed.items.map((d: { deviceKey: string }) => d.deviceKey)).toEqual(['tel-reg-1', 'tel-reg-2']);
    expect(listed.total).toBe(2);
    expect((await s.th.request('GET', `/api/networks/${networkId}/devices`)).statusCode).toBe(404);
    expect((await s.otherEnt.request('GET', `/api/devices/${device.id}/telemetry`)).statusCode).toBe(404);
  });

  it('refuses an MQTT client with a wrong secret or an unknown key at CONNECT (return code 4)', async () => {
    const { secret } = await register('tel-auth-1');
    await expect(connect('tel-auth-1', `${secret}x`)).rejects.toMatchObject({ code: 4 });
    await expect(connect('tel-nobody', secret)).rejects.toMatchObject({ code: 4 });
    const ok = await connect('tel-auth-1', secret);
    expect(ok.connected).toBe(true);
  });

  it('stores plain JSON telemetry published with QoS 1 and serves it as latest values and a 1-minute rollup', async () => {
    const { device, secret } = await register('tel-json-1');
    const client = await connect('tel-json-1', secret);
    const now = Date.now();
    await client.publishAsync('suilian/v1/tel-json-1/telemetry', JSON.stringify({ ts: now - 2000, values: { temp: 20, rpm: 1200 } }), {
      qos: 1,
    });
    await client.publishAsync(
      'suilian/v1/tel-json-1/telemetry',
      JSON.stringify([
        { ts: now - 1000, values: { temp: 22 } },
        { ts: now, values: { temp: 24, running: true } },
      ]),
      { qos: 1 },
    );
    const state = await telemetryOf(device.id);
    expect(state.latest.map((l: { metric: string; value: number }) => [l.metric, l.value])).toEqual([
      ['rpm', 1200],
      ['running', 1],
      ['temp', 24],
    ]);
    expect(state.device.lastSeenAt).not.toBeNull();
    const series = (await s.ent.request('GET', `/api/devices/${device.id}/series?metric=temp`)).json();
    const points = series.series[0].points as Array<{ count: number; min: number; max: number }>;
    expect(points.reduce((n, p) => n + p.count, 0)).toBe(3);
    expect(Math.min(...points.map((p) => p.min))).toBe(20);
    expect(Math.max(...points.map((p) => p.max))).toBe(24);
  });

  it('acknowledges a QoS 1 message only after its batch is written (#14 item 2, at-least-once)', async () => {
    const { device, secret } = await register('tel-ack-1');
    const client = await connect('tel-ack-1', secret);
    const blocker = new pg.Client({ connectionString: ctx.databaseUrl });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE telemetry_point IN EXCLUSIVE MODE');
    let acked = false;
    const publishing = client
      .publishAsync('suilian/v1/tel-ack-1/telemetry', JSON.stringify({ values: { level: 7 } }), { qos: 1 })
      .then(() => {
        acked = true;
      });
    // The writer's INSERT now waits on the lock: the event, not a delay.
    await waitFor(async () => {
      const waiting = await ctx.database.pool.query(
        "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO telemetry_point%'",
      );
      return waiting.rowCount && waiting.rowCount > 0;
    });
    expect(acked).toBe(false);
    await blocker.query('COMMIT');
    await blocker.end();
    await publishing;
    const stored = await ctx.database.pool.query("SELECT value FROM telemetry_point WHERE device_id = $1 AND metric = 'level'", [
      device.id,
    ]);
    expect(stored.rows).toEqual([{ value: 7 }]);
  });

  it('counts malformed JSON, NaN and out-of-range values per device with the reason; the connection survives', async () => {
    const { device, secret } = await register('tel-bad-1');
    const client = await connect('tel-bad-1', secret);
    const topic = 'suilian/v1/tel-bad-1/telemetry';
    await client.publishAsync(topic, '{"values": {"temp": 2', { qos: 1 });
    await client.publishAsync(topic, JSON.stringify({ values: { temp: 'NaN', load: 1e300, ok: 5 } }), { qos: 1 });
    await client.publishAsync(topic, JSON.stringify({ values: 42 }), { qos: 1 });
    expect(client.connected).toBe(true);
    await client.publishAsync(topic, JSON.stringify({ values: { temp: 21 } }), { qos: 1 });
    const state = await telemetryOf(device.id);
    const counts = Object.fromEntries(state.rejections.map((r: { reason: string; count: number }) => [r.reason, r.count]));
    expect(counts).toEqual({ malformed_json: 1, not_a_number: 1, out_of_range: 1, invalid_shape: 1 });
    expect(state.latest.map((l: { metric: string }) => l.metric)).toEqual(['ok', 'temp']);
    expect(state.device.rejected).toBe(4);
  });

  it('Sparkplug B: births set aliases, data by alias is stored, unknown aliases are counted (#14 item 2)', async () => {
    const { device, secret } = await register('tel-gw-1', { kind: 'gateway' });
    const client = await connect('tel-gw-1', secret);
    const base = 'spBv1.0/plant-a';
    await client.publishAsync(
      `${base}/NBIRTH/tel-gw-1`,
      sparkplug({
        timestamp: Date.now(),
        seq: 0,
        metrics: [
          { name: 'bdSeq', type: 'UInt64', value: 3 },
          { name: 'Node Control/Rebirth', type: 'Boolean', value: false },
          { name: 'temperature', alias: 1, type: 'Double', value: 30.5 },
          { name: 'pressure', alias: 2, type: 'Float', value: 1.5 },
          { name: 'firmware', alias: 3, type: 'String', value: '1.2.0' },
        ],
      }),
      { qos: 1 },
    );
    await client.publishAsync(
      `${base}/DBIRTH/tel-gw-1/press-1`,
      sparkplug({ timestamp: Date.now(), seq: 1, metrics: [{ name: 'force', alias: 1, type: 'Int32', value: 800 }] }),
      { qos: 1 },
    );
    await client.publishAsync(
      `${base}/NDATA/tel-gw-1`,
      sparkplug({
        timestamp: Date.now(),
        seq: 2,
        metrics: [
          { alias: 1, type: 'Double', value: 31.25 },
          { alias: 9, type: 'Double', value: 1 },
        ],
      }),
      { qos: 1 },
    );
    await client.publishAsync(
      `${base}/DDATA/tel-gw-1/press-1`,
      sparkplug({ timestamp: Date.now(), seq: 3, metrics: [{ alias: 1, type: 'Int32', value: 810 }] }),
      { qos: 1 },
    );
    const state = await telemetryOf(device.id);
    expect(state.latest.map((l: { metric: string; value: number; stale: boolean }) => [l.metric, l.value, l.stale])).toEqual([
      ['press-1:force', 810, false],
      ['pressure', 1.5, false],
      ['temperature', 31.25, false],
    ]);
    expect(state.rejections.map((r: { reason: string; count: number }) => [r.reason, r.count])).toEqual([['unknown_alias', 1]]);
  });

  it('Sparkplug B: a seq gap is counted and answered with an NCMD rebirth request; NDEATH marks the metrics stale', async () => {
    const { device, secret } = await register('tel-gw-2', { kind: 'gateway' });
    const client = await connect('tel-gw-2', secret);
    const base = 'spBv1.0/plant-b';
    const commands: Buffer[] = [];
    client.on('message', (topic, payload) => {
      if (topic === `${base}/NCMD/tel-gw-2`) commands.push(payload);
    });
    const granted = await client.subscribeAsync(`${base}/NCMD/tel-gw-2`, { qos: 0 });
    expect(granted[0]?.qos).toBe(0);
    await client.publishAsync(
      `${base}/NBIRTH/tel-gw-2`,
      sparkplug({
        timestamp: Date.now(),
        seq: 0,
        metrics: [
          { name: 'bdSeq', type: 'UInt64', value: 1 },
          { name: 'flow', alias: 5, type: 'Double', value: 10 },
        ],
      }),
      { qos: 1 },
    );
    await client.publishAsync(
      `${base}/NDATA/tel-gw-2`,
      sparkplug({ timestamp: Date.now(), seq: 1, metrics: [{ alias: 5, type: 'Double', value: 11 }] }),
      {
        qos: 1,
      },
    );
    expect(commands).toHaveLength(0);
    // seq 2 and 3 never arrive.
    await client.publishAsync(
      `${base}/NDATA/tel-gw-2`,
      sparkplug({ timestamp: Date.now(), seq: 4, metrics: [{ alias: 5, type: 'Double', value: 14 }] }),
      {
        qos: 1,
      },
    );
    await waitFor(async () => commands.length > 0);
    const rebirth = spB.decodePayload(commands[0] as Buffer);
    expect(rebirth.metrics?.[0]).toMatchObject({ name: 'Node Control/Rebirth', value: true });
    let state = await telemetryOf(device.id);
    expect(state.rejections.map((r: { reason: string; count: number }) => [r.reason, r.count])).toEqual([['seq_gap', 1]]);
    expect(state.latest).toMatchObject([{ metric: 'flow', value: 14, stale: false }]);
    await client.publishAsync(
      `${base}/NDEATH/tel-gw-2`,
      sparkplug({ timestamp: Date.now(), metrics: [{ name: 'bdSeq', type: 'UInt64', value: 1 }] }),
      {
        qos: 1,
      },
    );
    state = await telemetryOf(device.id);
    expect(state.latest).toMatchObject([{ metric: 'flow', value: 14, stale: true }]);
    // The seq gap raised one network-fault alarm (the NDEATH found it open); the next NBIRTH clears it.
    const faults = await waitFor(async () => {
      const page = (await s.ent.request('GET', `/api/alarms?deviceId=${device.id}`)).json();
      return page.total > 0 ? page : null;
    });
    expect(faults.items).toMatchObject([{ type: 'network_fault', severity: 'major', metric: null, details: { cause: 'seq_gap' } }]);
    await client.publishAsync(
      `${base}/NBIRTH/tel-gw-2`,
      sparkplug({ timestamp: Date.now(), seq: 0, metrics: [{ name: 'bdSeq', type: 'UInt64', value: 2 }] }),
      { qos: 1 },
    );
    await waitFor(async () => (await s.ent.request('GET', `/api/alarms?deviceId=${device.id}&state=cleared`)).json().total === 1);
  });

  it('fault early warning: a spike after normal data raises one anomaly alarm on the metric and notifies (#14 item 4)', async () => {
    const { device, secret } = await register('tel-vib-1');
    const start = Date.now() - 90 * 60_000;
    // Sixty minutes of a vibration reading around 2.4 mm/s, then one reading of 9.
    const readings = Array.from({ length: 61 }, (_, i) => ({
      ts: start + i * 60_000,
      values: { vibration: i === 60 ? 9 : 2.4 + 0.05 * Math.sin(i * 1.7) },
    }));
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/telemetry',
      headers: { authorization: `Basic ${Buffer.from(`tel-vib-1:${secret}`).toString('base64')}` },
      payload: readings,
    });
    expect(res.statusCode, res.body).toBe(202);
    const alarm = await waitFor(async () => (await s.op.request('GET', `/api/alarms?deviceId=${device.id}`)).json().items[0]);
    expect(alarm).toMatchObject({ type: 'anomaly', metric: 'vibration', state: 'active', severity: 'minor', details: { value: 9 } });
    expect(alarm.details.detectors).toContain('mad');
    const inbox = (await s.ent.request('GET', '/api/notifications')).json();
    expect(
      inbox.items.some((n: { kind: string; titleZh: string }) => n.kind === 'telemetry.alarm' && n.titleZh.includes('vibration')),
    ).toBe(true);
    // The district officer of another district sees nothing of it.
    expect((await s.th.request('GET', `/api/alarms?deviceId=${device.id}`)).json().total).toBe(0);
  });

  it('accepts HTTP batches with the device credentials as Basic auth and refuses wrong ones', async () => {
    const { device, secret } = await register('tel-http-1');
    const basic = (key: string, pass: string) => `Basic ${Buffer.from(`${key}:${pass}`).toString('base64')}`;
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/telemetry',
      headers: { authorization: basic('tel-http-1', secret) },
      payload: [{ values: { humidity: 55 } }, { values: { humidity: 'wet' } }],
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ accepted: 1, rejected: [{ reason: 'not_a_number' }] });
    expect((await telemetryOf(device.id)).latest).toMatchObject([{ metric: 'humidity', value: 55 }]);
    const refused = await ctx.app.inject({
      method: 'POST',
      url: '/api/telemetry',
      headers: { authorization: basic('tel-http-1', 'wrong') },
      payload: { values: { humidity: 1 } },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.details.reason.code).toBe('telemetry.device_credentials');
  });

  it('raises an inactivity alarm when a device is silent past its timeout, notifies, is acknowledged, and clears on data (#14 item 4)', async () => {
    const { device, secret } = await register('tel-idle-1', { inactivitySeconds: 1 });
    const client = await connect('tel-idle-1', secret);
    await client.publishAsync('suilian/v1/tel-idle-1/telemetry', JSON.stringify({ values: { v: 1 } }), { qos: 1 });
    const alarm = await waitFor(async () => {
      const page = (await s.ent.request('GET', `/api/alarms?deviceId=${device.id}&state=open`)).json();
      return page.items[0];
    });
    expect(alarm).toMatchObject({ type: 'inactivity', state: 'active', severity: 'major', deviceKey: 'tel-idle-1', networkId });
    const inbox = (await s.op.request('GET', '/api/notifications')).json();
    expect(inbox.items.some((n: { kind: string }) => n.kind === 'telemetry.device_inactive')).toBe(true);
    // The district reads the alarm but does not acknowledge it; the enterprise does.
    expect((await s.hp.request('GET', `/api/alarms?deviceId=${device.id}`)).json().total).toBe(1);
    expect((await s.hp.request('POST', `/api/alarms/${alarm.id}/acknowledge`)).statusCode).toBe(403);
    const acked = await s.ent.request('POST', `/api/alarms/${alarm.id}/acknowledge`);
    expect(acked.json()).toMatchObject({ state: 'acknowledged' });
    expect((await s.ent.request('POST', `/api/alarms/${alarm.id}/acknowledge`)).json().error.details.reason.code).toBe('alarm.not_active');
    await client.publishAsync('suilian/v1/tel-idle-1/telemetry', JSON.stringify({ values: { v: 2 } }), { qos: 1 });
    const cleared = await waitFor(async () => {
      const page = (await s.ent.request('GET', `/api/alarms?deviceId=${device.id}&state=cleared`)).json();
      return page.items[0];
    });
    expect(cleared).toMatchObject({ id: alarm.id, state: 'cleared' });
    expect((await s.th.request('GET', `/api/alarms?deviceId=${device.id}`)).json().total).toBe(0);
  }, 30_000);

  it('the simulator registers its gateways and their Sparkplug B data lands (#14 item 5)', async () => {
    const { devices } = await provisionSimulatedDevices(ctx.database.db, systemClock, { count: 2, networkId, inactivitySeconds: 20 });
    const stop = simulateDevices({ url, devices, rate: 20, faultEverySeconds: 3600, silenceSeconds: 1, log: () => undefined });
    try {
      const stored = await waitFor(async () => {
        const rows = await ctx.database.pool.query(
          "SELECT count(DISTINCT d.device_key)::int AS n FROM telemetry_point p JOIN telemetry_device d ON d.id = p.device_id WHERE d.device_key LIKE 'sim-%' AND p.metric = 'temperature'",
        );
        return rows.rows[0].n === 2 ? rows.rows[0].n : null;
      });
      expect(stored).toBe(2);
    } finally {
      await stop();
    }
    const rejected = await ctx.database.pool.query(
      "SELECT count(*)::int AS n FROM telemetry_rejection r JOIN telemetry_device d ON d.id = r.device_id WHERE d.device_key LIKE 'sim-%'",
    );
    expect(rejected.rows[0].n).toBe(0);
  });
});
