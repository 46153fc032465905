import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/auth-hook.js';
import type { ReminderService } from './reminders.service.js';

const ReminderRunSchema = z.object({
  today: z.string(),
  sent: z.array(
    z.object({
      dataSet: z.string(),
      period: z.string(),
      orgId: z.uuid(),
      kind: z.enum(['due', 'overdue']),
      deadline: z.string(),
      recipients: z.number().int(),
    }),
  ),
});

export function registerReminderRoutes(app: FastifyInstance, reminders: ReminderService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // The scheduler runs this hourly; administrators (and tests) can run it now.
  r.post('/api/reporting/reminders/run', {
    schema: { tags: ['reporting'], response: { 200: ReminderRunSchema } },
    handler: async (q) => reminders.run(actorOf(q)),
  });
}
