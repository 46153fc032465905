/**
 * Issue #13 item 2: resolutions per second over the native Handle protocol (UDP, RFC 3652) against
 * the REST API's cached path, in the same run on the same server process. Both resolve the same
 * cached handle anonymously; the REST side is autocannon with `--connections` keep-alive
 * connections, the UDP side keeps `--connections` requests in flight over 8 sockets (a request
 * unanswered after 1 s counts as lost and is replaced). Each round runs REST then UDP, `--rounds`
 * times; `ratio` = UDP / REST req/s and `cpuRatio` = REST / UDP server CPU per resolution (medians
 * of the rounds).
 *
 *   npm run bench -- handle-native [--handles 10000] [--duration 10] [--connections 50] [--rounds 3] [--smoke] [--keep]
 */
import { createSocket, type Socket } from 'node:dgram';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { connectDatabase, ensureDatabaseExists, migrateDatabase } from '../apps/server/src/db/client.ts';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded-postgres.ts';
import { loadHandleDemo } from '../apps/server/src/modules/handles/index.ts';
import { createOrganisationRepo } from '../apps/server/src/modules/organisations/index.ts';
import { createAuditService } from '../apps/server/src/platform/audit/audit.service.ts';
import { systemClock } from '../apps/server/src/platform/clock.ts';
import { loadReferenceData } from '../apps/server/src/seed/reference.ts';
import { requestPacket, udpExchange } from '../apps/server/test/handle-client.ts';
import {
  assertRunning,
  cpuMs,
  environment,
  freePort,
  numberArg,
  parseArgs,
  ROOT,
  removeDir,
  round,
  type Spawned,
  spawnLogged,
  stopProcess,
  tempDir,
  waitFor200,
} from './lib/common.ts';

const args = parseArgs();
const smoke = args.has('smoke');
const total = numberArg(args, 'handles', smoke ? 1_000 : 10_000);
const duration = numberArg(args, 'duration', smoke ? 1 : 10);
const connections = numberArg(args, 'connections', 50);
const rounds = numberArg(args, 'rounds', smoke ? 1 : 3);
const log = (m: string) => process.stderr.write(`[handle-native] ${m}\n`);
const HANDLE = '88.118.8/P00000042';

/** Keeps `inFlight` UDP resolutions outstanding for `seconds`; answers with response code 1 count. */
async function udpLoad(port: number, inFlight: number, seconds: number, pid: number) {
  const sockets: Socket[] = [];
  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  let nextId = 1;
  let ok = 0;
  let failed = 0;
  let lost = 0;
  let running = true;
  const send = (socket: Socket) => {
    const id = nextId++;
    sentAt.set(id, performance.now());
    socket.send(requestPacket({ handle: HANDLE, requestId: id }), port, '127.0.0.1');
  };
  for (let s = 0; s < 8; s++) {
    const socket = createSocket('udp4');
    socket.on('message', (msg) => {
      const id = msg.readUInt32BE(8);
      const started = sentAt.get(id);
      if (started === undefined) return;
      sentAt.delete(id);
      latencies.push(performance.now() - started);
      if (msg.readUInt32BE(24) === 1) ok++;
      else failed++;
      if (running) send(socket);
    });
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    sockets.push(socket);
  }
  const sweeper = setInterval(() => {
    const now = performance.now();
    for (const [id, t] of sentAt) {
      if (now - t > 1000) {
        sentAt.delete(id);
        lost++;
        if (running) send(sockets[id % sockets.length] as Socket);
      }
    }
  }, 200);
  const cpu0 = cpuMs(pid);
  const t0 = performance.now();
  for (let i = 0; i < inFlight; i++) send(sockets[i % sockets.length] as Socket);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  running = false;
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = cpuMs(pid) - cpu0;
  clearInterval(sweeper);
  await new Promise((r) => setTimeout(r, 100));
  for (const s of sockets) s.close();
  const sorted = latencies.sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0, 2);
  return { rps: round(ok / elapsed, 0), cpuUsPerReq: round((cpu * 1000) / Math.max(1, ok), 1), p50: at(0.5), p99: at(0.99), failed, lost };
}

const dir = tempDir('suilian-bench-handle-native-');
const running = new Set<Spawned>();
const embedded = await startEmbeddedPostgres({ dir: `${dir}/pg`, settings: { fsync: 'off', synchronous_commit: 'off' } });
try {
  await ensureDatabaseExists(embedded.adminUrl, 'bench');
  const url = embedded.urlFor('bench');
  const database = connectDatabase(url);
  await migrateDatabase(database);
  await loadReferenceData(database.db, { clock: systemClock, audit: createAuditService({ db: database.db, clock: systemClock }) });
  const orgs = createOrganisationRepo(database.db);
  const city = await orgs.findCity();
  const huangpu = await orgs.findByDivisionCode('440112');
  if (!city || !huangpu) throw new Error('reference data missing');
  const now = new Date();
  const enterprise = await orgs.insert({
    kind: 'enterprise',
    parentId: huangpu.id,
    districtId: huangpu.id,
    name: '基准线缆有限公司',
    creditCode: '91440112MA59B7XH31',
    createdAt: now,
    updatedAt: now,
  });
  await loadHandleDemo(database.db, {
    now,
    cityId: city.id,
    enterprises: [{ id: enterprise.id, name: enterprise.name }],
    random: Math.random,
  });
  await database.close();

  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  log(`loading ${total} handles`);
  // The same record shape as bench/handles.ts (URL, description, HS_ADMIN, template version, attributes).
  await raw.query(
    `
    INSERT INTO handle_record (handle_key, handle, prefix, handle_values, created_at, updated_at)
    SELECT '88.118.8/' || s, '88.118.8/' || s, '88.118.8', jsonb_build_array(
      jsonb_build_object('index', 1, 'type', 'URL', 'data', jsonb_build_object('format', 'string', 'value', 'https://example.cn/suilian-bench/products/' || s), 'ttl', 86400, 'timestamp', $2::text, 'permissions', '1110'),
      jsonb_build_object('index', 2, 'type', 'DESC', 'data', jsonb_build_object('format', 'string', 'value', '交联聚乙烯绝缘电力电缆，额定电压 0.6/1kV，三芯 95 平方毫米，阻燃 B1 级。'), 'ttl', 86400, 'timestamp', $2::text, 'permissions', '1110'),
      jsonb_build_object('index', 100, 'type', 'HS_ADMIN', 'data', jsonb_build_object('format', 'admin', 'value', jsonb_build_object('handle', '0.NA/88.118.8', 'index', 200, 'permissions', '011111110011')), 'ttl', 86400, 'timestamp', $2::text, 'permissions', '1110'),
      jsonb_build_object('index', 1001, 'type', 'IDIS_TEMPLATE', 'data', jsonb_build_object('format', 'string', 'value', 'C3831@1'), 'ttl', 86400, 'timestamp', $2::text, 'permissions', '1110'),
      jsonb_build_object('index', 2000, 'type', 'productName', 'data', jsonb_build_object('format', 'string', 'value', '交联聚乙烯绝缘电力电缆'), 'ttl', 86400, 'timestamp', $2::text, 'permissions', '1110'),
      jsonb_build_object('index', 2001, 'type', 'model', 'data', jsonb_build_object('format', 'string', 'value', 'YJV-0.6/1kV-3×95'), 'ttl', 86400, 'timestamp', $2::text, 'permissions', '1110'),
      jsonb_build_object('index', 2002, 'type', 'batchNo', 'data', jsonb_build_object('format', 'string', 'value', 'GZ' || lpad(n::text, 6, '0')), 'ttl', 86400, 'timestamp', $2::text, 'permissions', '1110')
    ), now(), now()
    FROM generate_series(1, $1::int) n, LATERAL (SELECT 'P' || lpad(n::text, 8, '0') AS s) x`,
    [total, `${now.toISOString().slice(0, 19)}Z`],
  );
  await raw.end();

  const port = await freePort();
  const nativePort = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawnLogged(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'bench', 'lib', 'handle-native-server.ts')],
    {
      ...process.env,
      NODE_OPTIONS: '',
      DATABASE_URL: url,
      PORT: String(port),
      NATIVE_PORT: String(nativePort),
      DATA_DIR: dir,
      HANDLE_RESOLVE_RATE_PER_MINUTE: '1000000000',
    },
    join(dir, 'server.log'),
  );
  running.add(server);
  await waitFor200(`${base}/api/ready`, server, performance.now());
  const pid = server.child.pid as number;

  // Both paths answer the same values (the REST answer's indexes = the native answer's).
  const rest = await fetch(`${base}/api/handles/${HANDLE}`);
  const restBody = (await rest.json()) as { values: Array<{ index: number }> };
  const native = await udpExchange(nativePort, requestPacket({ handle: HANDLE, requestId: 1 }));
  const sameValues = JSON.stringify(native.values?.map((v) => v.index)) === JSON.stringify(restBody.values.map((v) => v.index));
  if (rest.status !== 200 || native.responseCode !== 1 || !sameValues)
    throw new Error(`answers differ: REST ${rest.status}, native ${native.responseCode}`);

  const restRun = async (seconds: number) => {
    const cpu0 = cpuMs(pid);
    const r = await autocannon({ url: `${base}/api/handles/${HANDLE}`, connections, duration: seconds });
    return {
      rps: round(r.requests.total / r.duration, 0),
      cpuUsPerReq: round(((cpuMs(pid) - cpu0) * 1000) / Math.max(1, r.requests.total), 1),
      p50: r.latency.p50,
      p99: r.latency.p99,
      non2xx: r.non2xx,
      errors: r.errors + r.timeouts,
    };
  };
  log('warm-up');
  await restRun(smoke ? 0.5 : 1);
  await udpLoad(nativePort, connections, smoke ? 0.5 : 1, pid);
  const restRounds: Awaited<ReturnType<typeof restRun>>[] = [];
  const udpRounds: Awaited<ReturnType<typeof udpLoad>>[] = [];
  for (let i = 0; i < rounds; i++) {
    log(`round ${i + 1}/${rounds}: REST then UDP, ${duration} s each, ${connections} in flight`);
    restRounds.push(await restRun(duration));
    assertRunning(server, 'the Suilian server');
    udpRounds.push(await udpLoad(nativePort, connections, duration, pid));
    assertRunning(server, 'the Suilian server');
  }
  await stopProcess(server);
  running.delete(server);

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const ratios = udpRounds.map((u, i) => round(u.rps / (restRounds[i]?.rps ?? Number.NaN), 2));
  // Wrong answers make the run invalid; timeouts on an overloaded machine are reported, not fatal.
  const valid = restRounds.every((r) => r.non2xx === 0) && udpRounds.every((u) => u.failed === 0);
  // Server CPU per resolution, REST / UDP: steadier than req/s when other work shares the machine.
  const cpuRatios = udpRounds.map((u, i) => round((restRounds[i]?.cpuUsPerReq ?? Number.NaN) / u.cpuUsPerReq, 2));
  console.log(
    JSON.stringify({
      bench: 'handle-native',
      ...environment(),
      params: { handles: total, duration, connections, rounds, smoke, handle: HANDLE, restBytes: JSON.stringify(restBody).length },
      udp: {
        ...udpRounds[ratios.indexOf(median(ratios))],
        roundsRps: udpRounds.map((u) => u.rps),
        lost: udpRounds.reduce((n, u) => n + u.lost, 0),
      },
      rest: {
        kind: 'GET /api/handles/{h}, cached, anonymous',
        ...restRounds[ratios.indexOf(median(ratios))],
        roundsRps: restRounds.map((r) => r.rps),
      },
      ratio: median(ratios),
      roundsRatio: ratios,
      cpuRatio: median(cpuRatios),
      roundsCpuRatio: cpuRatios,
      restErrors: restRounds.reduce((n, r) => n + r.errors, 0),
      valid,
    }),
  );
  if (!valid) process.exitCode = 1;
} finally {
  for (const p of running) await stopProcess(p, 15_000).catch(() => undefined);
  await embedded.stop();
  if (!args.has('keep')) removeDir(dir);
}
