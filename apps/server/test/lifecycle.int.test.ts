import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../src/db/embedded-postgres.js';
import { totpCodeOfStep, totpStepAt } from '../src/modules/accounts/two-factor/totp.js';

const SERVER_DIR = new URL('..', import.meta.url).pathname;

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts the real server (src/main.ts through tsx) on embedded PostgreSQL in `dataDir`. */
function startServer(dataDir: string, port: number): Running {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: SERVER_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitReady(port: number, running: Running, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (running.child.exitCode !== null) throw new Error(`server exited: ${running.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/ready`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not ready in time: ${running.output()}`);
}

function postgresPidsFor(dataDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes('postgres') && cmdline.includes(dataDir)) pids.push(Number(entry));
    } catch {
      // process ended while we looked
    }
  }
  return pids;
}

/** The last TOTP step this test answered per account: a code works once, so the next login takes a later step. */
const lastStep = new Map<string, number>();

/** A code of the earliest step not used yet, from now on (two logins fit in the server's window: now and next). */
function unusedCode(username: string, secret: string): string {
  const current = totpStepAt(Date.now());
  const step = Math.max(current, (lastStep.get(username) ?? current - 1) + 1);
  lastStep.set(username, step);
  return totpCodeOfStep(secret, step);
}

/** Logs in with the password and, for demo accounts enrolled at seed time, the code of their otpauth URI. */
async function loginAs(port: number, username: string, password: string, otpauthUri?: string) {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  const me = (await res.json()) as { csrfToken: string; secondFactorPending: boolean };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (me.secondFactorPending) {
    const secret = new URL(otpauthUri ?? 'otpauth://none').searchParams.get('secret') ?? '';
    const verified = await fetch(`http://127.0.0.1:${port}/api/auth/second-factor`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({ code: unusedCode(username, secret) }),
    });
    expect(verified.status).toBe(200);
  }
  return { cookie, csrf: me.csrfToken };
}

// Issue #2 item 1 and "Killing the server with SIGKILL ... loses no committed data".
describe('server lifecycle on embedded PostgreSQL', { timeout: 240_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'suilian-lifecycle-'));
  const started: Running[] = [];
  afterAll(async () => {
    for (const r of started) if (r.child.exitCode === null) r.child.kill('SIGTERM');
    await Promise.all(started.map((r) => r.exited));
    for (const pid of postgresPidsFor(dataDir)) process.kill(pid, 'SIGINT');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds once, survives SIGKILL without losing data, refuses a second server, and stops cleanly', async () => {
    const port = await findFreePort();
    const first = startServer(dataDir, port);
    started.push(first);
    await waitReady(port, first);
    expect(first.output()).toContain('Loaded Guangzhou demo data');
    expect(first.output()).toContain(`http://localhost:${port}`);

    const accountsFile = join(dataDir, 'demo-accounts.txt');
    expect(statSync(accountsFile).mode & 0o777).toBe(0o600);
    const lines = readFileSync(accountsFile, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(8);
    const roles = lines.map((l) => l.split(' ')[2]);
    expect(new Set(roles)).toEqual(
      new Set([
        'city_admin',
        'city_analyst',
        'district_officer',
        'enterprise_user',
        'provider_user',
        'expert',
        'security_analyst',
        'auditor',
      ]),
    );
    // The city admin must have a second factor: the seed enrolled it and wrote its otpauth URI after the role.
    const [adminName, adminPassword, , adminOtpauth, adminRecoveryCodes] = (
      lines.find((l) => l.split(' ')[2] === 'city_admin') ?? ''
    ).split(' ');
    expect(adminOtpauth).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    // …and its recovery codes after the URI, for a demo without the app.
    expect(adminRecoveryCodes?.split(',')).toHaveLength(10);

    const session = await loginAs(port, adminName ?? '', adminPassword ?? '', adminOtpauth);
    const districts = await fetch(`http://127.0.0.1:${port}/api/organisations?kind=district&q=${encodeURIComponent('天河')}`, {
      headers: { cookie: session.cookie },
    });
    const tianhe = ((await districts.json()) as { items: Array<{ id: string }> }).items[0];
    const created = await fetch(`http://127.0.0.1:${port}/api/organisations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
      body: JSON.stringify({ kind: 'enterprise', districtId: tianhe?.id, name: '断电测试企业', creditCode: '91440106MA5CXK0T1K' }),
    });
    expect(created.status).toBe(201);

    // A second server on the same DATA_DIR must refuse instead of fighting over the cluster.
    const intruder = startServer(dataDir, await findFreePort());
    started.push(intruder);
    expect(await intruder.exited).toBe(1);
    expect(intruder.output()).toContain('already run by process');

    first.child.kill('SIGKILL');
    await first.exited;
    expect(postgresPidsFor(dataDir).length).toBeGreaterThan(0); // the orphaned postmaster

    const second = startServer(dataDir, port);
    started.push(second);
    await waitReady(port, second);
    expect(second.output()).not.toContain('Loaded Guangzhou demo data');
    expect(readFileSync(accountsFile, 'utf8').trim().split('\n')).toEqual(lines);
    const again = await loginAs(port, adminName ?? '', adminPassword ?? '', adminOtpauth);
    const found = await fetch(`http://127.0.0.1:${port}/api/organisations?q=${encodeURIComponent('断电测试企业')}`, {
      headers: { cookie: again.cookie },
    });
    expect(((await found.json()) as { total: number }).total).toBe(1);

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain('stopped cleanly');
    expect(postgresPidsFor(dataDir)).toEqual([]);
    expect(existsSync(join(dataDir, 'pg', 'pgdata', 'postmaster.pid'))).toBe(false);
  });
});
