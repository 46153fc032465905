import type { API, Lead } from '@suilian/contracts';
import { beijingTime, codeColumn, type ListExport, textColumn, type Worded } from '../../platform/tabular/list-export.js';
import type { LeadService } from './lead.service.js';

const STATUS_NAMES: Record<Lead['status'], Worded> = {
  contact: { zh: '待联系', en: 'Contact' },
  proposal: { zh: '方案沟通', en: 'Proposal' },
  deal: { zh: '已成交', en: 'Deal' },
  no_deal: { zh: '未成交', en: 'No deal' },
};
const NO_DEAL_NAMES: Record<NonNullable<Lead['noDealReason']>, Worded> = {
  budget: { zh: '预算不符', en: 'Budget' },
  timeline: { zh: '工期不符', en: 'Timeline' },
  capability: { zh: '能力不匹配', en: 'Capability' },
  chose_other: { zh: '选择了其他方案', en: 'Chose another solution' },
  no_response: { zh: '对方无回应', en: 'No response' },
  other: { zh: '其他', en: 'Other' },
};
const SIDE_NAMES: Record<Lead['openedBy'], Worded> = {
  enterprise: { zh: '企业', en: 'Enterprise' },
  provider: { zh: '服务商', en: 'Provider' },
};

/** 对接线索清单 (#12 item 7). */
export function leadExport(leads: Pick<LeadService, 'list'>): ListExport<typeof API.exportLeads, Lead> {
  return {
    name: { zh: '对接线索清单', en: 'Leads' },
    list: (actor, query) => leads.list(actor, query),
    columns: [
      textColumn({ zh: '需求', en: 'Demand' }, (l) => l.demandTitle, 36),
      textColumn({ zh: '企业', en: 'Enterprise' }, (l) => l.enterpriseName, 32),
      textColumn({ zh: '解决方案', en: 'Solution' }, (l) => l.solutionTitle, 36),
      textColumn({ zh: '服务商', en: 'Provider' }, (l) => l.providerName, 32),
      codeColumn({ zh: '发起方', en: 'Opened by' }, SIDE_NAMES, (l) => l.openedBy),
      codeColumn({ zh: '状态', en: 'Status' }, STATUS_NAMES, (l) => l.status),
      codeColumn({ zh: '未成交原因', en: 'No-deal reason' }, NO_DEAL_NAMES, (l) => l.noDealReason),
      textColumn({ zh: '首次响应', en: 'First response' }, (l) => beijingTime(l.firstResponseAt), 18),
      textColumn({ zh: '创建时间', en: 'Opened at' }, (l) => beijingTime(l.createdAt), 18),
    ],
  };
}
