import { FACTORY_LEVELS, type Factory } from '@suilian/contracts';
import { normaliseDateText, parseWhole } from '../../platform/tabular/cells.js';
import { type ChoiceLookup, choiceLookup, splitList } from '../../platform/tabular/choices.js';
import { type CellProblem, columnAt } from '../../platform/tabular/report.js';
import type { TableColumn, TableSpec } from '../../platform/tabular/spec.js';

/** Districts resolve to organisation ids, scenarios to codes. */
export interface FactoryLookups {
  districts: ChoiceLookup;
  scenarios: ChoiceLookup;
}

/** The enterprise a row names, as the importer found it. */
export interface EnterpriseRef {
  id: string;
  name: string;
  districtId: string | null;
}

/** A linked project as the importer found it by its code. */
export interface ProjectRef {
  id: string;
  enterpriseId: string;
}

export const FACTORY_LEVEL_NAMES: Record<(typeof FACTORY_LEVELS)[number], string> = {
  line: '产线级',
  workshop: '车间级',
  factory: '工厂级',
};
const levels = choiceLookup(
  FACTORY_LEVELS.map((code) => ({ code, name: FACTORY_LEVEL_NAMES[code], aliases: [FACTORY_LEVEL_NAMES[code].replace(/级$/, '')] })),
);
const STARS = ['1', '2', '3', '4', '5'] as const;
/** A scenario that is not in the code list is written with this prefix (as in the project sheet). */
export const CUSTOM_PREFIX = '自定义：';

const SCENARIO_COLUMNS = [
  ['mainScenarios', '应用场景（生产环节）', 'main_production'],
  ['auxScenarios', '应用场景（辅助环节）', 'auxiliary'],
] as const;

/** The columns of the factory template, export and import, in sheet order. */
export function factorySpec(l: FactoryLookups): TableSpec {
  const columns: TableColumn[] = [
    { header: '工厂名称', key: 'name', required: true, width: 32, note: '同一企业的工厂名称不可重复' },
    { header: '企业统一社会信用代码', key: 'enterpriseCreditCode', width: 22, note: '运营工厂的企业；企业用户可留空（即本企业）' },
    { header: '企业名称', key: 'enterpriseName', width: 30, note: '可留空；填写时须与信用代码对应的企业名称一致' },
    { header: '工厂级别', key: 'level', required: true, choices: levels.names, note: '产线级、车间级或工厂级' },
    { header: '所在区', key: 'district', choices: l.districts.names, note: '留空则为企业所在区' },
    { header: '地址', key: 'address', width: 36 },
    { header: '国家5G工厂名录年份', key: 'nationalListYear', width: 20, note: '列入工业和信息化部5G工厂名录的年份（2019 起），未列入留空' },
    { header: '星级', key: 'starRating', choices: STARS, note: '1–5，未评定留空' },
    ...SCENARIO_COLUMNS.map(([key, header]) => ({
      header,
      key,
      width: 48,
      choices: l.scenarios.names,
      freeText: true,
      note: `每个场景写作“场景名称@上线日期”（如 机器视觉质检@2026-03-01），未上线的只写名称；多个场景以“；”或换行分隔；不在清单中的场景写作“${CUSTOM_PREFIX}名称@日期”`,
    })),
    { header: '关联项目编号', key: 'projectCodes', width: 30, note: '本企业“5G+工业互联网”项目的编号（如 XM2026000001），多个以“；”分隔' },
  ];
  return {
    sheet: '5G工厂信息',
    columns,
    rules: [
      '每行一个5G工厂；第 1 行为列名，请勿修改或删除必填列。',
      '应用场景格式：场景名称@上线日期，例如“机器视觉质检@2026-03-01；设备故障诊断@2026-05-10”。日期可写 2026-03-01、2026/3/1 或 2026年3月1日；未上线的场景只写名称。上线日期已到的场景计为在用场景（≥ 10 个计入 T-APP-1）。',
      '生产环节与辅助环节的场景分列填写；清单外的场景写作“自定义：名称@日期”。',
      '关联项目只能是同一企业的项目，按项目编号填写。',
      '同一企业的工厂名称不可与已登记工厂或本文件其他行重复。',
      '区级用户只能导入本区企业的工厂；企业用户只能导入本企业的工厂。',
      '导入方式：默认全部校验通过才写入；选择“仅导入有效行”时写入通过校验的行，其余行列入报告。',
    ],
  };
}

/**
 * A sheet row as the API's create body, the problems reading it, and which column each scenario
 * came from. `projects` are the projects the codes name (any enterprise: the schema's caller checks).
 */
export function factoryInput(
  cells: Record<string, string>,
  l: FactoryLookups,
  enterprise: EnterpriseRef | null,
  projects: ReadonlyMap<string, ProjectRef>,
) {
  const input: Record<string, unknown> = {};
  const problems: CellProblem[] = [];
  const text = (key: string) => cells[key] ?? '';
  for (const key of ['name', 'address']) if (text(key)) input[key] = text(key);
  if (enterprise) input.enterpriseId = enterprise.id;

  const level = text('level');
  if (level) {
    const code = levels.resolve(level);
    if (code) input.level = code;
    else problems.push({ column: '工厂级别', rule: 'choice', message: `${level}: write 产线级, 车间级 or 工厂级` });
  }
  const district = text('district');
  if (district) {
    const id = l.districts.resolve(district);
    // The enterprise's own district is the default: naming it is the same as leaving the cell empty.
    if (!id) problems.push({ column: '所在区', rule: 'district', message: `${district} is not a district of Guangzhou` });
    else if (id !== enterprise?.districtId) input.districtId = id;
  }
  const whole = (key: string, header: string, value: string) => {
    const n = parseWhole(value);
    if (typeof n === 'number') input[key] = n;
    else if (typeof n === 'string') problems.push({ column: header, rule: 'integer', message: `${n} is not a whole number` });
  };
  whole('nationalListYear', '国家5G工厂名录年份', text('nationalListYear'));
  whole('starRating', '星级', text('starRating').replace(/\s*星$/, ''));

  const scenarios: Array<Record<string, unknown>> = [];
  const scenarioColumns: string[] = [];
  for (const [key, header, category] of SCENARIO_COLUMNS) {
    for (const item of splitList(text(key))) {
      const at = Math.max(item.lastIndexOf('@'), item.lastIndexOf('＠'));
      const label = (at >= 0 ? item.slice(0, at) : item).trim();
      const dateText = at >= 0 ? item.slice(at + 1).trim() : '';
      const goLiveDate = dateText ? normaliseDateText(dateText) : null;
      if (goLiveDate !== null && !/^\d{4}-\d{2}-\d{2}$/.test(goLiveDate)) {
        problems.push({
          column: header,
          rule: 'date',
          message: `${item}: ${dateText} is not a date; write the scenario as 名称@2026-03-01`,
        });
        continue;
      }
      const custom = label.match(/^自定义[:：]\s*(.*)$/);
      if (custom) scenarios.push({ code: null, customName: custom[1] ?? '', category, goLiveDate });
      else {
        const code = l.scenarios.resolve(label);
        if (!code) {
          problems.push({
            column: header,
            rule: 'code_list',
            message: `${label} is not an active scenario; choose one from the list or write ${CUSTOM_PREFIX}${label}`,
          });
          continue;
        }
        scenarios.push({ code, category, goLiveDate });
      }
      scenarioColumns.push(header);
    }
  }
  if (scenarios.length > 0) input.scenarios = scenarios;

  const projectIds: string[] = [];
  for (const code of new Set(splitList(text('projectCodes')).map((c) => c.toUpperCase()))) {
    const project = projects.get(code);
    if (!project) problems.push({ column: '关联项目编号', rule: 'exists', message: `no project ${code} in your scope` });
    else if (enterprise && project.enterpriseId !== enterprise.id)
      problems.push({ column: '关联项目编号', rule: 'same_enterprise', message: `${code} is a project of another enterprise` });
    else projectIds.push(project.id);
  }
  if (projectIds.length > 0) input.projectIds = projectIds;
  return { input, problems, scenarioColumns };
}

const FIELD_COLUMN: Record<string, string> = {
  name: 'name',
  address: 'address',
  enterpriseId: 'enterpriseCreditCode',
  level: 'level',
  districtId: 'district',
  nationalListYear: 'nationalListYear',
  starRating: 'starRating',
  projectIds: 'projectCodes',
};

/** The column that supplied the value at a schema path (scenarios: the column the item was in). */
export function factoryColumnOf(path: readonly PropertyKey[], scenarioColumns: readonly string[], spec: TableSpec): TableColumn | null {
  return columnAt(spec, FIELD_COLUMN, { field: 'scenarios', headers: scenarioColumns, fallback: SCENARIO_COLUMNS[0][1] })(path);
}

/** A factory as a sheet row: names for ids and codes, scenarios as 名称@上线日期 per category. */
export function factoryCells(
  f: Factory,
  creditCode: string,
  projectCode: (id: string) => string,
  scenarioName: (code: string) => string,
): Record<string, string> {
  const scenarios = (category: string) =>
    f.scenarios
      .filter((s) => s.category === category)
      .map((s) => {
        const name = s.code ? scenarioName(s.code) : `${CUSTOM_PREFIX}${s.customName ?? s.name}`;
        // A name holding @ gets an empty date after it, so the last @ still separates name and date.
        return s.goLiveDate ? `${name}@${s.goLiveDate}` : /[@＠]/.test(name) ? `${name}@` : name;
      })
      .join('；');
  return {
    name: f.name,
    enterpriseCreditCode: creditCode,
    enterpriseName: f.enterpriseName,
    level: FACTORY_LEVEL_NAMES[f.level],
    district: f.districtName,
    address: f.address ?? '',
    nationalListYear: f.nationalListYear === null ? '' : String(f.nationalListYear),
    starRating: f.starRating === null ? '' : String(f.starRating),
    mainScenarios: scenarios('main_production'),
    auxScenarios: scenarios('auxiliary'),
    projectCodes: f.projectIds.map(projectCode).join('；'),
  };
}
