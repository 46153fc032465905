import { API } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import type { MailDispatcher } from './mail.dispatcher.js';
import type { NotificationService } from './notification.service.js';

/** The caller's message centre and, for city auditors, the mail outbox. */
export function registerNotificationRoutes(app: FastifyInstance, service: NotificationService, dispatcher: MailDispatcher) {
  serveEndpoint(app, API.listNotifications, async (request) => service.listMine(actorOf(request), request.query));
  serveEndpoint(app, API.getUnreadNotificationCount, async (request) => ({ unread: await service.unreadCount(actorOf(request)) }));
  serveEndpoint(app, API.markNotificationRead, async (request) => service.markRead(actorOf(request), request.params.id));
  serveEndpoint(app, API.markAllNotificationsRead, async (request) => ({ marked: await service.markAllRead(actorOf(request)) }));
  serveEndpoint(app, API.listMailOutbox, async (request) => service.outbox(actorOf(request), request.query));
  serveEndpoint(app, API.dispatchMailOutbox, async (request) => {
    service.authorizeDispatch(actorOf(request));
    return dispatcher.dispatchDue();
  });
}
