import nodemailer from 'nodemailer';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import type { Schedules } from '../../platform/jobs/schedules.js';
import { nextAttemptAfter } from './logic/mail.js';
import { createNotificationRepo } from './notification.repo.js';

/** The part of a nodemailer transport the dispatcher uses. */
export interface MailTransport {
  sendMail(mail: { from: string; to: string; subject: string; text: string }): Promise<{ messageId?: string }>;
  close(): void;
}

/** An SMTP transport from `SMTP_URL` (smtp:// or smtps://, credentials in the URL), with bounded waits. */
export function createSmtpTransport(smtpUrl: string): MailTransport {
  const url = new URL(smtpUrl);
  return nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
}

/** How long a claimed mail is hidden from other dispatchers while this one sends it. */
const LEASE_MS = 10 * 60_000;

export interface DispatchResult {
  sent: number;
  retried: number;
  failed: number;
}

/** The periodic task's name on the job queue (ADR 0012). */
export const MAIL_DISPATCH_TASK = 'notifications.mail_dispatch';

/**
 * Sends queued outbox mails through SMTP: claims due rows (safe with several server instances),
 * sends each, marks it sent, or schedules a retry with back-off, or marks it failed with the error
 * after the last attempt. Without a transport (no SMTP_URL) it does nothing and mails stay queued.
 * Its periodic run is a task on the job queue, so one instance sends per interval.
 */
export function createMailDispatcher(deps: {
  db: Db;
  clock: Clock;
  transport: MailTransport | null;
  from: string;
  log?: { warn(obj: object, msg: string): void };
  batchSize?: number;
}) {
  let running: Promise<DispatchResult> | null = null;

  async function dispatchOnce(): Promise<DispatchResult> {
    const result: DispatchResult = { sent: 0, retried: 0, failed: 0 };
    const transport = deps.transport;
    if (!transport) return result;
    const repo = createNotificationRepo(deps.db);
    for (;;) {
      const now = deps.clock.now();
      const batch = await repo.claimDueMails(now, new Date(now.getTime() + LEASE_MS), deps.batchSize ?? 20);
      if (batch.length === 0) return result;
      for (const mail of batch) {
        try {
          const info = await transport.sendMail({ from: deps.from, to: mail.toAddress, subject: mail.subject, text: mail.textBody });
          await repo.markSent(mail.id, deps.clock.now(), info.messageId ?? null);
          result.sent++;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          const retryAt = nextAttemptAfter(mail.attempts, deps.clock.now());
          await repo.markAttemptFailed(mail.id, message.slice(0, 1000), retryAt);
          if (retryAt) result.retried++;
          else result.failed++;
          deps.log?.warn({ mailId: mail.id, attempts: mail.attempts, err: message }, 'mail not sent');
        }
      }
    }
  }

  /** Sends everything due now; concurrent calls share one run. */
  function dispatchDue(): Promise<DispatchResult> {
    running ??= dispatchOnce().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    configured: deps.transport !== null,
    dispatchDue,
    /** Sends the outbox every `intervalMs` (MAIL_POLL_SECONDS) on the job queue; 0 = only when asked. */
    schedule(schedules: Pick<Schedules, 'every'>, intervalMs: number): void {
      if (!deps.transport) return;
      schedules.every(MAIL_DISPATCH_TASK, intervalMs, dispatchDue);
    },
    /** Waits for a send in progress, then closes the SMTP transport. */
    async stop(): Promise<void> {
      await running?.catch(() => undefined);
      deps.transport?.close();
    },
  };
}

export type MailDispatcher = ReturnType<typeof createMailDispatcher>;
