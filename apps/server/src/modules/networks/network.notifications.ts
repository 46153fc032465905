import { type BilingualText, clip, type NotificationMessage, type Recipient } from '../notifications/index.js';

/** The console page of a network. */
export const networkLink = (id: string) => `/networks/${id}`;

/** A network as its notices name it. */
export interface NoticeNetwork {
  id: string;
  name: string;
  districtId: string;
  enterpriseId: string;
  operatorId: string;
  enterpriseName: string;
  operatorName: string;
}

export interface NetworkNotice {
  recipients: Recipient[];
  message: NotificationMessage;
}

/**
 * Who hears of a network's confirmation steps (issue #14 item 5), pure: the district when an
 * operator declares (or re-declares) one; the operator when the district confirms or returns it,
 * and the enterprise when it is confirmed (its network now counts).
 */
export function networkNotices(
  step: 'declared' | 'confirmed' | 'returned',
  network: NoticeNetwork,
  extra: { comment?: string | null; by?: string } = {},
): NetworkNotice[] {
  const short = clip(network.name);
  const name: BilingualText = { zh: `「${network.name}」`, en: `"${network.name}"` };
  const operatorUsers: Recipient = { role: 'provider_user', orgId: network.operatorId };
  const message = (kind: string, title: BilingualText, body: BilingualText): NotificationMessage => ({
    kind,
    title,
    body,
    link: networkLink(network.id),
  });
  const reason: BilingualText = extra.comment ? { zh: `意见：${extra.comment}`, en: ` Comment: ${extra.comment}` } : { zh: '', en: '' };
  switch (step) {
    case 'declared':
      return [
        {
          recipients: [{ role: 'district_officer', districtId: network.districtId }],
          message: message(
            'network.to_confirm',
            { zh: `5G专网待确认：${short}`, en: `Private network to confirm: ${short}` },
            {
              zh: `${network.operatorName}为${network.enterpriseName}登记了5G专网${name.zh}，请核实后确认或退回。`,
              en: `${network.operatorName} registered the private network ${name.en} for ${network.enterpriseName}; please check it and confirm or return it.`,
            },
          ),
        },
      ];
    case 'confirmed':
      return [
        {
          recipients: [operatorUsers, { role: 'enterprise_user', orgId: network.enterpriseId }],
          message: message(
            'network.confirmed',
            { zh: `5G专网已确认：${short}`, en: `Private network confirmed: ${short}` },
            {
              zh: `5G专网${name.zh}已由区级确认，计入新建5G专网统计。${reason.zh}`,
              en: `The private network ${name.en} was confirmed by its district and now counts toward new private networks.${reason.en}`,
            },
          ),
        },
      ];
    case 'returned':
      return [
        {
          recipients: [operatorUsers],
          message: message(
            'network.returned',
            { zh: `5G专网被退回：${short}`, en: `Private network returned: ${short}` },
            {
              zh: `5G专网${name.zh}被区级退回，请按意见修改后重新提交。${reason.zh}`,
              en: `The private network ${name.en} was returned by its district; please correct it as asked.${reason.en}`,
            },
          ),
        },
      ];
  }
}
