import { type ImportRejection, NETWORK_MODES, type Project, type ProjectState } from '@suilian/contracts';
import { type ChoiceLookup, choiceLookup, splitList } from '../../platform/tabular/choices.js';
import { columnAt } from '../../platform/tabular/report.js';
import type { TableColumn, TableSpec } from '../../platform/tabular/spec.js';

/** Districts and operators resolve to organisation ids, scenarios to codes. */
export interface ProjectLookups {
  districts: ChoiceLookup;
  operators: ChoiceLookup;
  scenarios: ChoiceLookup;
}

/** The enterprise a row names, as the importer found it. */
export interface EnterpriseRef {
  id: string;
  name: string;
  districtId: string | null;
}

export const NETWORK_MODE_NAMES: Record<(typeof NETWORK_MODES)[number], string> = {
  virtual: '虚拟专网',
  hybrid: '混合专网',
  dedicated: '独立专网',
};
const networkModes = choiceLookup(NETWORK_MODES.map((code) => ({ code, name: NETWORK_MODE_NAMES[code] })));
/** Project states as the console words them (glossary), for the export's 状态 column. */
export const PROJECT_STATE_NAMES: Record<ProjectState, string> = {
  draft: '草稿',
  submitted: '已申报',
  returned: '退回修改',
  city_review: '市级审核',
  rejected: '不予通过',
  approved: '审核通过',
  under_construction: '在建',
  built: '建成',
  accepted: '已验收',
  cancelled: '已撤销',
};

/** A scenario that is not in the code list is written with this prefix. */
export const CUSTOM_PREFIX = '自定义：';

const SCENARIO_COLUMNS = [
  ['mainScenarios', '应用场景（生产环节）', 'main_production'],
  ['auxScenarios', '应用场景（辅助环节）', 'auxiliary'],
] as const;

/** The columns of the project template, export and import, in sheet order. */
export function projectSpec(l: ProjectLookups): TableSpec {
  const columns: TableColumn[] = [
    { header: '项目名称', key: 'title', required: true, width: 40 },
    { header: '企业统一社会信用代码', key: 'enterpriseCreditCode', width: 22, note: '申报企业；企业用户可留空（即本企业）' },
    { header: '企业名称', key: 'enterpriseName', width: 30, note: '可留空；填写时须与信用代码对应的企业名称一致' },
    { header: '项目所在区', key: 'district', choices: l.districts.names, note: '留空则为企业所在区' },
    { header: '项目简介', key: 'description', width: 40 },
    { header: '国家平台备案号', key: 'filingId', width: 22, note: '6–40 位字母、数字或 -，不可重复' },
    ...SCENARIO_COLUMNS.map(([key, header]) => ({
      header,
      key,
      width: 36,
      choices: l.scenarios.names,
      freeText: true,
      note: `可填多个，以“；”或换行分隔；不在清单中的场景写作“${CUSTOM_PREFIX}名称”`,
    })),
    { header: '网络运营商', key: 'operator', width: 28, choices: l.operators.names, note: '已登记的运营商或服务商名称，或其信用代码' },
    { header: '网络模式', key: 'networkMode', choices: networkModes.names },
    { header: '总投资（万元）', key: 'investmentTotal', type: 'money', note: '非负，最多两位小数' },
    { header: '5G投资（万元）', key: 'investment5g', type: 'money', note: '非负，不超过总投资' },
    { header: '计划开始日期', key: 'plannedStart', type: 'date' },
    { header: '计划完成日期', key: 'plannedEnd', type: 'date', note: '不早于计划开始日期' },
    { header: '实际开始日期', key: 'actualStart', type: 'date' },
    { header: '实际完成日期', key: 'actualEnd', type: 'date', note: '不早于实际开始日期' },
  ];
  return {
    sheet: '项目信息',
    columns,
    rules: [
      '每行一个项目，导入后为“草稿”状态，由企业提交申报。第 1 行为列名，请勿修改或删除必填列。',
      '国家平台备案号不可与已有项目或本文件其他行重复。',
      '区级用户只能导入本区企业的项目；企业用户只能导入本企业的项目。',
      '导入方式：默认全部校验通过才写入；选择“仅导入有效行”时写入通过校验的行，其余行列入报告。',
    ],
  };
}

type Problem = Omit<ImportRejection, 'row'> & { field: string };

/** A sheet row as the API's create body, the problems resolving names, and which column each scenario came from. */
export function projectInput(cells: Record<string, string>, l: ProjectLookups, enterprise: EnterpriseRef | null) {
  const input: Record<string, unknown> = {};
  const problems: Problem[] = [];
  const text = (key: string) => cells[key] ?? '';
  for (const key of [
    'title',
    'description',
    'filingId',
    'investmentTotal',
    'investment5g',
    'plannedStart',
    'plannedEnd',
    'actualStart',
    'actualEnd',
  ])
    if (text(key)) input[key] = text(key);
  if (enterprise) input.enterpriseId = enterprise.id;

  const district = text('district');
  if (district) {
    const id = l.districts.resolve(district);
    if (id) input.districtId = id;
    else
      problems.push({ field: 'districtId', column: '项目所在区', rule: 'district', message: `${district} is not a district of Guangzhou` });
  } else if (enterprise?.districtId) input.districtId = enterprise.districtId;

  const operator = text('operator');
  if (operator) {
    const id = l.operators.resolve(operator);
    if (id) input.operatorId = id;
    else
      problems.push({
        field: 'operatorId',
        column: '网络运营商',
        rule: 'exists',
        message: `${operator} is not one registered operator or service provider; write its exact name or its credit code`,
      });
  }
  const mode = text('networkMode');
  if (mode) {
    const code = networkModes.resolve(mode);
    if (code) input.networkMode = code;
    else
      problems.push({ field: 'networkMode', column: '网络模式', rule: 'choice', message: `${mode}: write 虚拟专网, 混合专网 or 独立专网` });
  }

  const scenarios: Array<Record<string, unknown>> = [];
  const scenarioColumns: string[] = [];
  for (const [key, header, category] of SCENARIO_COLUMNS) {
    for (const item of splitList(text(key))) {
      const custom = item.match(/^自定义[:：]\s*(.*)$/);
      if (custom) scenarios.push({ code: null, customName: custom[1] ?? '', category });
      else {
        const code = l.scenarios.resolve(item);
        if (!code) {
          problems.push({
            field: 'scenarios',
            column: header,
            rule: 'code_list',
            message: `${item} is not an active scenario; choose one from the list or write ${CUSTOM_PREFIX}${item}`,
          });
          continue;
        }
        scenarios.push({ code, category });
      }
      scenarioColumns.push(header);
    }
  }
  if (scenarios.length > 0) input.scenarios = scenarios;
  return { input, problems, scenarioColumns };
}

const FIELD_COLUMN: Record<string, string> = {
  title: 'title',
  description: 'description',
  filingId: 'filingId',
  districtId: 'district',
  enterpriseId: 'enterpriseCreditCode',
  operatorId: 'operator',
  networkMode: 'networkMode',
  investmentTotal: 'investmentTotal',
  investment5g: 'investment5g',
  plannedStart: 'plannedStart',
  plannedEnd: 'plannedEnd',
  actualStart: 'actualStart',
  actualEnd: 'actualEnd',
};

/** The column key (or, for scenarios, the header) that supplied the value at a schema path. */
export function projectColumnOf(path: readonly PropertyKey[], scenarioColumns: readonly string[], spec: TableSpec): TableColumn | null {
  return columnAt(spec, FIELD_COLUMN, { field: 'scenarios', headers: scenarioColumns, fallback: SCENARIO_COLUMNS[0][1] })(path);
}

/** A project as a sheet row: names for ids and codes, scenarios split by category. */
/**
 * The export's columns: the template's plus the project code first and the worded state last
 * (#12 item 7). Imports read with this spec too, so an exported file goes back in; the two
 * extra columns are informational and ignored (the code is assigned, the state starts as draft).
 */
export function projectExportSpec(l: ProjectLookups): TableSpec {
  const base = projectSpec(l);
  return {
    ...base,
    columns: [
      { header: '项目编号', key: 'code', width: 16, note: '导出时填写；导入时忽略（系统编号）' },
      ...base.columns,
      { header: '状态', key: 'state', width: 12, note: '导出时填写；导入时忽略（导入后为草稿）' },
    ],
  };
}

/** One project as an export row (projectExportSpec's columns). */
export function projectExportCells(p: Project, creditCode: string, scenarioName: (code: string) => string): Record<string, string> {
  return { code: p.code, ...projectCells(p, creditCode, scenarioName), state: PROJECT_STATE_NAMES[p.state] };
}

export function projectCells(p: Project, creditCode: string, scenarioName: (code: string) => string): Record<string, string> {
  const scenarios = (category: string) =>
    p.scenarios
      .filter((s) => s.category === category)
      .map((s) => (s.code ? scenarioName(s.code) : `${CUSTOM_PREFIX}${s.customName ?? s.name}`))
      .join('；');
  return {
    title: p.title,
    enterpriseCreditCode: creditCode,
    enterpriseName: p.enterpriseName,
    district: p.districtName,
    description: p.description ?? '',
    filingId: p.filingId ?? '',
    mainScenarios: scenarios('main_production'),
    auxScenarios: scenarios('auxiliary'),
    operator: p.operatorName ?? '',
    networkMode: p.networkMode ? NETWORK_MODE_NAMES[p.networkMode] : '',
    investmentTotal: p.investmentTotal ?? '',
    investment5g: p.investment5g ?? '',
    plannedStart: p.plannedStart ?? '',
    plannedEnd: p.plannedEnd ?? '',
    actualStart: p.actualStart ?? '',
    actualEnd: p.actualEnd ?? '',
  };
}
