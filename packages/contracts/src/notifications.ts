import { z } from 'zod';

/**
 * In-app notifications (消息中心) and their e-mail copies. A notification carries its text in both
 * console languages, so the bell and the e-mail read right whatever the recipient's locale.
 */
export const NOTIFICATION_KINDS = [
  'reporting.due',
  'reporting.overdue',
  'progress_report.ready',
  /** White paper review (issue #16 item 4): to reviewers on submission, to editors on return and publication. */
  'white_paper.submitted',
  'white_paper.returned',
  'white_paper.published',
  'security.notice',
  'security.finding_overdue',
  /** To the account whose role an administrator changed (issue #11 item 6). */
  'account.role_changed',
  'general',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NotificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  bodyZh: z.string(),
  bodyEn: z.string(),
  /** Where in the console the notification leads, e.g. `/reporting/forms?period=202609`. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
    unread: z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => v === 'true'),
  })
  .strict();
export type NotificationListQuery = z.infer<typeof NotificationListQuerySchema>;

export const NotificationPageSchema = z.object({
  items: z.array(NotificationSchema),
  total: z.number().int(),
  /** Unread notifications of the caller in all, whatever the page. */
  unread: z.number().int(),
});
export type NotificationPage = z.infer<typeof NotificationPageSchema>;

export const UnreadCountSchema = z.object({ unread: z.number().int() });
export type UnreadCount = z.infer<typeof UnreadCountSchema>;

export const MarkAllReadResultSchema = z.object({ marked: z.number().int() });

/** E-mail outbox rows (city administrators look at them to see whether mail leaves). */
export const MAIL_STATUSES = ['queued', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export const OutboxMailSchema = z.object({
  id: z.uuid(),
  toAddress: z.string(),
  subject: z.string(),
  status: z.enum(MAIL_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type OutboxMail = z.infer<typeof OutboxMailSchema>;

export const OutboxQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
    status: z.enum(MAIL_STATUSES).optional(),
  })
  .strict();
export type OutboxQuery = z.infer<typeof OutboxQuerySchema>;

export const OutboxPageSchema = z.object({
  items: z.array(OutboxMailSchema),
  total: z.number().int(),
  /** Whether SMTP is configured; without it mails stay queued. */
  smtpConfigured: z.boolean(),
});
export type OutboxPage = z.infer<typeof OutboxPageSchema>;

/** What one pass over the outbox did: mails sent, put back for a later attempt, given up on. */
export const DispatchResultSchema = z.object({ sent: z.number().int(), retried: z.number().int(), failed: z.number().int() });
export type DispatchResult = z.infer<typeof DispatchResultSchema>;
