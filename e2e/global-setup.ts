import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

export interface DemoAccount {
  username: string;
  password: string;
  role: string;
  /** Accounts enrolled in two-factor authentication at seed time: their TOTP secret as an otpauth URI. */
  otpauthUri?: string;
  /** Their single-use recovery codes, issued at seed time too. */
  recoveryCodes?: string[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    accounts: DemoAccount[];
    /** A JSON file where the journeys note the TOTP steps and recovery codes they used (codes work once). */
    secondFactorLedger: string;
  }
}

/** The ledger of used second-factor codes lives beside the server's data: it is as old as the accounts. */
const LEDGER = 'e2e-second-factor-ledger.json';

const ROOT = resolve(import.meta.dirname, '..');
const SERVER = join(ROOT, 'apps/server/dist/main.js');
const READY_TIMEOUT_MS = 90_000;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

/** Lines `<username> <password> <role> [otpauth-uri recovery-codes]` written by the server when it loads the demo data. */
export function parseAccounts(text: string): DemoAccount[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [username = '', password = '', role = '', otpauthUri, recoveryCodes] = line.split(/\s+/);
      return {
        username,
        password,
        role,
        ...(otpauthUri ? { otpauthUri } : {}),
        ...(recoveryCodes ? { recoveryCodes: recoveryCodes.split(',') } : {}),
      };
    });
}

async function waitReady(baseURL: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the server exited with ${child.exitCode} before it was ready; log:\n${readFileSync(logFile, 'utf8')}`);
    }
    try {
      const res = await fetch(`${baseURL}/api/ready`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server was not ready within ${READY_TIMEOUT_MS / 1000} s; log:\n${readFileSync(logFile, 'utf8')}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(kill);
      done();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts the built app on a free port with a fresh data directory (embedded PostgreSQL + demo data)
 * and provides its URL and the demo accounts to the tests. E2E_BASE_URL + E2E_DATA_DIR reuse a running one.
 */
export default async function setup(project: TestProject) {
  const external = process.env.E2E_BASE_URL;
  if (external) {
    const dataDir = process.env.E2E_DATA_DIR ?? join(ROOT, 'data');
    project.provide('baseURL', external.replace(/\/$/, ''));
    project.provide('accounts', parseAccounts(readFileSync(join(dataDir, 'demo-accounts.txt'), 'utf8')));
    project.provide('secondFactorLedger', join(dataDir, LEDGER));
    return;
  }
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first`);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'suilian-e2e-'));
  // Run as root, the embedded PostgreSQL drops to the postgres user, which must be able to enter it.
  chmodSync(dataDir, 0o755);
  const logFile = join(dataDir, 'server.log');
  const log = createWriteStream(logFile);
  // Every spec logs several people in from 127.0.0.1 within the same minute; the per-IP login limit
  // (20 a minute by default) is for the internet, not for a suite of end-to-end journeys.
  const env: NodeJS.ProcessEnv = {
    LOGIN_RATE_PER_MINUTE: '300',
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [SERVER], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const baseURL = `http://127.0.0.1:${port}`;
  try {
    await waitReady(baseURL, child, logFile);
  } catch (error) {
    await stop(child);
    log.end();
    if (!process.env.E2E_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('baseURL', baseURL);
  project.provide('accounts', parseAccounts(readFileSync(join(dataDir, 'demo-accounts.txt'), 'utf8')));
  project.provide('secondFactorLedger', join(dataDir, LEDGER));

  return async () => {
    await stop(child);
    log.end();
    if (!process.env.E2E_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
  };
}
