import { type BilingualText, clip, type NotificationMessage, type Recipient } from '../notifications/index.js';
import type { NetworkRef } from './sla.repo.js';

export interface SlaNotice {
  recipients: Recipient[];
  message: NotificationMessage;
}

/**
 * Who hears of an SLA result (issue #14 item 3), pure: the network's district when a result awaits
 * its sign-off; the operator and the enterprise when the district accepted or rejected it.
 */
export function slaNotices(step: 'computed' | 'accepted' | 'rejected', network: NetworkRef, period: string, opinion?: string): SlaNotice[] {
  const short = clip(network.name);
  const link = `/networks/${network.id}?tab=sla`;
  const name: BilingualText = { zh: `「${network.name}」`, en: `"${network.name}"` };
  const said: BilingualText = opinion ? { zh: `意见：${clip(opinion, 300)}`, en: ` Opinion: ${clip(opinion, 300)}` } : { zh: '', en: '' };
  const parties: Recipient[] = [
    { role: 'provider_user', orgId: network.operatorId },
    { role: 'enterprise_user', orgId: network.enterpriseId },
  ];
  const message = (kind: string, title: BilingualText, body: BilingualText): NotificationMessage => ({ kind, title, body, link });
  switch (step) {
    case 'computed':
      return [
        {
          recipients: [{ role: 'district_officer', districtId: network.districtId }],
          message: message(
            'sla.to_sign_off',
            { zh: `专网验收待签署：${short}`, en: `Network acceptance to sign off: ${short}` },
            {
              zh: `5G专网${name.zh}${period}的SLA验收结果已生成，请审阅验收报告后签署意见。`,
              en: `The SLA acceptance result of the private network ${name.en} for ${period} is ready; please review the report and sign it off.`,
            },
          ),
        },
      ];
    case 'accepted':
    case 'rejected': {
      const accepted = step === 'accepted';
      return [
        {
          recipients: parties,
          message: message(
            `sla.${step}`,
            accepted
              ? { zh: `专网验收已通过：${short}`, en: `Network acceptance signed: ${short}` }
              : { zh: `专网验收未通过：${short}`, en: `Network acceptance rejected: ${short}` },
            accepted
              ? {
                  zh: `5G专网${name.zh}${period}的SLA验收结果已由区级签署通过。${said.zh}`,
                  en: `The district signed off the SLA acceptance of the private network ${name.en} for ${period}.${said.en}`,
                }
              : {
                  zh: `5G专网${name.zh}${period}的SLA验收结果未获通过，请按意见整改后重新测试。${said.zh}`,
                  en: `The district rejected the SLA acceptance of the private network ${name.en} for ${period}; please remedy and test again.${said.en}`,
                },
          ),
        },
      ];
    }
  }
}
