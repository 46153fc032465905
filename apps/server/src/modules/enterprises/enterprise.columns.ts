import type { Contact, Enterprise, ImportRejection } from '@suilian/contracts';
import { parseYesNo } from '../../platform/tabular/cells.js';
import { type ChoiceLookup, splitList } from '../../platform/tabular/choices.js';
import type { TableColumn, TableSpec } from '../../platform/tabular/spec.js';

/** Code lists and districts the sheet's names resolve against (districts resolve to organisation ids). */
export interface EnterpriseLookups {
  districts: ChoiceLookup;
  industry: ChoiceLookup;
  cluster: ChoiceLookup;
  sizeClass: ChoiceLookup;
}

const YES_NO = ['是', '否'] as const;
const CONTACT_FORMAT = '姓名|职务|电话|邮箱';

/** The columns of the enterprise template, export and import, in sheet order. */
export function enterpriseSpec(l: EnterpriseLookups): TableSpec {
  const columns: TableColumn[] = [
    { header: '企业名称', key: 'name', required: true, width: 36, note: '营业执照上的全称' },
    { header: '统一社会信用代码', key: 'creditCode', required: true, width: 22, note: '18 位，按 GB 32100-2015 校验码检查' },
    { header: '所在区', key: 'district', required: true, choices: l.districts.names, note: '区名（如 天河区）或行政区划代码（如 440106）' },
    { header: '英文名称', key: 'nameEn', width: 30 },
    { header: '地址', key: 'address', width: 36 },
    { header: '所属行业', key: 'industry', choices: l.industry.names, width: 30, note: 'GB/T 4754-2017 制造业大类，名称或代码' },
    { header: '产业集群', key: 'cluster', choices: l.cluster.names, width: 22 },
    { header: '企业规模', key: 'sizeClass', choices: l.sizeClass.names },
    { header: '是否规上企业', key: 'aboveScale', type: 'bool', choices: YES_NO, note: '是 / 否，空为否' },
    { header: '主要产品', key: 'mainProducts', width: 30 },
    { header: '企业简介', key: 'description', width: 40 },
    { header: '联系人', key: 'contactName' },
    { header: '联系人职务', key: 'contactTitle' },
    { header: '联系电话', key: 'contactPhone', width: 16 },
    { header: '电子邮箱', key: 'contactEmail', width: 24 },
    { header: '其他联系人', key: 'otherContacts', width: 36, note: `每行一人：${CONTACT_FORMAT}，不填的项留空` },
  ];
  return {
    sheet: '企业信息',
    columns,
    rules: [
      '每行一家企业；第 1 行为列名，请勿修改或删除列名（可删除非必填列）。',
      '统一社会信用代码不可与已登记企业或本文件其他行重复。',
      '所在区、所属行业、产业集群、企业规模请从下拉列表选择，也可填写代码。',
      '导入方式：默认全部校验通过才写入；选择“仅导入有效行”时写入通过校验的行，其余行列入报告。',
      '区级用户只能导入本区企业。',
    ],
  };
}

/** A sheet row as the API's create body, plus the problems found resolving names to codes. */
export function enterpriseInput(cells: Record<string, string>, l: EnterpriseLookups, defaultDistrictId: string | null) {
  const input: Record<string, unknown> = {};
  const problems: Array<Omit<ImportRejection, 'row'> & { field: string }> = [];
  const text = (key: string) => cells[key] ?? '';
  for (const key of ['name', 'nameEn', 'creditCode', 'address', 'mainProducts', 'description'] as const)
    if (text(key)) input[key] = text(key);

  const district = text('district');
  if (!district) {
    if (defaultDistrictId) input.districtId = defaultDistrictId;
  } else {
    const id = l.districts.resolve(district);
    if (id) input.districtId = id;
    else problems.push({ field: 'districtId', column: '所在区', rule: 'district', message: `${district} is not a district of Guangzhou` });
  }
  const coded = [
    ['industry', 'industryCode', '所属行业', 'industry'],
    ['cluster', 'clusterCode', '产业集群', 'cluster'],
    ['sizeClass', 'sizeClass', '企业规模', 'size_class'],
  ] as const;
  for (const [key, field, column, list] of coded) {
    const value = text(key);
    if (!value) continue;
    const code = l[key].resolve(value);
    if (code) input[field] = code;
    else problems.push({ field, column, rule: 'code_list', message: `${value} is not an active value of the ${list} code list` });
  }
  const above = parseYesNo(text('aboveScale'));
  if (typeof above === 'boolean') input.aboveScale = above;
  else if (typeof above === 'string')
    problems.push({ field: 'aboveScale', column: '是否规上企业', rule: 'yes_no', message: `${above}: write 是 or 否` });

  const contacts: Array<Record<string, string>> = [];
  const sources: string[] = [];
  const primary = { name: text('contactName'), title: text('contactTitle'), phone: text('contactPhone'), email: text('contactEmail') };
  if (Object.values(primary).some(Boolean)) {
    contacts.push(primary);
    sources.push('primary');
  }
  for (const line of splitList(text('otherContacts'))) {
    const [name = '', title = '', phone = '', email = ''] = line.split('|').map((s) => s.trim());
    contacts.push({ name, title, phone, email });
    sources.push('other');
  }
  if (contacts.length > 0) input.contacts = contacts.map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== '')));
  return { input, problems, contactSources: sources };
}

const FIELD_COLUMN: Record<string, string> = {
  name: 'name',
  nameEn: 'nameEn',
  creditCode: 'creditCode',
  address: 'address',
  mainProducts: 'mainProducts',
  description: 'description',
  districtId: 'district',
  industryCode: 'industry',
  clusterCode: 'cluster',
  sizeClass: 'sizeClass',
  aboveScale: 'aboveScale',
};
const CONTACT_COLUMN: Record<string, string> = { name: 'contactName', title: 'contactTitle', phone: 'contactPhone', email: 'contactEmail' };

/** The column key that supplied the value at a schema path. */
export function enterpriseColumnKey(path: readonly PropertyKey[], contactSources: readonly string[]): string | null {
  const [field, index, sub] = path;
  if (field === 'contacts') {
    if (typeof index !== 'number') return 'contactName';
    return contactSources[index] === 'primary' ? (CONTACT_COLUMN[String(sub)] ?? 'contactName') : 'otherContacts';
  }
  return FIELD_COLUMN[String(field)] ?? null;
}

/** An enterprise as a sheet row: names for codes, 是/否, contacts split over the contact columns. */
export function enterpriseCells(e: Enterprise, l: Pick<EnterpriseLookups, 'industry' | 'cluster' | 'sizeClass'>): Record<string, string> {
  const [first, ...others] = e.contacts;
  return {
    name: e.name,
    creditCode: e.creditCode ?? '',
    district: e.districtName,
    nameEn: e.nameEn ?? '',
    address: e.address ?? '',
    industry: e.industryCode ? l.industry.nameOf(e.industryCode) : '',
    cluster: e.clusterCode ? l.cluster.nameOf(e.clusterCode) : '',
    sizeClass: e.sizeClass ? l.sizeClass.nameOf(e.sizeClass) : '',
    aboveScale: e.aboveScale ? '是' : '否',
    mainProducts: e.mainProducts ?? '',
    description: e.description ?? '',
    contactName: first?.name ?? '',
    contactTitle: first?.title ?? '',
    contactPhone: first?.phone ?? '',
    contactEmail: first?.email ?? '',
    otherContacts: others.map(contactLine).join('\n'),
  };
}

function contactLine(c: Contact): string {
  return [c.name, c.title ?? '', c.phone ?? '', c.email ?? ''].join('|').replace(/\|+$/, '');
}
