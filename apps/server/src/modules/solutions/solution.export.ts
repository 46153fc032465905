import type { API, PriceBand, Solution } from '@suilian/contracts';
import { beijingTime, codeColumn, type ListExport, textColumn, type Worded } from '../../platform/tabular/list-export.js';
import type { SolutionService } from './solution.service.js';

/** The price bands as the console words them (also the solutions' export). */
export const PRICE_BAND_NAMES: Record<PriceBand, Worded> = {
  under_10: { zh: '10万元以下', en: 'Under ¥100k' },
  '10_50': { zh: '10–50万元', en: '¥100k–500k' },
  '50_200': { zh: '50–200万元', en: '¥500k–2M' },
  '200_500': { zh: '200–500万元', en: '¥2M–5M' },
  over_500: { zh: '500万元以上', en: 'Over ¥5M' },
};

const STATE_NAMES: Record<Solution['state'], Worded> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审核', en: 'Awaiting review' },
  published: { zh: '已发布', en: 'Published' },
  returned: { zh: '退回修改', en: 'Returned' },
  retired: { zh: '已下架', en: 'Retired' },
};
const DELIVERY_NAMES: Record<NonNullable<Solution['deliveryModel']>, Worded> = {
  saas: { zh: 'SaaS 订阅', en: 'SaaS' },
  on_premises: { zh: '本地部署', en: 'On-premises' },
  hybrid: { zh: '混合部署', en: 'Hybrid' },
};

/** 解决方案清单 (#12 item 7): what the list shows the caller; contacts stay out, as on the public list. */
export function solutionExport(solutions: Pick<SolutionService, 'list'>): ListExport<typeof API.exportSolutions, Solution> {
  return {
    name: { zh: '解决方案清单', en: 'Solutions' },
    list: (actor, query) => solutions.list(actor, query),
    columns: [
      textColumn({ zh: '方案名称', en: 'Title' }, (s) => s.title, 40),
      textColumn({ zh: '服务商', en: 'Provider' }, (s) => s.providerName, 32),
      textColumn({ zh: '适用行业', en: 'Industries' }, (s) => s.industries.map((i) => i.name).join('、'), 28),
      textColumn({ zh: '应用场景', en: 'Scenarios' }, (s) => s.scenarios.map((i) => i.name).join('、'), 32),
      codeColumn({ zh: '价格区间', en: 'Price band' }, PRICE_BAND_NAMES, (s) => s.priceBand),
      textColumn({ zh: '部署周期（周）', en: 'Deployment (weeks)' }, (s) => s.deploymentWeeks),
      codeColumn({ zh: '交付方式', en: 'Delivery' }, DELIVERY_NAMES, (s) => s.deliveryModel),
      codeColumn({ zh: '状态', en: 'State' }, STATE_NAMES, (s) => s.state),
      textColumn({ zh: '发布时间', en: 'Published at' }, (s) => beijingTime(s.publishedAt), 18),
    ],
  };
}
