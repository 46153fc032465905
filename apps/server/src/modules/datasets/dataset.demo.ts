import type { DatasetAccessLevel, DatasetFrequency, DatasetLicence, DatasetSource, DatasetTheme } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import { createDatasetRepo } from './dataset.repo.js';
import type { DatasetRow } from './dataset.table.js';

interface DemoDataset {
  code: string;
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  theme: DatasetTheme;
  keywords: string[];
  licence: DatasetLicence;
  frequency: DatasetFrequency;
  accessLevel: DatasetAccessLevel;
  temporalStart: string | null;
  source: DatasetSource;
}

const PUBLISHER = '广州市工业和信息化局';

/**
 * The platform's own datasets registered at seed (issue #16 item 3), with their access levels:
 * the registries, 5G factories and indicator values are open data; private networks are for
 * registered accounts; vulnerability statistics and the uploaded industry statistics are internal.
 */
const DEMO_DATASETS: DemoDataset[] = [
  {
    code: 'gz-5g-indicators-monthly',
    titleZh: '广州市“5G+工业互联网”指标月度值（分区）',
    titleEn: 'Guangzhou 5G + Industrial Internet indicators by district and month',
    descriptionZh: '试点城市建设的各项指标按区、按月的数值，与驾驶舱口径一致。',
    descriptionEn: 'The pilot city indicators by district and month, as the dashboard shows them.',
    theme: 'ECON',
    keywords: ['5G', '工业互联网', '指标', '试点城市'],
    licence: 'CC-BY-4.0',
    frequency: 'monthly',
    accessLevel: 'public',
    temporalStart: '2025-01-01',
    source: { kind: 'query', query: 'indicator_values' },
  },
  {
    code: 'gz-5g-factories',
    titleZh: '广州市 5G 工厂名录',
    titleEn: 'Guangzhou 5G factories',
    descriptionZh: '已登记的 5G 工厂（产线、车间、工厂）及其应用场景数。',
    descriptionEn: 'The registered 5G factories (lines, workshops, factories) and their number of scenarios.',
    theme: 'TECH',
    keywords: ['5G工厂', '应用场景'],
    licence: 'CC-BY-4.0',
    frequency: 'monthly',
    accessLevel: 'public',
    temporalStart: '2025-01-01',
    source: { kind: 'query', query: 'factories' },
  },
  {
    code: 'gz-enterprise-registry',
    titleZh: '广州市工业互联网企业名录',
    titleEn: 'Guangzhou industrial internet enterprise registry',
    descriptionZh: '平台登记的企业：统一社会信用代码、名称、所在区、行业与规模（不含联系人）。',
    descriptionEn: 'Enterprises registered on the platform: credit code, name, district, industry and size (no contacts).',
    theme: 'ECON',
    keywords: ['企业名录', '统一社会信用代码'],
    licence: 'CC-BY-4.0',
    frequency: 'monthly',
    accessLevel: 'public',
    temporalStart: null,
    source: { kind: 'query', query: 'enterprises' },
  },
  {
    code: 'gz-5g-projects',
    titleZh: '广州市“5G+工业互联网”项目库',
    titleEn: 'Guangzhou 5G + Industrial Internet projects',
    descriptionZh: '已申报的项目、所在区、状态与投资额（万元）。',
    descriptionEn: 'Declared projects, their district, state and investment (10k CNY).',
    theme: 'ECON',
    keywords: ['项目库', '投资'],
    licence: 'CC-BY-4.0',
    frequency: 'monthly',
    accessLevel: 'public',
    temporalStart: '2025-01-01',
    source: { kind: 'query', query: 'projects' },
  },
  {
    code: 'gz-5g-private-networks',
    titleZh: '广州市 5G 行业虚拟专网',
    titleEn: 'Guangzhou 5G private networks',
    descriptionZh: '运营商为企业建设的 5G 专网：模式、状态、开通日期。',
    descriptionEn: 'The 5G private networks operators keep for enterprises: mode, state, in-service date.',
    theme: 'TECH',
    keywords: ['5G专网', '运营商'],
    licence: 'restricted',
    frequency: 'monthly',
    accessLevel: 'registered',
    temporalStart: null,
    source: { kind: 'query', query: 'private_networks' },
  },
  {
    code: 'gz-ics-vulnerability-stats',
    titleZh: '工业控制系统漏洞发现统计（月度）',
    titleEn: 'Industrial control system vulnerability findings by month',
    descriptionZh: '按月、按严重程度统计的漏洞发现数与已修复数，供市级分析使用。',
    descriptionEn: 'Findings and fixes by month and severity, for the city’s analysts.',
    theme: 'GOVE',
    keywords: ['漏洞', '工控安全'],
    licence: 'restricted',
    frequency: 'monthly',
    accessLevel: 'internal',
    temporalStart: null,
    source: { kind: 'query', query: 'vulnerability_statistics' },
  },
  {
    code: 'gz-industry-statistics-2025',
    titleZh: '重点行业分区统计（GB/T 4754，2025 年）',
    titleEn: 'Priority industries by district (GB/T 4754, 2025)',
    descriptionZh: '统计部门提供的五大重点行业分区企业数、工业总产值与从业人员数（上传表）。',
    descriptionEn: 'Enterprises, gross output and employees of the five priority industries by district (uploaded table).',
    theme: 'ECON',
    keywords: ['GB/T 4754', '行业统计', '产业集群'],
    licence: 'restricted',
    frequency: 'annual',
    accessLevel: 'internal',
    temporalStart: '2025-01-01',
    source: { kind: 'upload', template: 'industry_statistics' },
  },
];

/** The five priority sectors' GB/T 4754 divisions. */
const INDUSTRIES: Array<[string, string]> = [
  ['C36', '汽车制造业'],
  ['C39', '计算机、通信和其他电子设备制造业'],
  ['C35', '专用设备制造业'],
  ['C38', '电气机械和器材制造业'],
  ['C26', '化学原料和化学制品制造业'],
];

/** The uploaded table's rows: deterministic figures per district and industry. */
export function demoIndustryStatistics(districtCodes: readonly string[]): DatasetRow[] {
  return districtCodes.flatMap((district, d) =>
    INDUSTRIES.map(([code, name], i) => {
      const enterprises = 12 + ((d * 7 + i * 13) % 60);
      return {
        period: '2025',
        district_code: district,
        industry_code: code,
        industry_name: name,
        enterprises,
        output_value: Math.round(enterprises * (5200 + ((d * 31 + i * 17) % 90) * 113) * 100) / 100,
        employees: enterprises * (85 + ((d + i * 3) % 40)),
      };
    }),
  );
}

/** Registers the demo datasets; distributions are generated by the catalogue's refresh. */
export async function loadDatasetDemo(
  db: DbOrTx,
  o: { now: Date; districtCodes: readonly string[]; createdBy: string | null },
): Promise<number> {
  const repo = createDatasetRepo(db);
  for (const d of DEMO_DATASETS) {
    await repo.insert({
      ...d,
      publisher: PUBLISHER,
      temporalEnd: null,
      spatial: '广州市',
      uploadRows: d.source.kind === 'upload' ? demoIndustryStatistics(o.districtCodes) : null,
      createdBy: o.createdBy,
      createdAt: o.now,
      updatedAt: o.now,
    });
  }
  return DEMO_DATASETS.length;
}
