import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../platform/actor.js';
import type { Schedules } from '../../platform/jobs/schedules.js';
import type { ReminderPolicy } from './reminders.logic.js';
import { registerReminderRoutes } from './reminders.routes.js';
import { createReminderService, type ReminderServiceDeps } from './reminders.service.js';

export { createReminderService, type ReminderService } from './reminders.service.js';

/** Overdue forms are chased for about two months after their deadline; older ones show in the completeness rates only. */
export function reminderPolicy(daysBefore: number): ReminderPolicy {
  return { daysBefore, overdueLookbackDays: 62 };
}

/** The periodic task's name on the queue (ADR 0012). */
export const REMINDERS_TASK = 'reporting.reminders';

/**
 * Reporting reminders wired for the app: the service, its periodic run on the job queue (once per
 * interval across all instances; the run is idempotent anyway) and the admin route.
 */
export function createReportingReminders(deps: ReminderServiceDeps & { systemActor: () => Promise<Actor> }) {
  const service = createReminderService(deps);
  return {
    service,
    /** Runs the reminders every `intervalMs` (REMINDER_INTERVAL_MINUTES); 0 = on demand only (route, CLI). */
    schedule(schedules: Pick<Schedules, 'every'>, intervalMs: number): void {
      schedules.every(REMINDERS_TASK, intervalMs, async () => service.run(await deps.systemActor()));
    },
    registerRoutes: (app: FastifyInstance) => registerReminderRoutes(app, service),
  };
}
