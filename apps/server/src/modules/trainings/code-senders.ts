import type { DbOrTx } from '../../db/client.js';
import { refusal } from '../../platform/errors.js';
import type { NotificationService } from '../notifications/index.js';

/** A sign-up's confirmation code, to send inside the sign-up's transaction. */
export interface CodeMessage {
  to: string;
  code: string;
  activityTitle: string;
  minutes: number;
}

/**
 * How a confirmation code reaches the person signing up. E-mail goes through the outbox (queued in
 * the same transaction, sent by the dispatcher); an SMS sender has the same shape, but no provider
 * is wired yet, so it refuses rather than pretending to send.
 */
export interface CodeSender {
  channel: 'email' | 'sms';
  send(tx: DbOrTx, message: CodeMessage): Promise<void>;
}

/** Codes by e-mail through the notifications outbox. */
export function createMailCodeSender(notifications: Pick<NotificationService, 'queueMail'>): CodeSender {
  return {
    channel: 'email',
    async send(tx, m) {
      await notifications.queueMail(tx, {
        toAddress: m.to,
        subject: `【穗联】报名验证码 ${m.code}`,
        text: [
          `您正在报名“${m.activityTitle}”，验证码：${m.code}（${m.minutes}分钟内有效）。如非本人操作，请忽略本邮件。`,
          '',
          `You are signing up for "${m.activityTitle}". Your code: ${m.code} (valid for ${m.minutes} minutes). If this was not you, ignore this mail.`,
        ].join('\n'),
      });
    },
  };
}

/** The SMS sender until a provider is contracted: refuses (503) so no one waits for a text that never comes. */
export function createUnwiredSmsSender(): CodeSender {
  return {
    channel: 'sms',
    async send() {
      throw refusal('SERVICE_UNAVAILABLE', 'training.sms_unavailable', 'no SMS provider is configured');
    },
  };
}
