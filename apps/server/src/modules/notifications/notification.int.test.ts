import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertUser, login, orgByDivision, type Session, type TestContext } from '../../../test/harness.js';
import { manualClock } from '../../platform/clock.js';
import { RETRY_DELAYS_MS } from './logic/mail.js';
import { createNotificationService } from './notification.service.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server in the test process: nodemailer holds a full SMTP conversation with it. */
async function startSmtp(received: Received[]) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('bounce')) return callback(new Error('550 5.1.1 mailbox unavailable'));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port };
}

/** Decodes the quoted-printable / base64 parts nodemailer writes, enough to find text in a message. */
function decodeMime(raw: string): string {
  const qp = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  return Buffer.from(qp, 'latin1').toString('utf8');
}

describe('notifications and the e-mail outbox', () => {
  const clock = manualClock(new Date('2026-09-01T02:00:00Z'));
  const received: Received[] = [];
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let ctx: TestContext;
  let notify: ReturnType<typeof createNotificationService>['notify'];
  let hp: Session;
  let th: Session;
  let admin: Session;
  let hpOfficerId: string;
  let huangpuId: string;

  beforeAll(async () => {
    smtp = await startSmtp(received);
    ctx = await createTestApp({
      clock,
      env: {
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        MAIL_FROM: '穗联平台 <noreply@suilian.test>',
        PUBLIC_URL: 'https://suilian.test/',
        MAIL_POLL_SECONDS: '0',
      },
    });
    notify = createNotificationService({ db: ctx.database.db, clock, publicUrl: 'https://suilian.test/' }).notify;
    const city = await orgByDivision(ctx, '440100');
    const huangpu = await orgByDivision(ctx, '440112');
    huangpuId = huangpu.id;
    const tianhe = await orgByDivision(ctx, '440106');
    hpOfficerId = (await insertUser(ctx, 'n.hp', 'district_officer', huangpu.id)).id;
    await insertUser(ctx, 'n.hp2', 'district_officer', huangpu.id);
    await insertUser(ctx, 'n.th', 'district_officer', tianhe.id);
    await insertUser(ctx, 'n.admin', 'city_admin', city.id);
    await insertUser(ctx, 'n.sec', 'security_analyst', city.id);
    await insertUser(ctx, 'n.auditor', 'auditor', city.id);
    await insertUser(ctx, 'n.analyst', 'city_analyst', city.id);
    await ctx.database.pool.query("UPDATE app_user SET email = 'hp@suilian.test' WHERE username = 'n.hp'");
    await ctx.database.pool.query("UPDATE app_user SET email = 'bounce@suilian.test', locale = 'en-US' WHERE username = 'n.hp2'");
    [hp, th, admin] = [await login(ctx, 'n.hp'), await login(ctx, 'n.th'), await login(ctx, 'n.admin')];
  });
  afterAll(async () => {
    await ctx?.close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  });

  const message = {
    kind: 'reporting.due',
    title: { zh: '黄埔区 2026年8月 月度报表即将截止', en: 'Huangpu monthly report for 2026-08 is due soon' },
    body: { zh: '请于 2026-09-10 前提交。', en: 'Please submit by 2026-09-10.' },
    link: '/reporting/forms?period=202608',
  };

  it('notifies by role within a district, in the caller transaction, and queues mail for users with an address', async () => {
    const result = await ctx.database.db.transaction((tx) => notify(tx, [{ role: 'district_officer', districtId: huangpuId }], message));
    expect(result.recipientIds).toHaveLength(2);
    expect(result.mailsQueued).toBe(2);
    const mine = (await hp.request('GET', '/api/notifications')).json();
    expect(mine.unread).toBe(1);
    expect(mine.items[0]).toMatchObject({ kind: 'reporting.due', titleZh: message.title.zh, link: message.link, readAt: null });
    // Tianhe's officer hears nothing about Huangpu.
    expect((await th.request('GET', '/api/notifications')).json()).toMatchObject({ total: 0, unread: 0 });
  });

  it('rolls the notification back with the transaction that failed', async () => {
    await expect(
      ctx.database.db.transaction(async (tx) => {
        await notify(tx, [{ userId: hpOfficerId }], { ...message, kind: 'general', dedupeKey: 'rollback' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await hp.request('GET', '/api/notifications/unread-count')).json()).toEqual({ unread: 1 });
  });

  it('notifies each recipient once under a dedupe key; resolves all users of a role', async () => {
    const once = { ...message, kind: 'security.notice', dedupeKey: 'notice:1' };
    const first = await ctx.database.db.transaction((tx) => notify(tx, [{ role: 'security_analyst' }, { userId: hpOfficerId }], once));
    const again = await ctx.database.db.transaction((tx) => notify(tx, [{ role: 'security_analyst' }, { userId: hpOfficerId }], once));
    expect(first.recipientIds).toHaveLength(2);
    expect(again).toEqual({ recipientIds: [], mailsQueued: 0 });
  });

  it('marks one and all read, only the caller own', async () => {
    const page = (await hp.request('GET', '/api/notifications?unread=true')).json();
    expect(page.total).toBe(2);
    const id = page.items[0].id;
    expect((await th.request('POST', `/api/notifications/${id}/read`)).statusCode).toBe(404);
    const read = await hp.request('POST', `/api/notifications/${id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).toBe(clock.now().toISOString());
    expect((await hp.request('GET', '/api/notifications/unread-count')).json()).toEqual({ unread: 1 });
    expect((await hp.request('POST', '/api/notifications/read-all')).json()).toEqual({ marked: 1 });
    expect((await hp.request('GET', '/api/notifications')).json()).toMatchObject({ total: 2, unread: 0 });
  });

  it('shows the outbox to city administrators and auditors only; notifications need a login', async () => {
    const auditor = await login(ctx, 'n.auditor');
    expect((await auditor.request('GET', '/api/notifications/outbox')).statusCode).toBe(200);
    // The auditor reads the outbox but does not send it (#11 item 5).
    const dispatched = await auditor.request('POST', '/api/notifications/outbox/dispatch');
    expect(dispatched.statusCode).toBe(403);
    expect(dispatched.json().error).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: { code: 'notification.outbox_admin_only' }, permissions: ['mail:dispatch'] },
    });
    const analyst = await login(ctx, 'n.analyst');
    expect((await analyst.request('GET', '/api/notifications/outbox')).statusCode).toBe(403);
    expect((await analyst.request('POST', '/api/notifications/outbox/dispatch')).statusCode).toBe(403);
    expect((await th.request('GET', '/api/notifications/outbox')).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
    expect(received).toHaveLength(0); // nothing was sent by looking
  });

  it('sends queued mail through SMTP; a refused address is retried with back-off and then marked failed', async () => {
    expect((await hp.request('GET', '/api/notifications/outbox')).statusCode).toBe(403);
    const first = (await admin.request('POST', '/api/notifications/outbox/dispatch')).json();
    expect(first).toEqual({ sent: 2, retried: 1, failed: 0 }); // hp twice (two notifications), bounce once
    expect(received.map((m) => m.to[0])).toEqual(['hp@suilian.test', 'hp@suilian.test']);
    expect(received[0]?.from).toBe('noreply@suilian.test');
    const text = decodeMime(received[0]?.raw ?? '');
    expect(text).toContain('请于 2026-09-10 前提交。');
    expect(text).toContain('https://suilian.test/reporting/forms?period=202608');

    let outbox = (await admin.request('GET', '/api/notifications/outbox?status=queued')).json();
    expect(outbox.smtpConfigured).toBe(true);
    expect(outbox.items).toHaveLength(1);
    expect(outbox.items[0]).toMatchObject({ toAddress: 'bounce@suilian.test', attempts: 1, subject: `[Suilian] ${message.title.en}` });
    expect(outbox.items[0].lastError).toContain('mailbox unavailable');

    // Not due yet: nothing happens until the back-off has passed.
    expect((await admin.request('POST', '/api/notifications/outbox/dispatch')).json()).toEqual({ sent: 0, retried: 0, failed: 0 });
    for (const delay of RETRY_DELAYS_MS) {
      clock.advance(delay);
      await admin.request('POST', '/api/notifications/outbox/dispatch');
    }
    outbox = (await admin.request('GET', '/api/notifications/outbox?status=failed')).json();
    expect(outbox.items).toHaveLength(1);
    expect(outbox.items[0]).toMatchObject({ attempts: RETRY_DELAYS_MS.length + 1, nextAttemptAt: null });
    expect((await admin.request('GET', '/api/notifications/outbox?status=sent')).json().total).toBe(2);
    expect(received).toHaveLength(2);
  });
});
