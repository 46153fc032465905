import type { FormAction, RegistrationState, Role } from '@suilian/contracts';
import type { BilingualText, NotificationMessage, Recipient } from '../notifications/index.js';
import { parsePeriod } from './logic/index.js';

/**
 * Who hears about a district form's workflow step and what they read (issue #12 item 2). Pure:
 * the form service hands each notice to notify() in the step's transaction.
 */

/** The console's names of the form states (i18n parts/reporting.ts states). */
export const FORM_STATE_NAMES: Readonly<Record<RegistrationState, BilingualText>> = {
  open: { zh: '填报中', en: 'Open' },
  completed: { zh: '已提交', en: 'Submitted' },
  approved: { zh: '区级已审批', en: 'Approved by district' },
  accepted: { zh: '市级已接收', en: 'Accepted by city' },
};

/** One step of one district's form, as the service knows it after the change. */
export interface FormStep {
  dataSet: { code: string; nameZh: string; nameEn: string };
  period: string;
  district: { id: string; name: string };
  action: FormAction;
  to: RegistrationState;
  comment: string | null;
  actor: { name: string; role: Role };
  /** YYYY-MM-DD of the step. */
  date: string;
}

export interface FormNotice {
  recipients: Recipient[];
  message: NotificationMessage;
}

/** 2026年8月 / 2026年第3季度 / 2026年, and the English equivalents. */
export function periodName(id: string): BilingualText {
  const p = parsePeriod(id);
  if (p.type === 'monthly') return { zh: `${p.year}年${p.index}月`, en: `${p.year}-${String(p.index).padStart(2, '0')}` };
  if (p.type === 'quarterly') return { zh: `${p.year}年第${p.index}季度`, en: `Q${p.index} ${p.year}` };
  return { zh: `${p.year}年`, en: String(p.year) };
}

/** The form's page in the console, for that district and period. */
export const formLink = (period: string, districtId: string) =>
  `/indicators/reporting?period=${encodeURIComponent(period)}&district=${districtId}`;

/**
 * Submitted → the district's approvers; approved → the city (to accept) and the district; accepted
 * → the district; sent back (unapprove, unaccept, or the city reopening) → the district, with the reason.
 */
export function formStepNotices(step: FormStep): FormNotice[] {
  // The district's own officers only: another district never hears of this form.
  const district: Recipient = { role: 'district_officer', districtId: step.district.id };
  const city: Recipient = { role: 'city_admin' };
  const period = periodName(step.period);
  const form = {
    zh: `${step.district.name}${period.zh}${step.dataSet.nameZh}`,
    en: `${step.dataSet.nameEn} for ${period.en} (${step.district.name})`,
  };
  const state = FORM_STATE_NAMES[step.to];
  const reason = step.comment
    ? {
        zh: `\n意见（${step.actor.name}，${step.date}）：${step.comment}`,
        en: `\nComment (${step.actor.name}, ${step.date}): ${step.comment}`,
      }
    : { zh: '', en: '' };
  const notice = (recipients: Recipient[], kind: string, title: BilingualText, body: BilingualText): FormNotice => ({
    recipients,
    message: {
      kind,
      title,
      body: { zh: `${body.zh}当前状态：${state.zh}。${reason.zh}`, en: `${body.en} State: ${state.en}.${reason.en}` },
      link: formLink(step.period, step.district.id),
    },
  });
  const returned = () =>
    notice(
      [district],
      'reporting.returned',
      { zh: `报表被退回：${form.zh}`, en: `Report sent back: ${form.en}` },
      {
        zh: `${form.zh}已被${step.actor.name}退回，请按意见处理后重新提交或审批。`,
        en: `${form.en} was sent back by ${step.actor.name}; please act on the comment and submit or approve it again.`,
      },
    );

  switch (step.action) {
    case 'complete':
      return [
        notice(
          [district],
          'reporting.to_approve',
          { zh: `报表待审批：${form.zh}`, en: `Report to approve: ${form.en}` },
          {
            zh: `${step.actor.name}已提交${form.zh}，请审批（审批人须为提交人以外的人员）。`,
            en: `${step.actor.name} submitted the ${form.en}; please approve it (someone other than the submitter).`,
          },
        ),
      ];
    case 'approve':
      return [
        notice(
          [city],
          'reporting.to_accept',
          { zh: `报表待接收：${form.zh}`, en: `Report to accept: ${form.en}` },
          { zh: `${form.zh}已经区级审批，请市级接收。`, en: `The ${form.en} was approved by the district; please accept it.` },
        ),
        notice(
          [district],
          'reporting.approved',
          { zh: `报表已审批：${form.zh}`, en: `Report approved: ${form.en}` },
          {
            zh: `${form.zh}已由${step.actor.name}审批，等待市级接收。`,
            en: `The ${form.en} was approved by ${step.actor.name} and awaits the city.`,
          },
        ),
      ];
    case 'accept':
      return [
        notice(
          [district],
          'reporting.accepted',
          { zh: `报表已接收：${form.zh}`, en: `Report accepted: ${form.en}` },
          { zh: `${form.zh}已由市级接收，数据已锁定。`, en: `The ${form.en} was accepted by the city; its data is locked.` },
        ),
      ];
    case 'unapprove':
    case 'unaccept':
      return [returned()];
    case 'uncomplete':
      // A district reopening its own submission tells no one; the city reopening it tells the district.
      return step.actor.role === 'district_officer' ? [] : [returned()];
  }
}
