import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { CSRF_HEADER, type Job, ROLE_DEFINITIONS, SESSION_COOKIE } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertUser, login, multipartFile, orgByDivision, type Session, type TestContext } from '../../../test/harness.js';
import { plainWorkbook, testCreditCode } from '../../../test/imports.js';
import { buildApp } from '../../app.js';
import { connectDatabase, type Database } from '../../db/client.js';
import type { Actor } from '../actor.js';
import { systemClock } from '../clock.js';
import { createJobPlatform, type JobPlatform } from './job.platform.js';
import type { JobKind } from './job.service.js';

const CHILD = fileURLToPath(new URL('../../../test/job-instance.ts', import.meta.url));
const quiet = { warn: () => undefined, error: () => undefined };

/** Waits for a state reached by other instances or processes: bounded polling, never a fixed sleep. */
async function until<T>(what: string, check: () => Promise<T | null | undefined | false>, tries = 600): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const seen = await check();
    if (seen) return seen;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not seen after ${tries} polls: ${what}`);
}

// Issue #10 item 5 (ADR 0012): jobs, schedules and the outbox on a PostgreSQL queue shared by
// every instance; a killed instance's job is retried or failed visibly.
describe('durable jobs across instances', () => {
  let ctx: TestContext;
  let second: FastifyInstance;
  let secondDb: Database;
  let admin: Session;
  let adminActor: Actor;
  const extra: Array<{ platform: JobPlatform; database: Database }> = [];
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    ctx = await createTestApp();
    secondDb = connectDatabase(ctx.databaseUrl, { max: 4 });
    second = await buildApp({ config: ctx.config, database: secondDb, webDistDir: '/nonexistent' });
    await second.ready();
    const city = await orgByDivision(ctx, '440100');
    const user = await insertUser(ctx, 'jc.admin', 'city_admin', city.id);
    admin = await login(ctx, 'jc.admin');
    const role = ROLE_DEFINITIONS.city_admin;
    adminActor = {
      userId: user.id,
      name: 'jc.admin',
      role: 'city_admin',
      orgId: city.id,
      districtId: null,
      scope: role.scope,
      permissions: role.permissions,
      via: 'session',
      requestId: null,
      clientIp: null,
    };
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    for (const { platform, database } of extra) {
      await platform.stop(1000);
      await database.close();
    }
    await second?.close();
    await secondDb?.close();
    await ctx?.close();
  });

  /** One more instance's job platform on the same database, with the handlers the test gives it. */
  async function instance(define: (platform: JobPlatform) => void): Promise<JobPlatform> {
    const database = connectDatabase(ctx.databaseUrl, { max: 3 });
    const platform = createJobPlatform({ db: database.db, pool: database.pool, clock: systemClock, log: quiet, reconcileEveryMs: 0 });
    define(platform);
    await platform.start();
    extra.push({ platform, database });
    return platform;
  }

  const jobOf = async (id: string): Promise<Job> => (await admin.request('GET', `/api/jobs/${id}`)).json();
  const sql = async (text: string, values: unknown[] = []) => (await ctx.database.pool.query(text, values)).rows;

  /** A server instance in a process of its own that starts a job and blocks in it (test/job-instance.ts). */
  async function blockedChild(handler: string, retries: number): Promise<{ child: ChildProcess; jobId: string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      env: {
        ...process.env,
        DATABASE_URL: ctx.databaseUrl,
        JOB_HANDLER: handler,
        JOB_RETRIES: String(retries),
        JOB_ACTOR: JSON.stringify(adminActor),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    let out = '';
    child.stdout?.on('data', (chunk) => {
      out += String(chunk);
    });
    const running = await until(`${handler} running in the child`, async () => out.match(/^running (\S+) 1$/m), 1200);
    return { child, jobId: running[1] as string };
  }

  it('runs a job accepted by one instance exactly once, and drops its stored upload', async () => {
    const rows = [0, 1, 2].map((i) => [`集群企业${i}`, testCreditCode(700 + i), '天河区', '', '否', '', '']);
    const file = await plainWorkbook(
      '企业信息',
      ['企业名称', '统一社会信用代码', '所在区', '产业集群', '是否规上企业', '联系人', '联系电话'],
      rows,
    );
    const body = multipartFile('集群.xlsx', file);
    // Accepted by the second instance; either instance may run it; followed on the first.
    const accepted = await second.inject({
      method: 'POST',
      url: '/api/enterprises/import',
      cookies: { [SESSION_COOKIE]: admin.cookie },
      headers: { ...body.headers, [CSRF_HEADER]: admin.csrf },
      payload: body.payload,
    });
    expect(accepted.statusCode).toBe(202);
    const { jobId } = accepted.json();
    const done = await until('the import', async () => {
      const job = await jobOf(jobId);
      return job.status === 'succeeded' || job.status === 'failed' ? job : null;
    });
    expect(done).toMatchObject({ status: 'succeeded', result: { created: 3, rejected: [] } });
    expect(await sql('SELECT attempts FROM job WHERE id = $1', [jobId])).toEqual([{ attempts: 1 }]);
    expect(await sql('SELECT state, retry_count FROM pgboss.job WHERE id = $1', [jobId])).toEqual([{ state: 'completed', retry_count: 0 }]);
    expect(await sql("SELECT count(*)::int AS n FROM organisation WHERE name LIKE '集群企业%'")).toEqual([{ n: 3 }]);
    expect(await sql('SELECT count(*)::int AS n FROM job_input WHERE job_id = $1', [jobId])).toEqual([{ n: 0 }]);
  });

  it('lets another instance take the job the accepting one has no free worker for', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const work = (ranOn: string) => async () => {
      await gate;
      return { ranOn };
    };
    let onFirst: JobKind<unknown> | undefined;
    await instance((p) => {
      onFirst = p.jobs.define('test.shared', work('first'));
    });
    await instance((p) => void p.jobs.define('test.shared', work('other')));
    // Both accepted by the first instance, which runs one job of a kind at a time.
    const started = [(await onFirst?.start(adminActor, {}))?.id, (await onFirst?.start(adminActor, {}))?.id] as string[];
    await until('both jobs running', async () => (await Promise.all(started.map(jobOf))).every((j) => j.status === 'running'));
    release();
    const ranOn = await until('both jobs done', async () => {
      const jobs = await Promise.all(started.map(jobOf));
      return jobs.every((j) => j.status === 'succeeded') ? jobs.map((j) => (j.result as { ranOn: string }).ranOn) : null;
    });
    expect(ranOn.sort()).toEqual(['first', 'other']);
  });

  it('runs a periodic task once per interval however many instances propose it', async () => {
    const runs: string[] = [];
    const a = await instance((p) => p.schedules.every('test.tick', 3_600_000, async () => void runs.push('a')));
    const b = await instance((p) => p.schedules.every('test.tick', 3_600_000, async () => void runs.push('b')));
    const accepted = await Promise.all([a, b, a, b, a, b].map((p) => p.schedules.proposeNow('test.tick')));
    const [slots] = await sql("SELECT count(DISTINCT singleton_on)::int AS n FROM pgboss.job WHERE name = 'test.tick'");
    // One job per hour slot (a run of this test that straddles an hour would see two slots, each once).
    expect(accepted.filter(Boolean)).toHaveLength(slots.n);
    await until('the task has run', async () => {
      const [open] = await sql("SELECT count(*) FILTER (WHERE state <> 'completed')::int AS n FROM pgboss.job WHERE name = 'test.tick'");
      return open.n === 0;
    });
    expect(runs).toHaveLength(slots.n);
    expect(slots.n).toBeLessThanOrEqual(2);
  });

  it('hands a job still running at shutdown back to the queue, for another instance to run', async () => {
    const database = connectDatabase(ctx.databaseUrl, { max: 3 });
    const leaving = createJobPlatform({ db: database.db, pool: database.pool, clock: systemClock, log: quiet, reconcileEveryMs: 0 });
    const kind = leaving.jobs.define('test.shutdown', () => new Promise(() => undefined));
    await leaving.start();
    const id = (await kind.start(adminActor, {})).id;
    await until('the job running', async () => (await jobOf(id)).status === 'running');
    await leaving.stop(200);
    await database.close();
    expect(await jobOf(id)).toMatchObject({ status: 'queued', message: 'the server running it stopped; it runs again (attempt 2 of 2)' });
    await instance((p) => void p.jobs.define('test.shutdown', async ({ job }) => ({ attempt: job.attempt })));
    const done = await until('the job run elsewhere', async () => {
      const job = await jobOf(id);
      return job.status === 'succeeded' ? job : null;
    });
    expect(done.result).toEqual({ attempt: 2 });
  });

  it('runs again, on a live instance, a job whose instance was killed with SIGKILL mid-run', { timeout: 180_000 }, async () => {
    const { child, jobId } = await blockedChild('test.killed', 1);
    expect((await jobOf(jobId)).status).toBe('running');
    child.kill('SIGKILL');
    await once(child, 'exit');
    const survivor = await instance(
      (p) => void p.jobs.define('test.killed', async ({ job }) => ({ ranOn: 'survivor', attempt: job.attempt }), { retries: 1 }),
    );
    // Any instance's reconciler sees the dead run (its liveness lock is free) and hands it back; the survivor runs it.
    const done = await until('the retried job', async () => {
      await survivor.jobs.reconcile();
      const job = await jobOf(jobId);
      return job.status === 'succeeded' || job.status === 'failed' ? job : null;
    });
    expect(done).toMatchObject({ status: 'succeeded', result: { ranOn: 'survivor', attempt: 2 }, message: null });
    expect(await sql('SELECT attempts FROM job WHERE id = $1', [jobId])).toEqual([{ attempts: 2 }]);
  });

  it('fails visibly, with the reason and the clean-up, a killed job with no attempts left', { timeout: 180_000 }, async () => {
    const { child, jobId } = await blockedChild('test.killed_once', 0);
    child.kill('SIGKILL');
    await once(child, 'exit');
    const cleanedUp: unknown[] = [];
    const survivor = await instance(
      (p) =>
        void p.jobs.define('test.killed_once', async () => 'never run here', {
          retries: 0,
          abandoned: async (payload, message) => void cleanedUp.push({ payload, message }),
        }),
    );
    const failed = await until('the given-up job', async () => {
      await survivor.jobs.reconcile();
      const job = await jobOf(jobId);
      return job.status === 'failed' ? job : null;
    });
    expect(failed.message).toBe('the server running it stopped before it finished (1 of 1 attempts); start it again');
    expect(failed.finishedAt).not.toBeNull();
    await until('the clean-up', async () => cleanedUp.length > 0);
    expect(cleanedUp).toEqual([{ payload: { startedBy: 'child' }, message: failed.message }]);
  });
});
