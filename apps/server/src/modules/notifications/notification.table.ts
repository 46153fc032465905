import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/account.table.js';

/** One in-app notification for one user (消息中心); text in both console languages. */
export const notification = pgTable(
  'notification',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    bodyZh: text('body_zh').notNull(),
    bodyEn: text('body_en').notNull(),
    link: text('link'),
    /** Set by callers that must notify once only (a reminder, a published notice): unique per recipient. */
    dedupeKey: text('dedupe_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notification_recipient_idx').on(t.recipientId, t.createdAt),
    index('notification_unread_idx').on(t.recipientId).where(sql`${t.readAt} IS NULL`),
    uniqueIndex('notification_dedupe_uq').on(t.recipientId, t.dedupeKey),
  ],
);

/**
 * E-mail copies of notifications, queued in the same transaction as the notification and sent by
 * the dispatcher (SMTP) with retries; without SMTP they stay queued.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    notificationId: uuid('notification_id').references(() => notification.id, { onDelete: 'set null' }),
    recipientId: uuid('recipient_id').references(() => appUser.id, { onDelete: 'set null' }),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    status: text('status', { enum: ['queued', 'sent', 'failed'] })
      .notNull()
      .default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    lastError: text('last_error'),
    messageId: text('message_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('mail_outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'queued'`),
    index('mail_outbox_notification_idx').on(t.notificationId),
    index('mail_outbox_recipient_idx').on(t.recipientId),
  ],
);
