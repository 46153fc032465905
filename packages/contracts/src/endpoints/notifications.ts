import { defineEndpoints } from '../api/endpoint.js';
import { IdParamsSchema } from '../common.js';
import {
  DispatchResultSchema,
  MarkAllReadResultSchema,
  NotificationListQuerySchema,
  NotificationPageSchema,
  NotificationSchema,
  OutboxPageSchema,
  OutboxQuerySchema,
  UnreadCountSchema,
} from '../notifications.js';

const tags = ['notifications'];

/** The message centre and the mail outbox. */
export const notificationEndpoints = defineEndpoints({
  listNotifications: {
    method: 'GET',
    path: '/api/notifications',
    access: 'authenticated',
    tags,
    summary: "The caller's own notifications, newest first",
    query: NotificationListQuerySchema,
    success: 200,
    response: NotificationPageSchema,
  },
  getUnreadNotificationCount: {
    method: 'GET',
    path: '/api/notifications/unread-count',
    access: 'authenticated',
    tags,
    success: 200,
    response: UnreadCountSchema,
  },
  markNotificationRead: {
    method: 'POST',
    path: '/api/notifications/:id/read',
    access: 'authenticated',
    tags,
    params: IdParamsSchema,
    success: 200,
    response: NotificationSchema,
  },
  markAllNotificationsRead: {
    method: 'POST',
    path: '/api/notifications/read-all',
    access: 'authenticated',
    tags,
    success: 200,
    response: MarkAllReadResultSchema,
  },
  listMailOutbox: {
    method: 'GET',
    path: '/api/notifications/outbox',
    access: 'audit:read',
    tags,
    summary: 'The e-mail outbox, for those who read the audit trail at city level',
    query: OutboxQuerySchema,
    success: 200,
    response: OutboxPageSchema,
  },
  dispatchMailOutbox: {
    method: 'POST',
    path: '/api/notifications/outbox/dispatch',
    access: 'audit:read',
    tags,
    summary: 'Sends the mail that is due now instead of waiting for the next pass (operations, tests)',
    description:
      'Every outbox reader may ask; sending needs mail:dispatch (city administrators): others, auditors among them, are refused with 403 and reason notification.outbox_admin_only.',
    success: 200,
    response: DispatchResultSchema,
  },
});
