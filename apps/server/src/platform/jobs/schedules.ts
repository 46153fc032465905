import type { JobQueue, QueueLog } from './queue.js';

interface Task {
  seconds: number;
  timer?: NodeJS.Timeout;
}

/**
 * Periodic tasks on the queue (ADR 0012): each instance proposes the task twice per interval, the
 * queue accepts one job per task and time slot (pg-boss's throttling, a unique index — the same
 * mechanism its cron uses, but to the second), and whichever instance takes the job runs it. So a
 * task runs once per interval however many instances there are, and not at all more often after a
 * restart. Proposals are timers, the runs are queue jobs: expiry and failures are the queue's.
 */
export function createSchedules(deps: { queue: JobQueue; log: QueueLog }) {
  const tasks = new Map<string, Task>();
  let started = false;

  async function propose(name: string): Promise<boolean> {
    const task = tasks.get(name);
    if (!task) throw new Error(`no periodic task named ${name}`);
    const id = await deps.queue.send(
      name,
      {},
      {
        throttle: { key: name, seconds: task.seconds },
        // A missed run is made up by the next slot, not by a retry.
        retryLimit: 0,
        expireInSeconds: Math.min(23 * 3600, Math.max(900, task.seconds)),
      },
    );
    if (id) deps.queue.wake(name);
    return id !== null;
  }

  return {
    /**
     * Runs `task` once per `intervalMs` across every instance; `0` means never on its own (the
     * task stays available on demand through its own route). Call while the app is built.
     */
    every(name: string, intervalMs: number, task: () => Promise<unknown>): void {
      if (intervalMs <= 0) return;
      if (tasks.has(name)) throw new Error(`periodic task ${name} is defined twice`);
      const seconds = Math.max(1, Math.round(intervalMs / 1000));
      tasks.set(name, { seconds });
      deps.queue.keepCompletedFor(seconds);
      deps.queue.work(
        name,
        async () => {
          try {
            await task();
          } catch (err) {
            deps.log.warn({ err, task: name }, 'periodic task failed');
            throw err;
          }
        },
        // The proposing instance wakes its own worker; the others' polls are only a fallback.
        { pollingSeconds: 30 },
      );
    },

    /** Starts proposing (after the queue has started). The first proposal is half an interval away. */
    start(): void {
      if (started) return;
      started = true;
      for (const [name, task] of tasks) {
        task.timer = setInterval(
          () => void propose(name).catch((err) => deps.log.warn({ err, task: name }, 'periodic task not proposed')),
          Math.max(500, (task.seconds * 1000) / 2),
        );
        task.timer.unref();
      }
    },

    stop(): void {
      started = false;
      for (const task of tasks.values()) clearInterval(task.timer);
    },

    /** Proposes the task's current slot now; false when the slot is already taken (it ran or is running). */
    proposeNow: propose,
  };
}

export type Schedules = ReturnType<typeof createSchedules>;
