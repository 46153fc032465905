import type { API, Organisation } from '@suilian/contracts';
import { codeColumn, type ListExport, textColumn, type Worded } from '../../platform/tabular/list-export.js';
import type { OrganisationService } from './organisation.service.js';

const KIND_NAMES: Record<Organisation['kind'], Worded> = {
  city: { zh: '市级', en: 'City' },
  district: { zh: '区级', en: 'District' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  provider: { zh: '服务商', en: 'Service provider' },
  expert_pool: { zh: '专家库', en: 'Expert pool' },
  bank: { zh: '银行', en: 'Bank' },
};
const PROVIDER_NAMES: Record<NonNullable<Organisation['providerType']>, Worded> = {
  operator: { zh: '运营商', en: 'Operator' },
  service_provider: { zh: '服务商', en: 'Service provider' },
};

/** 组织清单: the organisations in the caller's reach, filtered as the list (#12 item 7). */
export function organisationExport(
  organisations: Pick<OrganisationService, 'list'>,
): ListExport<typeof API.exportOrganisations, Organisation> {
  return {
    name: { zh: '组织清单', en: 'Organisations' },
    list: (actor, query) => organisations.list(actor, query),
    columns: [
      textColumn({ zh: '名称', en: 'Name' }, (o) => o.name, 36),
      codeColumn({ zh: '类型', en: 'Kind' }, KIND_NAMES, (o) => o.kind),
      codeColumn({ zh: '服务商类型', en: 'Provider type' }, PROVIDER_NAMES, (o) => o.providerType),
      textColumn({ zh: '统一社会信用代码', en: 'Credit code' }, (o) => o.creditCode, 22),
      textColumn({ zh: '行政区划代码', en: 'Division code' }, (o) => o.divisionCode),
      textColumn({ zh: '地址', en: 'Address' }, (o) => o.address, 40),
      textColumn({ zh: '联系人', en: 'Contact' }, (o) => o.contactName),
      textColumn({ zh: '联系电话', en: 'Phone' }, (o) => o.contactPhone),
    ],
  };
}
