import type { API, Demand } from '@suilian/contracts';
import { beijingTime, codeColumn, type ListExport, textColumn, type Worded, yesNo } from '../../platform/tabular/list-export.js';
import { PRICE_BAND_NAMES } from '../solutions/index.js';
import type { DemandService } from './demand.service.js';

const STATE_NAMES: Record<Demand['state'], Worded> = { open: { zh: '对接中', en: 'Open' }, closed: { zh: '已关闭', en: 'Closed' } };

/** 需求清单 (#12 item 7). */
export function demandExport(demands: Pick<DemandService, 'list'>): ListExport<typeof API.exportDemands, Demand> {
  return {
    name: { zh: '需求清单', en: 'Demands' },
    list: (actor, query) => demands.list(actor, query),
    columns: [
      textColumn({ zh: '需求标题', en: 'Title' }, (d) => d.title, 40),
      textColumn({ zh: '企业', en: 'Enterprise' }, (d) => d.enterpriseName, 32),
      textColumn({ zh: '所在区', en: 'District' }, (d) => d.districtName),
      textColumn({ zh: '应用场景', en: 'Scenarios' }, (d) => d.scenarios.map((s) => s.name).join('、'), 32),
      textColumn({ zh: '行业', en: 'Industry' }, (d) => d.industry?.name),
      codeColumn({ zh: '预算', en: 'Budget' }, PRICE_BAND_NAMES, (d) => d.budgetBand),
      textColumn({ zh: '期望工期（周）', en: 'Timeline (weeks)' }, (d) => d.timelineWeeks),
      codeColumn({ zh: '状态', en: 'State' }, STATE_NAMES, (d) => d.state),
      { header: { zh: '区级代发', en: 'Posted by district' }, value: (d, lang) => yesNo(d.postedByDistrict, lang) },
      textColumn({ zh: '对接线索数', en: 'Leads' }, (d) => d.leadCount),
      textColumn({ zh: '发布时间', en: 'Posted at' }, (d) => beijingTime(d.createdAt), 18),
    ],
  };
}
