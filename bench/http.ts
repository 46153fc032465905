/**
 * HTTP benchmark: requests/s and latency of an authenticated GET /api/auth/me on the built
 * server (embedded PostgreSQL, demo seed, logged in as the demo city_admin), against a bare
 * Fastify route returning exactly the same bytes, both loaded by autocannon in the same run.
 *
 *   npm run bench -- http [--duration 10] [--connections 10] [--warmup 2] [--rounds 3] [--smoke]
 *
 * The baseline server runs in its own process (bench/lib/bare-fastify.mjs), like the real one,
 * so neither shares the load generator's event loop. To tell framework cost from route cost the
 * run also loads the server's public GET /api/health ("floor": every hook and header, no
 * session, no handler work). Prints one JSON line on stdout.
 */
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import autocannon from 'autocannon';
import {
  assertRunning,
  cpuMs,
  ensureBuilt,
  environment,
  freePort,
  killLeftovers,
  numberArg,
  parseArgs,
  postgresProcesses,
  ROOT,
  removeDir,
  round,
  type Spawned,
  spawnLogged,
  startServer,
  stopProcess,
  tempDir,
  waitFor200,
  withCleanup,
} from './lib/common.ts';

const args = parseArgs();
const smoke = args.has('smoke');
const duration = numberArg(args, 'duration', smoke ? 2 : 10);
const connections = numberArg(args, 'connections', 10);
const warmup = numberArg(args, 'warmup', smoke ? 0.5 : 2);
const rounds = numberArg(args, 'rounds', smoke ? 1 : 3);
const keep = args.has('keep');
const ROUTE = '/api/auth/me';
const GOAL_RATIO = 0.5;

const log = (m: string) => console.error(`http: ${m}`);
const dirs: string[] = [];
const running = new Set<Spawned>();

async function cleanup(failed: boolean) {
  for (const p of running) await stopProcess(p, 15_000).catch(() => undefined);
  running.clear();
  for (const d of dirs) {
    const n = await killLeftovers(d);
    if (n) log(`killed ${n} leftover process(es) of ${d}`);
    if (failed) log(`kept ${d} for its logs`);
    else if (!keep) removeDir(d);
  }
}

async function demoCityAdmin(dataDir: string): Promise<{ username: string; password: string }> {
  const text = await readFile(join(dataDir, 'demo-accounts.txt'), 'utf8');
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t || t.startsWith('#')) continue;
    const [username, password, role] = t.split(/\s+/);
    if (role === 'city_admin' && username && password) return { username, password };
  }
  throw new Error(`no city_admin line in ${join(dataDir, 'demo-accounts.txt')}`);
}

async function login(base: string, account: { username: string; password: string }): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`login as ${account.username}: HTTP ${res.status} ${text}`);
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('suilian_session='));
  if (!session) throw new Error(`login answered 200 without a suilian_session cookie: ${res.headers.getSetCookie()}`);
  return session;
}

interface Load {
  rps: number;
  /** CPU ms the measured processes used per 1000 requests: the server, and PostgreSQL (Suilian only). */
  cpuMsPerKReq: { server: number; postgres?: number };
  requests: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** Loads url for `seconds`, counting the CPU time of serverPid and of the PostgreSQL processes of pgDir meanwhile. */
async function load(url: string, seconds: number, headers: Record<string, string>, serverPid: number, pgDir?: string): Promise<Load> {
  // PostgreSQL backends come and go with the server's pool: count the ones present at the start
  // from their CPU then, and the ones forked during the window from zero.
  const pgBefore = new Map((pgDir ? postgresProcesses(pgDir, [serverPid]) : []).map((p) => [p, cpuMs(p)]));
  const pgUsed = () => (pgDir ? postgresProcesses(pgDir, [serverPid]).reduce((a, p) => a + cpuMs(p) - (pgBefore.get(p) ?? 0), 0) : 0);
  const server0 = cpuMs(serverPid);
  const r = await autocannon({ url, connections, duration: seconds, headers });
  const perK = (ms: number) => (r.requests.total ? round((ms * 1000) / r.requests.total, 2) : 0);
  return {
    rps: round(r.requests.total / r.duration, 0),
    cpuMsPerKReq: { server: perK(cpuMs(serverPid) - server0), ...(pgDir ? { postgres: perK(pgUsed()) } : {}) },
    requests: r.requests.total,
    latencyMs: {
      p50: r.latency.p50,
      p90: r.latency.p90,
      p99: r.latency.p99,
      max: r.latency.max,
      mean: round(r.latency.average, 2),
    },
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** The round with the median rps stands for the target in the detailed figures. */
function pick(results: Load[]): Load {
  const m = median(results.map((r) => r.rps));
  return results.reduce((best, r) => (Math.abs(r.rps - m) < Math.abs(best.rps - m) ? r : best));
}

async function main() {
  ensureBuilt();
  const env = environment();

  const dataDir = tempDir('suilian-bench-http');
  dirs.push(dataDir);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  log(`starting the server on ${base} with DATA_DIR=${dataDir}`);
  const server = startServer(port, dataDir);
  running.add(server);
  const readyMs = await waitFor200(`${base}/api/ready`, server, performance.now());
  log(`ready in ${round(readyMs / 1000)} s`);

  const account = await demoCityAdmin(dataDir);
  const cookie = await login(base, account);
  const me = await fetch(`${base}${ROUTE}`, { headers: { cookie } });
  const body = Buffer.from(await me.arrayBuffer());
  if (me.status !== 200) throw new Error(`GET ${ROUTE}: HTTP ${me.status} ${body.toString()}`);
  const contentType = me.headers.get('content-type') ?? 'application/json; charset=utf-8';

  const bodyFile = join(dataDir, 'me.json');
  writeFileSync(bodyFile, body);
  const barePort = await freePort();
  const bare = spawnLogged(
    process.execPath,
    [join(ROOT, 'bench', 'lib', 'bare-fastify.mjs')],
    { ...process.env, NODE_OPTIONS: '', PORT: String(barePort), BODY_FILE: bodyFile, CONTENT_TYPE: contentType, ROUTE },
    join(dataDir, 'bare.log'),
  );
  running.add(bare);
  const bareUrl = `http://127.0.0.1:${barePort}${ROUTE}`;
  await waitFor200(bareUrl, bare, performance.now(), 30_000);
  const bareBody = Buffer.from(await (await fetch(bareUrl)).arrayBuffer());
  if (!bareBody.equals(body)) throw new Error('the baseline route does not return the same bytes');

  const suilianUrl = `${base}${ROUTE}`;
  log(`warm-up ${warmup} s each`);
  const serverPid = server.child.pid as number;
  const barePid = bare.child.pid as number;
  await load(suilianUrl, warmup, { cookie }, serverPid, dataDir);
  await load(bareUrl, warmup, {}, barePid);

  const s: Load[] = [];
  const b: Load[] = [];
  const f: Load[] = [];
  for (let i = 0; i < rounds; i++) {
    log(`round ${i + 1}/${rounds}: ${duration} s each, ${connections} connections`);
    s.push(await load(suilianUrl, duration, { cookie }, serverPid, dataDir));
    assertRunning(server, 'the Suilian server');
    b.push(await load(bareUrl, duration, {}, barePid));
    assertRunning(bare, 'the baseline server');
    f.push(await load(`${base}/api/health`, duration, {}, serverPid, dataDir));
    assertRunning(server, 'the Suilian server');
  }
  const suilian = pick(s);
  const baseline = pick(b);
  const floor = pick(f);

  await stopProcess(bare);
  running.delete(bare);
  await stopProcess(server);
  running.delete(server);

  const valid = [...s, ...b, ...f].every((r) => r.non2xx === 0 && r.errors === 0 && r.timeouts === 0);
  // Each round loads the targets back to back, so a round's ratio shares its moment's machine load;
  // the median over rounds is the figure.
  const roundsRatio = s.map((r, i) => round(r.rps / (b[i]?.rps ?? Number.NaN), 3));
  const ratio = round(median(roundsRatio), 2);
  const floorRatio = round(median(f.map((r, i) => r.rps / (b[i]?.rps ?? Number.NaN))), 2);
  return {
    bench: 'http',
    ...env,
    params: { route: `GET ${ROUTE}`, duration, connections, warmup, rounds, smoke, bodyBytes: body.length },
    suilian: { ...suilian, roundsRps: s.map((r) => r.rps) },
    baseline: { kind: 'bare fastify, same bytes', ...baseline, roundsRps: b.map((r) => r.rps) },
    floor: { kind: 'suilian GET /api/health, no session', ...floor, roundsRps: f.map((r) => r.rps) },
    ratio,
    roundsRatio,
    floorRatio,
    p99Ratio: baseline.latencyMs.p99 > 0 ? round(suilian.latencyMs.p99 / baseline.latencyMs.p99, 2) : null,
    goal: { ratio: GOAL_RATIO },
    meetsGoal: ratio >= GOAL_RATIO,
    valid,
  };
}

let result: Awaited<ReturnType<typeof main>> | undefined;
await withCleanup(cleanup, async () => {
  result = await main();
});
const orphans = dirs.flatMap((d) => postgresProcesses(d));
if (result) console.log(JSON.stringify({ ...result, orphansAtExit: orphans.length }));
if (orphans.length) {
  console.error(`http: ${orphans.length} process(es) still running: ${orphans.join(' ')}`);
  process.exitCode = 1;
}
if (result && !result.valid) {
  console.error('http: some requests failed (non-2xx, errors or timeouts): the figures are not valid');
  process.exitCode = 1;
}
