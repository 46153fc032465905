import type { Sanction } from '@suilian/contracts';
import type { NotificationMessage } from '../notifications/index.js';

/** What the sanctioned enterprise reads when a sanction is recorded or lifted (pure). */
export function sanctionNotice(step: 'imposed' | 'lifted', s: Sanction): NotificationMessage {
  const link = '/workbench';
  if (step === 'imposed')
    return {
      kind: 'sanction.imposed',
      title: { zh: `取消资格：${s.entityName}`, en: `Sanction recorded: ${s.entityName}` },
      body: {
        zh: `依据 ${s.basis}，自 ${s.startsOn} 至 ${s.endsOn} 不得申报项目、参加遴选或申请资金。理由：${s.reason}`,
        en: `Under ${s.basis}, from ${s.startsOn} to ${s.endsOn} no project declarations, selection applications or fund claims. Reason: ${s.reason}`,
      },
      link,
    };
  return {
    kind: 'sanction.lifted',
    title: { zh: `取消资格已解除：${s.entityName}`, en: `Sanction lifted: ${s.entityName}` },
    body: {
      zh: `${s.basis} 所定的取消资格已提前解除。说明：${s.liftReason ?? ''}`,
      en: `The sanction under ${s.basis} was lifted early. Note: ${s.liftReason ?? ''}`,
    },
    link,
  };
}
