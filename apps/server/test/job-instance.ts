/**
 * Another server instance for the jobs cluster test, in a process of its own so that the test can
 * kill it with SIGKILL in the middle of a job: the job platform on DATABASE_URL with one handler
 * that reports progress, says so on stdout, and never finishes. It starts one job itself.
 *
 *   DATABASE_URL=… JOB_HANDLER=test.block JOB_RETRIES=1 JOB_ACTOR='{…}' node --import tsx job-instance.ts
 */

import { connectDatabase } from '../src/db/client.js';
import type { Actor } from '../src/platform/actor.js';
import { systemClock } from '../src/platform/clock.js';
import { createJobPlatform } from '../src/platform/jobs/job.platform.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const database = connectDatabase(env('DATABASE_URL'), { max: 3 });
const say = (line: string) => process.stdout.write(`${line}\n`);
const platform = createJobPlatform({
  db: database.db,
  pool: database.pool,
  clock: systemClock,
  log: { warn: (obj, msg) => say(`warn ${msg} ${JSON.stringify(obj)}`), error: (obj, msg) => say(`error ${msg} ${JSON.stringify(obj)}`) },
  // The test's instances reconcile; this one only runs its job.
  reconcileEveryMs: 0,
});

const blocking = platform.jobs.define(
  env('JOB_HANDLER'),
  async ({ progress, job }) => {
    progress(1, 10);
    say(`running ${job.id} ${job.attempt}`);
    return new Promise(() => undefined);
  },
  // With a clean-up, as the survivors define it: the starter's definition names the dead-letter queue.
  { retries: Number(env('JOB_RETRIES')), abandoned: async () => undefined },
);

await platform.start();
const job = await blocking.start(JSON.parse(env('JOB_ACTOR')) as Actor, { startedBy: 'child' });
say(`started ${job.id}`);
