import { API } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import type { ReminderService } from './reminders.service.js';

export function registerReminderRoutes(app: FastifyInstance, reminders: ReminderService) {
  // The scheduler runs this hourly; administrators (and tests) can run it now.
  serveEndpoint(app, API.runReportingReminders, async (q) => reminders.run(actorOf(q)));
}
