import type { LeadStatus } from '@suilian/contracts';
import { type BilingualText, clip, type NotificationMessage, type Recipient } from '../notifications/index.js';

/** The console's names of lead statuses (i18n parts/services.ts leadStatuses), so mail and console agree. */
export const LEAD_STATUS_NAMES: Readonly<Record<LeadStatus, BilingualText>> = {
  contact: { zh: '待联系', en: 'Contact' },
  proposal: { zh: '方案沟通', en: 'Proposal' },
  deal: { zh: '已成交', en: 'Deal' },
  no_deal: { zh: '未成交', en: 'No deal' },
};

/** The console page of the leads. */
export const leadLink = (id: string) => `/services/leads?lead=${id}`;

export interface LeadNews {
  lead: { id: string; enterpriseId: string; providerId: string };
  demandTitle: string;
  solutionTitle: string;
  enterpriseName: string;
  providerName: string;
  /** Who acted: their side is told nothing, the other side is. */
  side: 'enterprise' | 'provider' | 'district' | 'city';
  kind: 'opened' | 'status' | 'note';
  status?: LeadStatus;
  note?: string | null;
}

/** Who hears about a lead's step: the other party (issue #15 item 3). Pure. */
export function leadNotices(news: LeadNews): Array<{ recipients: Recipient[]; message: NotificationMessage }> {
  const provider: Recipient = { role: 'provider_user', orgId: news.lead.providerId };
  const enterprise: Recipient = { role: 'enterprise_user', orgId: news.lead.enterpriseId };
  const toProvider = news.side !== 'provider';
  const recipients = toProvider ? [provider] : [enterprise];
  const demand = clip(news.demandTitle);
  const note: BilingualText = news.note ? { zh: `留言：${news.note}`, en: ` Note: ${news.note}` } : { zh: '', en: '' };
  const text = (title: BilingualText, body: BilingualText, kind: string): NotificationMessage => ({
    kind,
    title,
    body: { zh: `${body.zh}${note.zh}`, en: `${body.en}${note.en}` },
    link: leadLink(news.lead.id),
  });
  if (news.kind === 'opened')
    return [
      {
        recipients,
        message: toProvider
          ? text(
              { zh: `新的对接线索：${demand}`, en: `New lead: ${demand}` },
              {
                zh: `${news.enterpriseName}希望就需求「${news.demandTitle}」了解您的解决方案「${news.solutionTitle}」，请尽快联系。`,
                en: `${news.enterpriseName} would like to hear about your solution "${news.solutionTitle}" for the demand "${news.demandTitle}"; please get in touch.`,
              },
              'lead.new',
            )
          : text(
              { zh: `服务商响应了您的需求：${demand}`, en: `A provider answered your demand: ${demand}` },
              {
                zh: `${news.providerName}就需求「${news.demandTitle}」推荐了解决方案「${news.solutionTitle}」。`,
                en: `${news.providerName} offers the solution "${news.solutionTitle}" for your demand "${news.demandTitle}".`,
              },
              'lead.new',
            ),
      },
    ];
  if (news.kind === 'status' && news.status) {
    const status = LEAD_STATUS_NAMES[news.status];
    return [
      {
        recipients,
        message: text(
          { zh: `对接进展（${status.zh}）：${demand}`, en: `Lead progress (${status.en}): ${demand}` },
          {
            zh: `需求「${news.demandTitle}」与解决方案「${news.solutionTitle}」的对接进入「${status.zh}」。`,
            en: `The lead between "${news.demandTitle}" and "${news.solutionTitle}" is now ${status.en}.`,
          },
          'lead.progress',
        ),
      },
    ];
  }
  return [
    {
      recipients,
      message: text(
        { zh: `对接线索有新的跟进：${demand}`, en: `New follow-up on a lead: ${demand}` },
        {
          zh: `需求「${news.demandTitle}」与解决方案「${news.solutionTitle}」的对接有新的跟进记录。`,
          en: `There is a new follow-up on the lead between "${news.demandTitle}" and "${news.solutionTitle}".`,
        },
        'lead.progress',
      ),
    },
  ];
}
