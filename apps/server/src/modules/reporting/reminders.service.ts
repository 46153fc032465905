import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { refusal } from '../../platform/errors.js';
import type { NotificationMessage, NotificationService } from '../notifications/index.js';
import { parsePeriod } from './logic/index.js';
import { type ReminderDue, type ReminderPolicy, remindersDue } from './reminders.logic.js';
import { createRemindersRepo } from './reminders.repo.js';
import { EVERY_DISTRICT, reminderRunPolicy } from './reporting.policy.js';

export interface ReminderServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  notifications: Pick<NotificationService, 'notify'>;
  policy: ReminderPolicy;
}

export interface ReminderRunResult {
  today: string;
  sent: Array<{ dataSet: string; period: string; orgId: string; kind: 'due' | 'overdue'; deadline: string; recipients: number }>;
}

/**
 * Reporting reminders (issue #4 item 4): tells a district's officers when a form is about to close
 * and when it is overdue, in the console and by e-mail, once per (data set, period, district, kind).
 */
export function createReminderService(deps: ReminderServiceDeps) {
  return {
    /** Sends what is due today; safe to run any number of times and from several instances. */
    async run(actor: Actor): Promise<ReminderRunResult> {
      // The scheduler runs as the system; a person needs report:accept and to reach every district.
      if (actor.via !== 'system') {
        reminderRunPolicy.authorize(actor, 'run');
        if (!reminderRunPolicy.can(actor, 'run', EVERY_DISTRICT))
          throw refusal('FORBIDDEN', 'reporting.reminders_city_only', 'the reporting reminders are run at city level');
      }
      const today = deps.clock.now().toISOString().slice(0, 10);
      const repo = createRemindersRepo(deps.db);
      const districts = await repo.districts();
      const districtById = new Map(districts.map((d) => [d.id, d]));
      const result: ReminderRunResult = { today, sent: [] };
      for (const ds of await repo.dataSets()) {
        const candidates = remindersDue(ds, [...districtById.keys()], () => false, today, deps.policy);
        const periods = [...new Set(candidates.map((c) => c.period))];
        const done = new Set((await repo.completed(ds.code, periods)).map((r) => `${r.period}|${r.orgId}`));
        for (const due of candidates.filter((c) => !done.has(`${c.period}|${c.orgId}`))) {
          const district = districtById.get(due.orgId);
          if (!district) continue;
          const sent = await deps.db.transaction(async (tx) => {
            const txRepo = createRemindersRepo(tx);
            const key = { dataSetCode: ds.code, period: due.period, orgId: due.orgId, kind: due.kind };
            if (!(await txRepo.claim({ ...key, deadline: due.deadline, recipients: 0, sentAt: deps.clock.now() }))) return null;
            const { recipientIds } = await deps.notifications.notify(
              tx,
              [{ role: 'district_officer', districtId: due.orgId }],
              reminderMessage(ds, district, due),
            );
            if (recipientIds.length === 0) {
              // A district without officers yet: nobody was reminded, so the key stays free.
              await txRepo.release(key);
              return null;
            }
            await txRepo.setRecipients(key, recipientIds.length);
            await deps.audit.append(tx, actor, {
              action: `reporting.reminder.${due.kind}`,
              entityType: 'data_registration',
              entityId: `${ds.code}/${due.period}/${due.orgId}`,
              after: { deadline: due.deadline, recipients: recipientIds.length },
            });
            return recipientIds.length;
          });
          if (sent !== null) result.sent.push({ dataSet: ds.code, ...due, recipients: sent });
        }
      }
      return result;
    },
  };
}

/** 2026年8月 / 2026年第3季度 / 2026年, and the English equivalents. */
export function periodLabel(id: string): { zh: string; en: string } {
  const p = parsePeriod(id);
  if (p.type === 'monthly') return { zh: `${p.year}年${p.index}月`, en: `${p.year}-${String(p.index).padStart(2, '0')}` };
  if (p.type === 'quarterly') return { zh: `${p.year}年第${p.index}季度`, en: `Q${p.index} ${p.year}` };
  return { zh: `${p.year}年`, en: String(p.year) };
}

function reminderMessage(
  ds: { code: string; nameZh: string; nameEn: string },
  district: { id: string; name: string; nameEn: string | null },
  due: ReminderDue,
): NotificationMessage {
  const label = periodLabel(due.period);
  const en = district.nameEn ?? district.name;
  const link = `/indicators/reporting?period=${encodeURIComponent(due.period)}&district=${district.id}`;
  if (due.kind === 'due') {
    return {
      kind: 'reporting.due',
      title: {
        zh: `${district.name}${label.zh}${ds.nameZh}将于 ${due.deadline} 截止`,
        en: `${ds.nameEn} for ${label.en} (${en}) closes on ${due.deadline}`,
      },
      body: {
        zh: `${district.name}${label.zh}的${ds.nameZh}尚未提交，填报将于 ${due.deadline} 截止，请及时填报并提交。`,
        en: `${en} has not submitted the ${ds.nameEn} for ${label.en}. Entry closes on ${due.deadline}; please fill it in and submit it.`,
      },
      link,
      dedupeKey: `reporting.due:${ds.code}:${due.period}:${district.id}`,
    };
  }
  return {
    kind: 'reporting.overdue',
    title: { zh: `${district.name}${label.zh}${ds.nameZh}已逾期`, en: `${ds.nameEn} for ${label.en} (${en}) is overdue` },
    body: {
      zh: `${district.name}${label.zh}的${ds.nameZh}在截止日 ${due.deadline} 前未提交。如需补报，请联系市级管理员申请解锁例外。`,
      en: `${en} did not submit the ${ds.nameEn} for ${label.en} by ${due.deadline}. To report late, ask a city administrator for a lock exception.`,
    },
    link,
    dedupeKey: `reporting.overdue:${ds.code}:${due.period}:${district.id}`,
  };
}

export type ReminderService = ReturnType<typeof createReminderService>;
