/** Helpers shared by the benchmarks: arguments, processes, /proc, the built server. */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built server; BENCH_SERVER_MAIN points the benchmarks at another build. */
export const SERVER_MAIN = process.env.BENCH_SERVER_MAIN ?? join(ROOT, 'apps', 'server', 'dist', 'main.js');

/** `--name value`, `--name=value` and bare `--flag` (true). */
export function parseArgs(argv: string[] = process.argv.slice(2)): Map<string, string | true> {
  const out = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const eq = a.indexOf('=');
    if (eq > 0) {
      out.set(a.slice(2, eq), a.slice(eq + 1));
    } else {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        out.set(a.slice(2), next);
        i++;
      } else {
        out.set(a.slice(2), true);
      }
    }
  }
  return out;
}

export function numberArg(args: Map<string, string | true>, name: string, fallback: number): number {
  const v = args.get(name);
  if (v === undefined || v === true) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got ${v}`);
  return n;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Machine and revision facts that go with every result line. */
export function environment() {
  const git = (args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  return {
    date: new Date().toISOString(),
    commit: git(['rev-parse', '--short', 'HEAD']),
    dirty: (git(['status', '--porcelain', '--untracked-files=no']) ?? '') !== '',
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? null,
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** A fresh directory under /tmp that the `postgres` user can traverse (the server runs PostgreSQL as it when root). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  chmodSync(dir, 0o755);
  return dir;
}

/** Builds the server (and web) with `npm run build` when apps/server/dist/main.js is missing. */
export function ensureBuilt(): void {
  if (existsSync(SERVER_MAIN)) return;
  console.error('bench: apps/server/dist/main.js missing, running npm run build');
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (r.status !== 0 || !existsSync(SERVER_MAIN)) throw new Error('npm run build failed');
}

export interface Spawned {
  child: ChildProcess;
  exited: Promise<number | null>;
  hasExited: () => boolean;
  /** "exit code N" or "signal SIGxxx" once it has exited. */
  exitReason: () => string;
  logFile: string;
}

/** Spawns a command with stdout+stderr to a log file (stdout stays free for the JSON line). */
export function spawnLogged(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  logFile: string,
  opts: { uid?: number; gid?: number; cwd?: string } = {},
): Spawned {
  const fd = openSync(logFile, 'a');
  const child = spawn(cmd, args, { cwd: ROOT, ...opts, env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  let done = false;
  let reason = '';
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => {
      done = true;
      reason = signal ? `signal ${signal}` : `exit code ${code}`;
      resolve(code ?? (signal ? -1 : null));
    }),
  );
  return { child, exited, hasExited: () => done, exitReason: () => reason, logFile };
}

/** Environment for the server: no DATABASE_URL (embedded PostgreSQL), loopback only. */
export function serverEnv(port: number, dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ...extra };
  delete env.DATABASE_URL;
  delete env.NODE_OPTIONS; // tsx's loader must not leak into the measured process
  return env;
}

export function startServer(port: number, dataDir: string, extra: Record<string, string> = {}): Spawned {
  return spawnLogged(process.execPath, [SERVER_MAIN], serverEnv(port, dataDir, extra), join(dataDir, 'server.log'));
}

/** Polls GET url until it answers 200; returns ms since `since`. Fails if the process exits first. */
export async function waitFor200(url: string, proc: Spawned, since: number, timeoutMs = 120_000, intervalMs = 20): Promise<number> {
  for (;;) {
    if (proc.hasExited()) throw new Error(`process exited (${proc.exitReason()}) before ${url} answered 200; log:\n${tail(proc.logFile)}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - since;
    } catch {
      // not listening yet
    }
    if (performance.now() - since > timeoutMs) {
      throw new Error(`${url} did not answer 200 within ${timeoutMs} ms; log:\n${tail(proc.logFile)}`);
    }
    await sleep(intervalMs);
  }
}

/** SIGTERM, wait up to graceMs, then SIGKILL. Returns the ms the process took to exit after SIGTERM. */
export async function stopProcess(proc: Spawned, graceMs = 30_000): Promise<number> {
  if (proc.hasExited()) return 0;
  const t0 = performance.now();
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), graceMs);
  await proc.exited;
  clearTimeout(timer);
  return performance.now() - t0;
}

/** Throws, with the end of its log, when a process that should be running has exited. */
export function assertRunning(proc: Spawned, what: string): void {
  if (proc.hasExited()) throw new Error(`${what} exited unexpectedly (${proc.exitReason()}); log ${proc.logFile}:\n${tail(proc.logFile)}`);
}

export function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

// --- /proc -----------------------------------------------------------------------------------

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

export function pids(): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number);
}

export function cmdline(pid: number): string {
  return read(`/proc/${pid}/cmdline`).replace(/\0/g, ' ').trim();
}

function ppid(pid: number): number {
  const stat = read(`/proc/${pid}/stat`);
  const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(after[1] ?? -1);
}

/** CPU time (user + system) a process has used so far, in ms; 0 if it is gone. Clock ticks are 100 Hz on Linux x86-64. */
export function cpuMs(pid: number): number {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return 0;
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields after the command: state(3) ppid(4) ... utime(14) stime(15), so index 11 and 12 here.
  return (Number(f[11] ?? 0) + Number(f[12] ?? 0)) * 10;
}

/** VmRSS in KiB (0 if the process is gone). */
export function rssKiB(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(read(`/proc/${pid}/status`));
  return m ? Number(m[1]) : 0;
}

/** Proportional set size in KiB: shared pages split between the processes that map them. */
export function pssKiB(pid: number): number {
  const m = /^Pss:\s+(\d+) kB/m.exec(read(`/proc/${pid}/smaps_rollup`));
  return m ? Number(m[1]) : 0;
}

/**
 * PostgreSQL processes belonging to a data directory: every process whose command line names
 * it (the postmaster: `postgres -D <dir>/...`) and all their descendants (backends and auxiliary
 * processes rename themselves to `postgres: checkpointer` etc.).
 */
export function postgresProcesses(dataDir: string, exclude: number[] = []): number[] {
  const all = pids();
  const roots = all.filter((p) => p !== process.pid && !exclude.includes(p) && cmdline(p).includes(dataDir));
  const children = new Map<number, number[]>();
  for (const p of all) {
    const pp = ppid(p);
    children.set(pp, [...(children.get(pp) ?? []), p]);
  }
  const found = new Set<number>();
  const stack = [...roots];
  while (stack.length) {
    const p = stack.pop() as number;
    if (found.has(p)) continue;
    found.add(p);
    stack.push(...(children.get(p) ?? []));
  }
  return [...found];
}

/**
 * Kills whatever is still running from a data directory (postmaster first, so it does not
 * restart children). Returns how many processes were found: anything above 0 is an orphan.
 */
export async function killLeftovers(dataDir: string): Promise<number> {
  const left = postgresProcesses(dataDir);
  for (const p of left) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  if (left.length) await sleep(200);
  return left.length;
}

export function removeDir(dir: string): void {
  if (dir.startsWith(tmpdir())) rmSync(dir, { recursive: true, force: true });
}

/**
 * Runs fn, and on SIGINT/SIGTERM or error still runs cleanup before exiting. cleanup(failed)
 * is told whether the run failed, so it can keep the logs.
 */
export async function withCleanup<T>(cleanup: (failed: boolean) => Promise<void>, fn: () => Promise<T>): Promise<T> {
  const onSignal = (sig: NodeJS.Signals) => {
    console.error(`bench: ${sig}, cleaning up`);
    cleanup(true).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let failed = true;
  try {
    const result = await fn();
    failed = false;
    return result;
  } finally {
    await cleanup(failed);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
