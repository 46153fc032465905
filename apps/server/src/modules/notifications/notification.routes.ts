import {
  IdParamsSchema,
  MarkAllReadResultSchema,
  NotificationListQuerySchema,
  NotificationPageSchema,
  NotificationSchema,
  OutboxPageSchema,
  OutboxQuerySchema,
  UnreadCountSchema,
} from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/auth-hook.js';
import type { MailDispatcher } from './mail.dispatcher.js';
import type { NotificationService } from './notification.service.js';

export function registerNotificationRoutes(app: FastifyInstance, service: NotificationService, dispatcher: MailDispatcher) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  r.get('/api/notifications', {
    schema: { tags, querystring: NotificationListQuerySchema, response: { 200: NotificationPageSchema } },
    handler: async (q) => service.listMine(actorOf(q), q.query),
  });
  r.get('/api/notifications/unread-count', {
    schema: { tags, response: { 200: UnreadCountSchema } },
    handler: async (q) => ({ unread: await service.unreadCount(actorOf(q)) }),
  });
  r.post('/api/notifications/:id/read', {
    schema: { tags, params: IdParamsSchema, response: { 200: NotificationSchema } },
    handler: async (q) => service.markRead(actorOf(q), q.params.id),
  });
  r.post('/api/notifications/read-all', {
    schema: { tags, response: { 200: MarkAllReadResultSchema } },
    handler: async (q) => ({ marked: await service.markAllRead(actorOf(q)) }),
  });
  r.get('/api/notifications/outbox', {
    schema: { tags, querystring: OutboxQuerySchema, response: { 200: OutboxPageSchema } },
    handler: async (q) => service.outbox(actorOf(q), q.query),
  });
  // Sends what is due now instead of waiting for the next poll (operations, tests).
  r.post('/api/notifications/outbox/dispatch', {
    schema: { tags, response: { 200: z.object({ sent: z.number().int(), retried: z.number().int(), failed: z.number().int() }) } },
    handler: async (q) => {
      await service.outbox(actorOf(q), { page: 1, pageSize: 1 }); // same permission as reading the outbox
      return dispatcher.dispatchDue();
    },
  });
}
