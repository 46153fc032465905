import type { Notification, NotificationListQuery, NotificationPage, OutboxPage, OutboxQuery } from '@suilian/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, notFound, refusal } from '../../platform/errors.js';
import { composeMail, type NotificationMessage } from './logic/mail.js';
import { outboxPolicy } from './notification.policy.js';
import { createNotificationRepo, type NotificationRow, type Recipient } from './notification.repo.js';

export interface NotificationServiceDeps {
  db: Db;
  clock: Clock;
  /** Makes console links in e-mails absolute. */
  publicUrl?: string | undefined;
  /** Whether the dispatcher can send (shown to administrators next to the outbox). */
  smtpConfigured?: boolean;
}

const MAX_TITLE = 200;
const MAX_BODY = 4000;

/** In-app notifications and their e-mail copies (outbox); other services notify inside their own transactions. */
export function createNotificationService(deps: NotificationServiceDeps) {
  function userOf(actor: Actor): string {
    if (!actor.userId)
      throw refusal('FORBIDDEN', 'notification.person_only', 'notifications belong to a person; this caller has no user account');
    return actor.userId;
  }

  return {
    /**
     * Notifies every active user the recipient specs resolve to, inside the caller's transaction `tx`
     * (so the notification exists exactly when the change it reports does), and queues an e-mail
     * copy for each recipient with an address. With `dedupeKey`, a recipient already notified
     * under that key is skipped; `options.except` leaves people out (typically the actor, who need
     * not be told of their own step). Returns the users notified now.
     */
    async notify(
      tx: DbOrTx,
      recipients: readonly Recipient[],
      message: NotificationMessage,
      options: { except?: ReadonlyArray<string | null> } = {},
    ): Promise<{ recipientIds: string[]; mailsQueued: number }> {
      checkMessage(message);
      const repo = createNotificationRepo(tx);
      const excluded = new Set(options.except ?? []);
      const users = (await repo.resolveRecipients(recipients)).filter((u) => !excluded.has(u.id));
      const now = deps.clock.now();
      const inserted = await repo.insertNotifications(
        users.map((u) => ({
          recipientId: u.id,
          kind: message.kind,
          titleZh: message.title.zh,
          titleEn: message.title.en,
          bodyZh: message.body.zh,
          bodyEn: message.body.en,
          link: message.link ?? null,
          dedupeKey: message.dedupeKey ?? null,
          createdAt: now,
        })),
      );
      const byId = new Map(users.map((u) => [u.id, u]));
      const mails = inserted.flatMap((n) => {
        const user = byId.get(n.recipientId);
        if (!user?.email) return [];
        const { subject, text } = composeMail(message, user.locale, deps.publicUrl);
        return [
          {
            notificationId: n.id,
            recipientId: user.id,
            toAddress: user.email,
            subject,
            textBody: text,
            nextAttemptAt: now,
            createdAt: now,
          },
        ];
      });
      await repo.insertMails(mails);
      return { recipientIds: inserted.map((n) => n.recipientId), mailsQueued: mails.length };
    },

    /**
     * Queues one e-mail to an address that belongs to no account (a sign-up's confirmation code,
     * issue #15 item 6), inside the caller's transaction; the dispatcher sends it like any other.
     */
    async queueMail(tx: DbOrTx, mail: { toAddress: string; subject: string; text: string }): Promise<void> {
      const now = deps.clock.now();
      await createNotificationRepo(tx).insertMails([
        { toAddress: mail.toAddress, subject: mail.subject, textBody: mail.text, nextAttemptAt: now, createdAt: now },
      ]);
    },

    async listMine(actor: Actor, query: NotificationListQuery): Promise<NotificationPage> {
      const repo = createNotificationRepo(deps.db);
      const userId = userOf(actor);
      const { items, total } = await repo.pageFor(userId, query);
      return { items: items.map(toNotification), total, unread: await repo.unreadCount(userId) };
    },

    async unreadCount(actor: Actor): Promise<number> {
      return createNotificationRepo(deps.db).unreadCount(userOf(actor));
    },

    /** Reading is the recipient's own state, not a change to the record of the programme: not audited. */
    async markRead(actor: Actor, id: string): Promise<Notification> {
      const row = await createNotificationRepo(deps.db).markRead(userOf(actor), id, deps.clock.now());
      if (!row) throw notFound('notification');
      return toNotification(row);
    },

    async markAllRead(actor: Actor): Promise<number> {
      return createNotificationRepo(deps.db).markAllRead(userOf(actor), deps.clock.now());
    },

    /** Checks that the actor may send the outbox's due mail now (the dispatcher does the sending). */
    authorizeDispatch(actor: Actor): void {
      assertMayUseOutbox(actor, 'dispatch');
    },

    /** The e-mail outbox, for those who read the audit trail (city administrators, auditors). */
    async outbox(actor: Actor, query: OutboxQuery): Promise<OutboxPage> {
      assertMayUseOutbox(actor, 'read');
      const { items, total } = await createNotificationRepo(deps.db).pageOutbox(query);
      return {
        items: items.map((m) => ({
          id: m.id,
          toAddress: m.toAddress,
          subject: m.subject,
          status: m.status,
          attempts: m.attempts,
          nextAttemptAt: m.nextAttemptAt?.toISOString() ?? null,
          lastError: m.lastError,
          sentAt: m.sentAt?.toISOString() ?? null,
          createdAt: m.createdAt.toISOString(),
        })),
        total,
        smtpConfigured: deps.smtpConfigured ?? false,
      };
    },
  };
}

/** The outbox holds every recipient's mail, so it stays at city level whatever the permission. */
function assertMayUseOutbox(actor: Actor, action: 'read' | 'dispatch'): void {
  // The catalogue lets every outbox reader ask (audit:read); dispatching is the administrators' own.
  if (action === 'dispatch' && !outboxPolicy.allows(actor, 'dispatch'))
    throw refusal('FORBIDDEN', 'notification.outbox_admin_only', 'only administrators dispatch the mail outbox', undefined, {
      permission: 'mail:dispatch',
      permissions: ['mail:dispatch'],
    });
  outboxPolicy.authorize(actor, action);
  if (actor.scope !== 'city') throw refusal('FORBIDDEN', 'notification.outbox_city_only', 'the mail outbox is kept at city level');
}

/** A caller's mistake, not the user's: refuse loudly so it is found in tests. */
function checkMessage(message: NotificationMessage): void {
  const texts = [message.title.zh, message.title.en, message.body.zh, message.body.en];
  if (texts.some((t) => !t.trim())) throw new AppError('INTERNAL', 'a notification needs a title and body in both languages');
  if (message.title.zh.length > MAX_TITLE || message.title.en.length > MAX_TITLE)
    throw new AppError('INTERNAL', 'notification title too long');
  if (message.body.zh.length > MAX_BODY || message.body.en.length > MAX_BODY) throw new AppError('INTERNAL', 'notification body too long');
  if (message.link && !message.link.startsWith('/'))
    throw new AppError('INTERNAL', 'a notification link is a console path starting with /');
}

function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    titleZh: row.titleZh,
    titleEn: row.titleEn,
    bodyZh: row.bodyZh,
    bodyEn: row.bodyEn,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
