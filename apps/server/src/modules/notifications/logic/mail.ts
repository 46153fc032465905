/** Pure rules of the e-mail copy of a notification: its text and when a failed send is retried. */

export interface BilingualText {
  zh: string;
  en: string;
}

/** What a caller says once; it goes to every recipient in their language. */
export interface NotificationMessage {
  /** e.g. `reporting.due`, `security.notice` — the console may pick an icon by it. */
  kind: string;
  title: BilingualText;
  body: BilingualText;
  /** A path in the console (`/reporting/forms?…`); e-mails make it absolute with PUBLIC_URL. */
  link?: string | null;
  /** Notify each recipient once only under this key (reminders, published notices). */
  dedupeKey?: string;
}

/** Delays before the 2nd, 3rd … attempt; after the last one the mail is marked failed. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000] as const;

/** When to try again after `attempts` failed attempts, or null when the mail has failed for good. */
export function nextAttemptAfter(attempts: number, now: Date): Date | null {
  const delay = RETRY_DELAYS_MS[attempts - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay);
}

/** The subject and plain-text body of the e-mail copy, in the recipient's language. */
export function composeMail(
  message: Pick<NotificationMessage, 'title' | 'body' | 'link'>,
  locale: 'zh-CN' | 'en-US',
  publicUrl: string | undefined,
): { subject: string; text: string } {
  const zh = locale === 'zh-CN';
  const title = zh ? message.title.zh : message.title.en;
  const body = zh ? message.body.zh : message.body.en;
  const lines = [body];
  if (message.link) {
    const href = publicUrl ? new URL(message.link, publicUrl).toString() : message.link;
    lines.push('', `${zh ? '在穗联平台查看' : 'Open in Suilian'}: ${href}`);
  }
  lines.push('', zh ? '— 穗联平台（此邮件由系统自动发送，请勿回复）' : '— Suilian (sent automatically; please do not reply)');
  return { subject: `[${zh ? '穗联' : 'Suilian'}] ${title}`, text: lines.join('\n') };
}
