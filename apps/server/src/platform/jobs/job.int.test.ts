import { ROLE_DEFINITIONS, type Role } from '@suilian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertUser, login, orgByDivision, type Session, type TestContext } from '../../../test/harness.js';
import type { Actor } from '../actor.js';
import { systemClock } from '../clock.js';
import { AppError } from '../errors.js';
import { createJobService, type JobRun, type JobService } from './job.service.js';

function actor(userId: string, role: Role, orgId: string): Actor {
  const def = ROLE_DEFINITIONS[role];
  return {
    userId,
    name: userId,
    role,
    orgId,
    districtId: null,
    scope: def.scope,
    permissions: def.permissions,
    via: 'session',
    requestId: null,
    clientIp: null,
  };
}

// Platform: long work as jobs with progress (issue #3 item 6, "a 10,000-row file shows progress").
describe('jobs', () => {
  let ctx: TestContext;
  let jobs: JobService;
  let owner: Session;
  let stranger: Session;
  let auditor: Session;
  let ownerActor: Actor;
  const logged: unknown[] = [];

  beforeAll(async () => {
    ctx = await createTestApp();
    const city = await orgByDivision(ctx, '440100');
    const tianhe = await orgByDivision(ctx, '440106');
    const u1 = await insertUser(ctx, 'j.owner', 'district_officer', tianhe.id);
    await insertUser(ctx, 'j.stranger', 'district_officer', tianhe.id);
    await insertUser(ctx, 'j.auditor', 'auditor', city.id);
    owner = await login(ctx, 'j.owner');
    stranger = await login(ctx, 'j.stranger');
    auditor = await login(ctx, 'j.auditor');
    ownerActor = actor(u1.id, 'district_officer', tianhe.id);
    // A job service of its own on the same database: what it records, the app's routes read.
    jobs = createJobService({ db: ctx.database.db, clock: systemClock, log: { error: (obj) => void logged.push(obj) } });
  });

  /** A named job whose work is the test's own (the handler receives what `start` stored). */
  const define = <R>(name: string, work: (run: JobRun<unknown>) => Promise<R>) => jobs.define(name, work);
  afterAll(() => ctx.close());

  it('runs after start returns, records progress to the total and keeps the result', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const job = await define('test.count', async ({ progress }) => {
      await gate;
      for (let i = 1; i <= 5000; i++) progress(i, 5000);
      return { counted: 5000, note: '完成' };
    }).start(ownerActor, {});
    expect(job).toMatchObject({ kind: 'test.count', status: 'queued', progress: 0 });
    const queued = (await owner.request('GET', `/api/jobs/${job.id}`)).json();
    expect(['queued', 'running']).toContain(queued.status);
    release();
    await jobs.drain();
    const done = await owner.request('GET', `/api/jobs/${job.id}`);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'succeeded',
      progress: 5000,
      total: 5000,
      result: { counted: 5000, note: '完成' },
      message: null,
    });
    expect(done.json().startedAt).not.toBeNull();
    expect(done.json().finishedAt).not.toBeNull();
  });

  it('records a failure with its message; internal errors are logged and described without internals', async () => {
    const refused = await define('test.fail', async ({ progress }) => {
      progress(3, 10);
      throw new AppError('VALIDATION_FAILED', 'row 4: the credit code fails its check digit');
    }).start(ownerActor, {});
    const crashed = await define('test.crash', async () => {
      throw new Error('connection terminated unexpectedly at 10.0.0.7');
    }).start(ownerActor, {});
    await jobs.drain();
    const a = (await owner.request('GET', `/api/jobs/${refused.id}`)).json();
    expect(a).toMatchObject({
      status: 'failed',
      message: 'row 4: the credit code fails its check digit',
      progress: 3,
      total: 10,
      result: null,
    });
    const b = (await owner.request('GET', `/api/jobs/${crashed.id}`)).json();
    expect(b.status).toBe('failed');
    expect(b.message).not.toContain('10.0.0.7');
    expect(logged).toContainEqual(expect.objectContaining({ jobId: crashed.id }));
  });

  it('shows a job to its owner and to city roles only; lists the own jobs newest first', async () => {
    const job = await define('test.scope', async () => 'ok').start(ownerActor, {});
    await jobs.drain();
    expect((await stranger.request('GET', `/api/jobs/${job.id}`)).statusCode).toBe(404);
    expect((await auditor.request('GET', `/api/jobs/${job.id}`)).statusCode).toBe(200);
    expect((await owner.request('GET', '/api/jobs/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const mine = (await owner.request('GET', '/api/jobs')).json();
    expect(mine.total).toBe(4);
    expect(mine.items[0].id).toBe(job.id);
    expect(mine.items.map((j: { createdAt: string }) => j.createdAt)).toEqual(
      [...mine.items.map((j: { createdAt: string }) => j.createdAt)].sort().reverse(),
    );
    expect((await owner.request('GET', '/api/jobs?kind=test.fail')).json().total).toBe(1);
    expect((await stranger.request('GET', '/api/jobs')).json()).toEqual({ items: [], total: 0 });
  });

  it('lets an API token follow the jobs it started', async () => {
    const token = (tokenId: string): Actor => ({ ...ownerActor, userId: null, name: `token:${tokenId}`, via: 'token', tokenId });
    const t1 = token('11111111-1111-4111-8111-111111111111');
    const job = await define('test.token', async () => 1).start(t1, {});
    await jobs.drain();
    expect(await jobs.get(t1, job.id)).toMatchObject({ status: 'succeeded', createdById: null });
    expect((await jobs.list(t1, { page: 1, pageSize: 20 })).items.map((j) => j.id)).toEqual([job.id]);
    await expect(jobs.get(token('22222222-2222-4222-8222-222222222222'), job.id)).rejects.toThrow('job not found');
    expect((await owner.request('GET', `/api/jobs/${job.id}`)).statusCode).toBe(404);
  });
});
