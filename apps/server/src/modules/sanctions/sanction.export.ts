import type { API, Sanction } from '@suilian/contracts';
import { beijingTime, codeColumn, type ListExport, textColumn, type Worded } from '../../platform/tabular/list-export.js';
import type { SanctionService } from './sanction.service.js';

const STATE_NAMES: Record<Sanction['state'], Worded> = {
  active: { zh: '生效中', en: 'In force' },
  scheduled: { zh: '未开始', en: 'Not started' },
  expired: { zh: '已到期', en: 'Expired' },
  lifted: { zh: '已解除', en: 'Lifted' },
};

/** 取消资格清单, filtered as the list; the person's ID number only masked, as the list shows it (#12 item 7). */
export function sanctionExport(sanctions: Pick<SanctionService, 'list'>): ListExport<typeof API.exportSanctions, Sanction> {
  return {
    name: { zh: '取消资格清单', en: 'Sanctions' },
    list: (actor, query) => sanctions.list(actor, query),
    columns: [
      textColumn({ zh: '主体名称', en: 'Entity' }, (s) => s.entityName, 36),
      textColumn({ zh: '统一社会信用代码', en: 'Credit code' }, (s) => s.creditCode, 22),
      textColumn({ zh: '责任人', en: 'Responsible person' }, (s) => s.personName),
      textColumn({ zh: '身份证号（脱敏）', en: 'ID number (masked)' }, (s) => s.personIdMasked, 22),
      textColumn({ zh: '事由', en: 'Reason' }, (s) => s.reason, 40),
      textColumn({ zh: '决定依据', en: 'Basis' }, (s) => s.basis, 32),
      { header: { zh: '起始日期', en: 'Starts on' }, value: (s) => s.startsOn, type: 'date' },
      { header: { zh: '截止日期', en: 'Ends on' }, value: (s) => s.endsOn, type: 'date' },
      codeColumn({ zh: '状态', en: 'State' }, STATE_NAMES, (s) => s.state),
      textColumn({ zh: '解除时间', en: 'Lifted at' }, (s) => beijingTime(s.liftedAt), 18),
      textColumn({ zh: '解除原因', en: 'Lift reason' }, (s) => s.liftReason, 32),
    ],
  };
}
