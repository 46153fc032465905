import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import type { Schedules } from '../../platform/jobs/schedules.js';
import { createMailDispatcher, createSmtpTransport, type MailTransport } from './mail.dispatcher.js';
import { registerNotificationRoutes } from './notification.routes.js';
import { createNotificationService } from './notification.service.js';

export { clip } from './logic/clip.js';
export type { BilingualText, NotificationMessage } from './logic/mail.js';
export type { MailTransport } from './mail.dispatcher.js';
export type { Recipient } from './notification.repo.js';
export type { NotificationService } from './notification.service.js';

/**
 * Notifications (消息中心) and the e-mail outbox. Other modules take `service.notify` as a narrow
 * dependency (`Pick<NotificationService, 'notify'>`) and call it inside their own transaction, e.g.
 * an early-warning notice on publish:
 *
 *   await notifications.notify(tx, affected.map((orgId) => ({ role: 'enterprise_user', orgId })), {
 *     kind: 'security.notice', title: { zh, en }, body: { zh, en },
 *     link: `/security/notices?notice=${id}`, dedupeKey: `security.notice:${id}`,
 *   });
 *
 * Recipients: `{ userId }`, or `{ role, orgId? , districtId? }` (all active users of the role, within
 * that organisation or district). Each recipient with an e-mail address also gets a queued mail.
 */
export function createNotificationsModule(deps: {
  db: Db;
  clock: Clock;
  publicUrl?: string | undefined;
  smtpUrl?: string | undefined;
  mailFrom?: string | undefined;
  /** How often the dispatcher looks for queued mail; 0 = only when asked. */
  pollMs?: number;
  /** Tests may pass a transport of their own; otherwise one is built from smtpUrl. */
  transport?: MailTransport;
  log?: { warn(obj: object, msg: string): void };
}) {
  const transport = deps.transport ?? (deps.smtpUrl ? createSmtpTransport(deps.smtpUrl) : null);
  const dispatcher = createMailDispatcher({
    db: deps.db,
    clock: deps.clock,
    transport,
    from: deps.mailFrom ?? 'Suilian <noreply@localhost>',
    ...(deps.log ? { log: deps.log } : {}),
  });
  const service = createNotificationService({
    db: deps.db,
    clock: deps.clock,
    publicUrl: deps.publicUrl,
    smtpConfigured: transport !== null,
  });
  return {
    service,
    dispatcher,
    /** Sends the outbox every `pollMs` as a task on the job queue (call while the app is built); stop() on close. */
    schedule: (schedules: Pick<Schedules, 'every'>) => dispatcher.schedule(schedules, deps.pollMs ?? 0),
    stop: () => dispatcher.stop(),
    registerRoutes: (app: FastifyInstance) => registerNotificationRoutes(app, service, dispatcher),
  };
}
