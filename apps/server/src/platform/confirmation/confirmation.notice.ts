import type { ConfirmationAction } from './confirmation.js';

/** What kind of record was confirmed or returned, as the enterprise reads it. */
export const CONFIRMABLE_NAMES = {
  factory: { zh: '5G工厂', en: '5G factory' },
  honour: { zh: '企业荣誉', en: 'honour' },
  registry_record: { zh: '登记记录', en: 'record' },
} as const;

export interface ConfirmationNoticeInput {
  action: ConfirmationAction;
  what: { zh: string; en: string };
  /** The record's own name (factory name, record title, honour type and year). */
  title: string;
  /** The confirmer's comment: what was checked, or why it is returned. */
  comment: string;
  /** The console page of the record. */
  link: string;
}

/**
 * The message the declaring enterprise reads when its district confirms or returns its record
 * (issue #12 item 5): confirmed → it now counts; returned → the reason, to correct and declare again.
 * Structural (kind, title, body, link) so any module hands it to notifications.notify.
 */
export function confirmationNotice(input: ConfirmationNoticeInput) {
  const { what, title, comment } = input;
  if (input.action === 'confirm') {
    return {
      kind: 'confirmation.confirmed',
      title: { zh: `${what.zh}「${title}」已确认`, en: `Your ${what.en} “${title}” was confirmed` },
      body: {
        zh: `区级已确认该记录，已计入相关指标。确认意见：${comment}`,
        en: `Your district confirmed it; it now counts toward its target. Comment: ${comment}`,
      },
      link: input.link,
    };
  }
  return {
    kind: 'confirmation.returned',
    title: { zh: `${what.zh}「${title}」被退回`, en: `Your ${what.en} “${title}” was returned` },
    body: {
      zh: `退回原因：${comment}。请修改后重新申报，确认前不计入指标。`,
      en: `Reason: ${comment}. Correct it and declare it again; it does not count until confirmed.`,
    },
    link: input.link,
  };
}
