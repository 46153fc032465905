import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../platform/actor.js';
import type { ReminderPolicy } from './reminders.logic.js';
import { registerReminderRoutes } from './reminders.routes.js';
import { createReminderService, type ReminderServiceDeps } from './reminders.service.js';

export { createReminderService, type ReminderService } from './reminders.service.js';

/** Overdue forms are chased for about two months after their deadline; older ones show in the completeness rates only. */
export function reminderPolicy(daysBefore: number): ReminderPolicy {
  return { daysBefore, overdueLookbackDays: 62 };
}

/** How often the scheduler looks for due and overdue forms. */
const REMINDER_INTERVAL_MS = 3_600_000;

/**
 * Reporting reminders wired for the app: the service, an in-process hourly scheduler (unref'd, so
 * it never holds the process open; idempotent, so several instances may run it) and the admin route.
 */
export function createReportingReminders(
  deps: ReminderServiceDeps & { systemActor: () => Promise<Actor>; log?: { warn(obj: object, msg: string): void } },
) {
  const service = createReminderService(deps);
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => service.run(await deps.systemActor());
  return {
    service,
    start(intervalMs = REMINDER_INTERVAL_MS) {
      if (timer || intervalMs <= 0) return;
      timer = setInterval(() => void tick().catch((err) => deps.log?.warn({ err }, 'reporting reminders failed')), intervalMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
    registerRoutes: (app: FastifyInstance) => registerReminderRoutes(app, service),
  };
}
