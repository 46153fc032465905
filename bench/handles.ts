/**
 * Issue #6 figures for the identifier service, with 1,000,000 handles registered (bulk-loaded with
 * generate_series, ≈ 1 KB of values each):
 *  - cached GET /api/handles/{h} with 50 connections against a bare Fastify route returning the
 *    same bytes in the same run (goal: ratio ≥ 0.7, p99 < 20 ms);
 *  - uncached resolution: every request a different handle (goal ≥ 2,000 req/s);
 *  - a 2,000-item batch registration through POST /api/identifiers/batches (goal < 2 s), and the
 *    same batch again (every item "already exists, identical");
 *  - reverse lookup by URL among all handles (p50/p95, one request at a time).
 * The app runs in its own process from the TypeScript sources (bench/lib/handles-server.ts).
 *
 *   npm run bench -- handles [--handles 1000000] [--duration 10] [--connections 50] [--rounds 3] [--smoke] [--profile DIR]
 */
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
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

/** autocannon's per-request hook (not in bench/lib/autocannon.d.ts): a different path for every request. */
type RequestHooks = { requests?: Array<{ setupRequest?: (req: { path: string }) => { path: string } }> };

const args = parseArgs();
const smoke = args.has('smoke');
const total = numberArg(args, 'handles', smoke ? 3_000 : 1_000_000);
const duration = numberArg(args, 'duration', smoke ? 1 : 10);
const connections = numberArg(args, 'connections', 50);
const rounds = numberArg(args, 'rounds', smoke ? 1 : 3);
const batches = numberArg(args, 'batches', smoke ? 1 : 3);
// --profile DIR: the server runs under node --cpu-prof and writes its .cpuprofile into DIR on exit.
const profileDir = typeof args.get('profile') === 'string' ? (args.get('profile') as string) : undefined;
const GOALS = { ratio: 0.7, p99Ms: 20, uncachedRps: 2000, batchMs: 2000 };
const log = (m: string) => process.stderr.write(`[handles] ${m}\n`);
const suffix = (n: number) => `P${String(n).padStart(8, '0')}`;

const dir = tempDir('suilian-bench-handles-');
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
  // Served 88.118, 88.118.8 for the enterprise, the C3831 cable template, a few demo handles.
  await loadHandleDemo(database.db, {
    now,
    cityId: city.id,
    enterprises: [{ id: enterprise.id, name: enterprise.name }],
    random: Math.random,
  });
  await database.close();

  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  log(`bulk-loading ${total} handles`);
  const t0 = performance.now();
  // Each record: URL, HS_ADMIN, template version, seven attributes and a description, ≈ 1 KB.
  await raw.query(
    `
    INSERT INTO handle_record (handle_key, handle, prefix, handle_values, created_at, updated_at)
    SELECT '88.118.8/' || s, '88.118.8/' || s, '88.118.8', jsonb_build_array(
      jsonb_build_object('index', 1, 'type', 'URL', 'data', jsonb_build_object('format', 'string', 'value', 'https://example.cn/suilian-bench/products/' || s), 'ttl', 86400, 'timestamp', $2::text, 'permissions', '1110'),
      jsonb_build_object('index', 2, 'type', 'DESC', 'data', jsonb_build_object('format', 'string', 'value', '交联聚乙烯绝缘电力电缆，额定电压 0.6/1kV，三芯 95 平方毫米，阻燃 B1 级，用于工业园区配电与 5G 基站供电，批次质量记录可追溯。'), 'ttl', 86400, 'timestamp', $2::text, 'permissions', '1110'),
      jsonb_build_object('index', 100, 'type', 'HS_ADMIN', 'data', jsonb_build_object('format', 'admin', 'value', jsonb_build_object('handle', '0.NA/88.118.8', 'index', 200, 'permissions', '011111110011')), 'ttl', 86400, 'timestamp', $2::text, 'permissions', '1110'),
      jsonb_build_object('index', 1001, 'type', 'IDIS_TEMPLATE', 'data', jsonb_build_object('format', 'string', 'value', 'C3831@1'), 'ttl', 86400, 'timestamp', $2::text, 'permissions', '1110'),
      jsonb_build_object('index', 2000, 'type', 'productName', 'data', jsonb_build_object('format', 'string', 'value', '交联聚乙烯绝缘电力电缆'), 'ttl', 86400, 'timestamp', $2::text, 'permissions', '1110'),
      jsonb_build_object('index', 2001, 'type', 'model', 'data', jsonb_build_object('format', 'string', 'value', 'YJV-0.6/1kV-3×95'), 'ttl', 86400, 'timestamp', $2::text, 'permissions', '1110'),
      jsonb_build_object('index', 2002, 'type', 'batchNo', 'data', jsonb_build_object('format', 'string', 'value', 'GZ' || lpad((n % 1000000)::text, 6, '0')), 'ttl', 86400, 'timestamp', $2::text, 'permissions', '1110'),
      jsonb_build_object('index', 2003, 'type', 'madeOn', 'data', jsonb_build_object('format', 'string', 'value', '2026-06-01'), 'ttl', 86400, 'timestamp', $2::text, 'permissions', '1110'),
      jsonb_build_object('index', 2004, 'type', 'lengthM', 'data', jsonb_build_object('format', 'string', 'value', (100 + n % 900)::text), 'ttl', 86400, 'timestamp', $2::text, 'permissions', '1110'),
      jsonb_build_object('index', 2005, 'type', 'grade', 'data', jsonb_build_object('format', 'string', 'value', '一等品'), 'ttl', 86400, 'timestamp', $2::text, 'permissions', '1110')
    ), now(), now()
    FROM generate_series(1, $1::int) n, LATERAL (SELECT 'P' || lpad(n::text, 8, '0') AS s) x`,
    [total, `${now.toISOString().slice(0, 19)}Z`],
  );
  await raw.query('ANALYZE handle_record');
  const loadMs = round(performance.now() - t0, 0);
  log(`loaded in ${loadMs} ms`);

  // An API token for the enterprise (as an ERP would use), created like the token service does.
  const token = `slt_${randomBytes(24).toString('base64url')}`;
  const user = await raw.query(
    `INSERT INTO app_user (username, display_name, role, org_id, password_hash, must_change_password, created_at, updated_at)
     VALUES ('bench.enterprise', 'bench', 'enterprise_user', $1, 'x', false, now(), now()) RETURNING id`,
    [enterprise.id],
  );
  await raw.query(
    `INSERT INTO api_token (name, token_hash, prefix, role, org_id, created_by_id, created_at) VALUES ('bench', $1, $2, 'enterprise_user', $3, $4, now())`,
    [createHash('sha256').update(token).digest('hex'), token.slice(0, 8), enterprise.id, user.rows[0].id],
  );

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawnLogged(
    process.execPath,
    [
      ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []),
      '--import',
      'tsx',
      join(ROOT, 'bench', 'lib', 'handles-server.ts'),
    ],
    {
      ...process.env,
      NODE_OPTIONS: '',
      DATABASE_URL: url,
      PORT: String(port),
      DATA_DIR: dir,
      HANDLE_RESOLVE_RATE_PER_MINUTE: '1000000000',
    },
    join(dir, 'server.log'),
  );
  running.add(server);
  await waitFor200(`${base}/api/ready`, server, performance.now());

  const path = `/api/handles/88.118.8/${suffix(Math.ceil(total / 2))}`;
  const first = await fetch(`${base}${path}`);
  const body = Buffer.from(await first.arrayBuffer());
  if (first.status !== 200) throw new Error(`GET ${path}: HTTP ${first.status} ${body}`);
  const bodyFile = join(dir, 'handle.json');
  writeFileSync(bodyFile, body);
  const barePort = await freePort();
  const bare = spawnLogged(
    process.execPath,
    [join(ROOT, 'bench', 'lib', 'bare-fastify.mjs')],
    {
      ...process.env,
      NODE_OPTIONS: '',
      PORT: String(barePort),
      BODY_FILE: bodyFile,
      CONTENT_TYPE: first.headers.get('content-type') ?? 'application/json',
      ROUTE: path,
    },
    join(dir, 'bare.log'),
  );
  running.add(bare);
  await waitFor200(`http://127.0.0.1:${barePort}${path}`, bare, performance.now(), 30_000);

  // CPU µs the serving process spent per request (user + system): steadier than req/s on a shared machine.
  const run = async (target: string, seconds: number, options: RequestHooks = {}, pid?: number) => {
    const cpu0 = pid ? cpuMs(pid) : 0;
    const r = await autocannon({ url: target, connections, duration: seconds, ...options } as Parameters<typeof autocannon>[0]);
    return {
      rps: round(r.requests.total / r.duration, 0),
      cpuUsPerReq: pid ? round(((cpuMs(pid) - cpu0) * 1000) / Math.max(1, r.requests.total), 1) : undefined,
      p50: r.latency.p50,
      p99: r.latency.p99,
      max: r.latency.max,
      non2xx: r.non2xx,
      errors: r.errors + r.timeouts,
    };
  };
  log('warm-up');
  await run(`${base}${path}`, smoke ? 0.5 : 1);
  await run(`http://127.0.0.1:${barePort}${path}`, smoke ? 0.5 : 1);
  const cached: Awaited<ReturnType<typeof run>>[] = [];
  const baseline: Awaited<ReturnType<typeof run>>[] = [];
  const floor: Awaited<ReturnType<typeof run>>[] = [];
  for (let i = 0; i < rounds; i++) {
    log(`round ${i + 1}/${rounds}: cached, bare and floor, ${duration} s each, ${connections} connections`);
    cached.push(await run(`${base}${path}`, duration, {}, server.child.pid));
    assertRunning(server, 'the Suilian server');
    baseline.push(await run(`http://127.0.0.1:${barePort}${path}`, duration, {}, bare.child.pid));
    // The platform's own cost: GET /api/health passes every global hook and header, no handler work.
    floor.push(await run(`${base}/api/health`, duration, {}, server.child.pid));
  }
  await stopProcess(bare);
  running.delete(bare);

  // Uncached: walk the handles in order from the start, so no request finds its record cached.
  let next = 1;
  log(`uncached: ${duration} s`);
  const uncached = await run(`${base}/api/handles/88.118.8/${suffix(1)}`, duration, {
    requests: [{ setupRequest: (req: { path: string }) => ({ ...req, path: `/api/handles/88.118.8/${suffix((next++ % total) + 1)}` }) }],
  });
  if (next > total) log('warning: the uncached run wrapped around the data set; raise --handles');

  // Reverse lookup by URL among all handles (GIN index over the values' data), one at a time.
  const reverseMs: number[] = [];
  for (let i = 0; i < (smoke ? 20 : 200); i++) {
    const value = `https://example.cn/suilian-bench/products/${suffix(1 + ((i * 7919) % total))}`;
    const t = performance.now();
    const res = await fetch(`${base}/api/identifiers/reverse?value=${encodeURIComponent(value)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const json = (await res.json()) as { items?: unknown[] };
    if (res.status !== 200 || json.items?.length !== 1)
      throw new Error(`reverse lookup: HTTP ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
    reverseMs.push(performance.now() - t);
  }
  const sortedReverse = [...reverseMs].sort((a, b) => a - b);
  const reverse = {
    lookups: reverseMs.length,
    p50: round(sortedReverse[Math.floor(reverseMs.length / 2)] ?? 0, 1),
    p95: round(sortedReverse[Math.floor(reverseMs.length * 0.95)] ?? 0, 1),
  };

  const batchTimes: number[] = [];
  let retryMs = 0;
  for (let b = 0; b < batches; b++) {
    const items = Array.from({ length: 2000 }, (_, i) => ({
      handle: `BATCH${b}-${String(i).padStart(4, '0')}`,
      url: `https://example.cn/suilian-bench/batch/${b}/${i}`,
      attributes: {
        productName: '矿物绝缘防火电缆',
        model: 'BTTZ-4×25',
        batchNo: `GZ${String(b * 10000 + i).padStart(6, '0')}`,
        madeOn: '2026-07-01',
        lengthM: '500',
        grade: '优等品',
      },
    }));
    const payload = JSON.stringify({ prefix: '88.118.8', industryCode: 'C3831', items });
    const send = async () => {
      const t = performance.now();
      const res = await fetch(`${base}/api/identifiers/batches`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: payload,
      });
      const json = (await res.json()) as { succeeded?: number };
      if (res.status !== 200 || json.succeeded !== 2000) throw new Error(`batch: HTTP ${res.status} ${JSON.stringify(json).slice(0, 500)}`);
      return round(performance.now() - t, 0);
    };
    batchTimes.push(await send());
    if (b === 0) retryMs = await send();
  }
  await stopProcess(server);
  running.delete(server);
  await raw.end();

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const ratios = cached.map((c, i) => round(c.rps / (baseline[i]?.rps ?? Number.NaN), 3));
  const ratio = round(median(ratios), 2);
  const pickCached =
    cached.find((c) => round(c.rps / (baseline[cached.indexOf(c)]?.rps ?? 1), 2) === ratio) ?? (cached[0] as (typeof cached)[number]);
  const batchMs = median(batchTimes);
  const valid = [...cached, ...baseline, ...floor, uncached].every((r) => r.non2xx === 0 && r.errors === 0);
  console.log(
    JSON.stringify({
      bench: 'handles',
      ...environment(),
      params: { handles: total, duration, connections, rounds, batches, smoke, bodyBytes: body.length, loadMs },
      cached: { ...pickCached, roundsRps: cached.map((c) => c.rps), medianCpuUsPerReq: median(cached.map((c) => c.cpuUsPerReq ?? 0)) },
      baseline: {
        kind: 'bare fastify, same bytes',
        ...(baseline[cached.indexOf(pickCached)] ?? baseline[0]),
        roundsRps: baseline.map((c) => c.rps),
        medianCpuUsPerReq: median(baseline.map((c) => c.cpuUsPerReq ?? 0)),
      },
      ratio,
      roundsRatio: ratios,
      floor: {
        kind: 'suilian GET /api/health (every global hook, tiny body)',
        roundsRps: floor.map((f) => f.rps),
        cpuUsPerReq: median(floor.map((f) => f.cpuUsPerReq ?? 0)),
        ratio: round(median(floor.map((f, i) => f.rps / (baseline[i]?.rps ?? Number.NaN))), 2),
      },
      uncached,
      batch: { items: 2000, ms: batchMs, runs: batchTimes, identicalRetryMs: retryMs },
      reverseLookupMs: reverse,
      goals: GOALS,
      meetsGoals: {
        ratio: ratio >= GOALS.ratio,
        p99: pickCached.p99 < GOALS.p99Ms,
        uncached: uncached.rps >= GOALS.uncachedRps,
        batch: batchMs < GOALS.batchMs,
      },
      valid,
    }),
  );
  if (!valid) process.exitCode = 1;
} finally {
  for (const p of running) await stopProcess(p, 15_000).catch(() => undefined);
  await embedded.stop();
  if (!args.has('keep')) removeDir(dir);
}
