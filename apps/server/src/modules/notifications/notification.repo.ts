import type { Role } from '@suilian/contracts';
import { and, asc, count, desc, eq, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { appUser } from '../accounts/account.table.js';
import { organisation } from '../organisations/organisation.table.js';
import { mailOutbox, notification } from './notification.table.js';

export type NotificationRow = typeof notification.$inferSelect;
export type OutboxRow = typeof mailOutbox.$inferSelect;

/** A user a notification goes to, with what the e-mail copy needs. */
export interface RecipientRow {
  id: string;
  email: string | null;
  locale: 'zh-CN' | 'en-US';
}

/** Who should hear about something: named users, or everyone of a role, optionally within an organisation or district. */
export type Recipient = { userId: string } | { role: Role; orgId?: string; districtId?: string };

/** Notifications and the mail outbox: the only place with their SQL. */
export function createNotificationRepo(db: DbOrTx) {
  return {
    /** Active users matching any of the recipient specs, each once. */
    async resolveRecipients(recipients: readonly Recipient[]): Promise<RecipientRow[]> {
      const userIds: string[] = [];
      const conditions: SQL[] = [];
      for (const r of recipients) {
        if ('userId' in r) userIds.push(r.userId);
        else {
          const parts: SQL[] = [eq(appUser.role, r.role)];
          if (r.orgId) parts.push(eq(appUser.orgId, r.orgId));
          if (r.districtId) parts.push(eq(organisation.districtId, r.districtId));
          conditions.push(and(...parts) as SQL);
        }
      }
      if (userIds.length > 0) conditions.push(inArray(appUser.id, userIds));
      if (conditions.length === 0) return [];
      return db
        .selectDistinct({ id: appUser.id, email: appUser.email, locale: appUser.locale })
        .from(appUser)
        .innerJoin(organisation, eq(organisation.id, appUser.orgId))
        .where(and(eq(appUser.status, 'active'), or(...conditions)))
        .orderBy(asc(appUser.id));
    },
    /** Inserts notifications, skipping those whose (recipient, dedupe key) exists; returns the inserted rows. */
    async insertNotifications(rows: Array<typeof notification.$inferInsert>): Promise<NotificationRow[]> {
      if (rows.length === 0) return [];
      return db
        .insert(notification)
        .values(rows)
        .onConflictDoNothing({ target: [notification.recipientId, notification.dedupeKey] })
        .returning();
    },
    async insertMails(rows: Array<typeof mailOutbox.$inferInsert>): Promise<void> {
      if (rows.length > 0) await db.insert(mailOutbox).values(rows);
    },
    async pageFor(recipientId: string, query: { page: number; pageSize: number; unread: boolean }) {
      const where = and(eq(notification.recipientId, recipientId), query.unread ? isNull(notification.readAt) : undefined);
      const items = await db
        .select()
        .from(notification)
        .where(where)
        .orderBy(desc(notification.createdAt), desc(notification.id))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      const [total] = await db.select({ n: count() }).from(notification).where(where);
      return { items, total: total?.n ?? 0 };
    },
    async unreadCount(recipientId: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(notification)
        .where(and(eq(notification.recipientId, recipientId), isNull(notification.readAt)));
      return row?.n ?? 0;
    },
    /** Marks one of the recipient's notifications read (keeps the first read time); null when it is not theirs. */
    async markRead(recipientId: string, id: string, at: Date): Promise<NotificationRow | null> {
      const [row] = await db
        .update(notification)
        .set({ readAt: sql`coalesce(${notification.readAt}, ${at.toISOString()}::timestamptz)` })
        .where(and(eq(notification.id, id), eq(notification.recipientId, recipientId)))
        .returning();
      return row ?? null;
    },
    async markAllRead(recipientId: string, at: Date): Promise<number> {
      const rows = await db
        .update(notification)
        .set({ readAt: at })
        .where(and(eq(notification.recipientId, recipientId), isNull(notification.readAt)))
        .returning({ id: notification.id });
      return rows.length;
    },

    /**
     * Claims up to `limit` queued mails that are due, pushing their next attempt to `leaseUntil` so
     * a second server instance (or a crash mid-send) does not send them twice at once.
     */
    async claimDueMails(now: Date, leaseUntil: Date, limit: number): Promise<OutboxRow[]> {
      const due = db
        .select({ id: mailOutbox.id })
        .from(mailOutbox)
        .where(and(eq(mailOutbox.status, 'queued'), lte(mailOutbox.nextAttemptAt, now)))
        .orderBy(asc(mailOutbox.nextAttemptAt))
        .limit(limit)
        .for('update', { skipLocked: true });
      return db
        .update(mailOutbox)
        .set({ nextAttemptAt: leaseUntil, attempts: sql`${mailOutbox.attempts} + 1` })
        .where(inArray(mailOutbox.id, due))
        .returning();
    },
    async markSent(id: string, at: Date, messageId: string | null): Promise<void> {
      await db
        .update(mailOutbox)
        .set({ status: 'sent', sentAt: at, messageId, lastError: null, nextAttemptAt: null })
        .where(eq(mailOutbox.id, id));
    },
    /** Records a failed attempt: queued again at `retryAt`, or failed for good when retryAt is null. */
    async markAttemptFailed(id: string, error: string, retryAt: Date | null): Promise<void> {
      await db
        .update(mailOutbox)
        .set(retryAt ? { lastError: error, nextAttemptAt: retryAt } : { status: 'failed', lastError: error, nextAttemptAt: null })
        .where(eq(mailOutbox.id, id));
    },
    async pageOutbox(query: { page: number; pageSize: number; status?: OutboxRow['status'] | undefined }) {
      const where = query.status ? eq(mailOutbox.status, query.status) : undefined;
      const items = await db
        .select()
        .from(mailOutbox)
        .where(where)
        .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      const [total] = await db.select({ n: count() }).from(mailOutbox).where(where);
      return { items, total: total?.n ?? 0 };
    },
  };
}
