import { PATENT_NUMBER_RULE, parsePatentNumber, REGISTRY_DATA_SCHEMAS, type RegistryKey, type RegistryRecord } from '@suilian/contracts';
import type { z } from 'zod';
import { parseWhole, parseYesNo } from '../../platform/tabular/cells.js';
import { type ChoiceLookup, choiceLookup, splitList } from '../../platform/tabular/choices.js';
import type { CellProblem } from '../../platform/tabular/report.js';
import type { TableColumn, TableSpec } from '../../platform/tabular/spec.js';
import { UNIQUE_FIELD } from './registry-rules.js';

/**
 * How a data field is written in a cell. Text, dates, whole numbers and choices follow from the
 * field's schema; the three fields whose schema says less (a transformed patent number, the
 * trainee list, a reference to another record) are named in their sheet entry.
 */
export type RegistryFieldType = 'text' | 'date' | 'int' | 'choice' | 'patent' | 'trainees' | 'platform';

/** What the sheet says about one data field: its Chinese header, the labels of its values. */
interface FieldSheet {
  header: string;
  /** Chinese label of each value of a choice field (every value of the schema's enum). */
  labels?: Record<string, string>;
  /** Other spellings accepted for a value. */
  aliases?: Record<string, readonly string[]>;
  /** For fields whose schema does not say how the cell reads. */
  type?: 'patent' | 'trainees' | 'platform';
  note?: string;
  width?: number;
}

interface RegistrySheet {
  /** The registry's Chinese name: sheet, download names. */
  name: string;
  /** Headers of the record's title and date (as the console labels them). */
  title: string;
  date: string;
  fields: Record<string, FieldSheet>;
  /** Rules of this registry for the 说明 sheet. */
  rules?: readonly string[];
}

const TRAINEE_FORMAT = '姓名|单位|是否结业';

/** The Chinese face of each registry's sheet; the fields and their values come from REGISTRY_DATA_SCHEMAS. */
export const REGISTRY_SHEETS: Record<RegistryKey, RegistrySheet> = {
  standards: {
    name: '标准',
    title: '标准名称',
    date: '发布（立项）日期',
    fields: {
      level: {
        header: '标准级别',
        labels: { international: '国际标准', national: '国家标准', industry: '行业标准', group: '团体标准' },
        aliases: { international: ['国际'], national: ['国家', '国标'], industry: ['行业', '行标'], group: ['团体', '团标'] },
      },
      role: {
        header: '参与方式',
        labels: { led: '主导', participated: '参与' },
        aliases: { led: ['主导制定'], participated: ['参与制定'] },
      },
      number: { header: '标准编号', width: 24, note: '如 GB/T 12345-2024；已登记的标准编号不可重复' },
      status: { header: '标准状态', labels: { drafting: '制定中', approved: '已批准', published: '已发布' } },
    },
    rules: ['标准编号不可与已登记标准或本文件其他行重复（不分大小写）。'],
  },
  patents: {
    name: '专利',
    title: '专利名称',
    date: '登记日期',
    fields: {
      number: {
        header: '专利号（申请号）',
        type: 'patent',
        width: 24,
        note: '如 ZL201710601862.3 或 201710601862.3，按校验位检查；已登记的专利号不可重复',
      },
      kind: {
        header: '专利类型',
        labels: { invention: '发明专利', utility_model: '实用新型', design: '外观设计' },
        aliases: { invention: ['发明'], utility_model: ['实用新型专利'], design: ['外观设计专利'] },
        note: '须与申请号第 5 位（专利类型）一致',
      },
      applicationDate: { header: '申请日期' },
      grantDate: { header: '授权日期', note: '不早于申请日期；未授权留空' },
      owner: { header: '专利权人', width: 30 },
    },
    rules: ['专利号按国家知识产权局申请号规则（含校验位）检查，不可与已登记专利或本文件其他行重复。'],
  },
  'pilot-projects': {
    name: '试点示范项目',
    title: '项目名称',
    date: '公布日期',
    fields: {
      listName: { header: '名单名称', width: 36 },
      level: { header: '级别', labels: { national: '国家级', provincial: '省级' }, aliases: { national: ['国家'], provincial: ['省'] } },
      year: { header: '入选年度' },
    },
  },
  carriers: {
    name: '产教融合载体',
    title: '载体名称',
    date: '认定日期',
    fields: {
      kind: {
        header: '载体类型',
        labels: {
          industry_college: '现代产业学院',
          school_enterprise_base: '校企协同育人示范基地',
          training_base: '实训基地',
          other: '其他',
        },
      },
      partnerSchool: { header: '合作院校', width: 30 },
    },
  },
  platforms: {
    name: '公共服务平台',
    title: '平台名称',
    date: '登记日期',
    fields: { operator: { header: '运营单位', width: 30 }, sector: { header: '服务行业' }, launchDate: { header: '上线日期' } },
  },
  events: {
    name: '活动',
    title: '活动名称',
    date: '举办日期',
    fields: {
      kind: {
        header: '活动类型',
        labels: { exchange_meeting: '交流会议', training: '培训活动', case_release: '案例发布', hundred_cities: '百城千园行' },
      },
      organiser: { header: '主办单位', width: 30 },
      attendance: { header: '参会人数' },
    },
  },
  trainings: {
    name: '培训',
    title: '培训名称',
    date: '开班日期',
    fields: {
      organiser: { header: '主办单位', width: 30 },
      endDate: { header: '结束日期' },
      trainees: {
        header: '学员名单',
        type: 'trainees',
        width: 48,
        note: `每行一名学员：${TRAINEE_FORMAT}，如“张三|广州某某公司|是”；单位可空，是否结业空为否`,
      },
    },
    rules: [
      `学员名单写在一个单元格内，每行（或以“；”分隔）一名学员：${TRAINEE_FORMAT}。结业学员计入 T-PUB-4 人才数。`,
      '一个单元格最多容纳 32 767 个字符（约 1 000 名学员）；更大的班次请分期登记，或在系统中录入。',
    ],
  },
  research: {
    name: '联合攻关',
    title: '攻关项目名称',
    date: '立项日期',
    fields: {
      topic: {
        header: '攻关方向',
        labels: {
          slicing: '网络切片',
          detnet: '确定性网络',
          '5g_tsn': '5G+TSN',
          cloud_plc: '云化PLC',
          redcap: 'RedCap',
          passive_iot: '无源物联',
          isac: '通感一体',
          '6g': '6G',
          other: '其他',
        },
      },
      leadOrganisation: { header: '牵头单位', width: 30 },
      endDate: { header: '结束日期' },
    },
  },
  products: {
    name: '5G工业产品',
    title: '产品名称',
    date: '发布日期',
    fields: {
      category: {
        header: '产品类别',
        labels: {
          module: '模组',
          terminal: '终端',
          router: '工业路由器',
          agv: 'AGV',
          camera: '工业相机',
          robot: '机器人',
          chip: '芯片',
          other: '其他',
        },
      },
      model: { header: '型号', note: '同一生产厂商的型号不可重复' },
      vendor: { header: '生产厂商', width: 30 },
    },
    rules: ['同一生产厂商的型号不可与已登记产品或本文件其他行重复（不分大小写）。'],
  },
  'test-platforms': {
    name: '中试平台',
    title: '平台名称',
    date: '建成日期',
    fields: { operator: { header: '运营单位', width: 30 }, scope: { header: '测试能力范围', width: 48 } },
  },
  'test-records': {
    name: '中试测试记录',
    title: '测试名称',
    date: '测试日期',
    fields: {
      platformId: {
        header: '中试平台',
        type: 'platform',
        width: 30,
        note: '已登记、本单位可见的中试平台名称；名称重复时填平台的记录编号（ID）',
      },
      subject: { header: '测试对象', width: 30 },
      result: { header: '测试结果', labels: { passed: '通过', failed: '未通过', conditional: '有条件通过' } },
    },
    rules: ['中试平台须先登记（可先导入中试平台，再导入测试记录）。'],
  },
};

/** One data field of a registry as the sheet reads and writes it. */
export interface RegistryField {
  /** The key inside `data`. */
  key: string;
  /** The column key: `data.<key>`. */
  column: string;
  header: string;
  type: RegistryFieldType;
  required: boolean;
  /** Values of a choice field (the schema's enum), with their labels. */
  options?: readonly string[];
  lookup?: ChoiceLookup;
  note?: string;
  width?: number;
}

interface ZodDef {
  type: string;
  innerType?: { _zod: { def: ZodDef } };
  format?: string;
  entries?: Record<string, string>;
}

/** The schema's own shape behind optional() and nullable(). */
function unwrap(schema: z.ZodType): { def: ZodDef; schema: z.ZodType } {
  let current = schema as unknown as { _zod: { def: ZodDef } };
  while (current._zod.def.type === 'optional' || current._zod.def.type === 'nullable') {
    const inner = current._zod.def.innerType;
    if (!inner) break;
    current = inner;
  }
  return { def: current._zod.def, schema: current as unknown as z.ZodType };
}

function rangeNote(schema: z.ZodType): string | undefined {
  const n = schema as unknown as { minValue?: number | null; maxValue?: number | null };
  return typeof n.minValue === 'number' && typeof n.maxValue === 'number' ? `整数，${n.minValue}–${n.maxValue}` : undefined;
}

const fieldsCache = new Map<RegistryKey, RegistryField[]>();

/** The data fields of a registry in schema order, each with its sheet entry; throws when the sheet misses one. */
export function registryFields(key: RegistryKey): RegistryField[] {
  let fields = fieldsCache.get(key);
  if (!fields) {
    fields = deriveFields(key);
    fieldsCache.set(key, fields);
  }
  return fields;
}

function deriveFields(key: RegistryKey): RegistryField[] {
  const sheet = REGISTRY_SHEETS[key];
  const shape = (REGISTRY_DATA_SCHEMAS[key] as unknown as { shape: Record<string, z.ZodType> }).shape;
  for (const name of Object.keys(sheet.fields))
    if (!(name in shape)) throw new Error(`${key}: the sheet names ${name}, which is not a field of the schema`);
  return Object.entries(shape).map(([name, schema]) => {
    const entry = sheet.fields[name];
    if (!entry) throw new Error(`${key}.${name} has no column header`);
    const { def, schema: inner } = unwrap(schema);
    const base = {
      key: name,
      column: `data.${name}`,
      header: entry.header,
      // An empty trainee cell is a training without trainees (the importer sends []).
      required: entry.type !== 'trainees' && !schema.safeParse(undefined).success,
      note: entry.note,
      width: entry.width,
    };
    if (entry.type) return { ...base, type: entry.type };
    if (def.type === 'enum') {
      const options = Object.values(def.entries ?? {});
      const labels = entry.labels ?? {};
      for (const o of options) if (!labels[o]) throw new Error(`${key}.${name}: the value ${o} has no Chinese label`);
      const lookup = choiceLookup(options.map((code) => ({ code, name: labels[code] ?? code, aliases: entry.aliases?.[code] ?? [] })));
      return { ...base, type: 'choice', options, lookup };
    }
    if (def.type === 'number') return { ...base, type: 'int', note: entry.note ?? rangeNote(inner) };
    if (def.type === 'string' && def.format === 'date') return { ...base, type: 'date' };
    if (def.type === 'string' && !def.format) return { ...base, type: 'text' };
    throw new Error(`${key}.${name}: a ${def.type} field needs a type in its sheet entry`);
  });
}

/** The columns of a registry's template, export and import, in sheet order. */
export function registrySpec(key: RegistryKey): TableSpec {
  const sheet = REGISTRY_SHEETS[key];
  const fields = registryFields(key);
  const columns: TableColumn[] = [
    { header: sheet.title, key: 'title', required: true, width: 36 },
    {
      header: '所属单位统一社会信用代码',
      key: 'ownerCreditCode',
      width: 24,
      note: '记录登记在哪个单位名下；与所属单位名称都留空则为本单位',
    },
    {
      header: '所属单位名称',
      key: 'ownerName',
      width: 30,
      note: '可留空；没有信用代码的单位（市、区）填名称；与信用代码同填时须一致',
    },
    { header: sheet.date, key: 'date', type: 'date', required: true },
    ...fields.map(
      (f): TableColumn => ({
        header: f.header,
        key: f.column,
        required: f.required,
        ...(f.type === 'date' ? { type: 'date' as const } : {}),
        ...(f.lookup ? { choices: f.lookup.names, note: f.note ?? '从下拉列表选择' } : { note: f.note }),
        ...(f.width ? { width: f.width } : {}),
      }),
    ),
  ];
  return {
    sheet: sheet.name,
    columns,
    rules: [
      `每行一条${sheet.name}记录；第 1 行为列名，请勿修改或删除必填列。`,
      '所属单位：填统一社会信用代码（企业、服务商）或单位名称（市、区）；都留空则登记在本单位名下。只能登记在本人可见范围内的单位名下。',
      '日期可写 2024-03-05、2024/3/5、2024年3月5日或使用日期单元格。选项列请从下拉列表选择，也可填写选项的代码。',
      ...(sheet.rules ?? []),
      '佐证材料（附件）不随表格导入，导入后在系统中逐条上传。',
      '导入方式：默认全部校验通过才写入；选择“仅导入有效行”时写入通过校验的行，其余行列入报告。',
    ],
  };
}

/** The test platforms a row may name: by id, and by title (several when titles repeat). */
export interface PlatformRefs {
  byId: ReadonlyMap<string, string>;
  byTitle: ReadonlyMap<string, readonly string[]>;
}

/**
 * A sheet row's record fields as the API's create body (without the owner, which the importer
 * resolves), and the problems reading the cells.
 */
export function registryInput(key: RegistryKey, cells: Record<string, string>, platforms: PlatformRefs) {
  const problems: CellProblem[] = [];
  const data: Record<string, unknown> = {};
  const input: Record<string, unknown> = { data };
  const text = (column: string) => cells[column] ?? '';
  if (text('title')) input.title = text('title');
  if (text('date')) input.date = text('date');
  for (const f of registryFields(key)) {
    const value = text(f.column);
    if (!value) continue;
    const problem = (rule: string, message: string) => problems.push({ column: f.header, rule, message });
    switch (f.type) {
      case 'text':
      case 'date':
        data[f.key] = value;
        break;
      case 'int': {
        const n = parseWhole(value);
        if (typeof n === 'number') data[f.key] = n;
        else problem('integer', `${value} is not a whole number`);
        break;
      }
      case 'choice': {
        const code = f.lookup?.resolve(value);
        if (code) data[f.key] = code;
        else problem('choice', `${value}: choose one of ${f.lookup?.names.join('、')}`);
        break;
      }
      case 'patent': {
        const parsed = parsePatentNumber(value);
        if (typeof parsed === 'string')
          problem('patent_number', `${value}: ${PATENT_NUMBER_RULE} (the ${parsed.replace('_', ' ')} is wrong)`);
        else data[f.key] = parsed.number;
        break;
      }
      case 'trainees': {
        const trainees = readTrainees(value, problem);
        if (trainees) data[f.key] = trainees;
        break;
      }
      case 'platform': {
        const ids = platforms.byId.has(value) ? [value] : (platforms.byTitle.get(value) ?? []);
        if (ids.length === 1) data[f.key] = ids[0];
        else if (ids.length === 0) problem('exists', `no test platform ${value} in your scope; register it first`);
        else problem('ambiguous', `${ids.length} test platforms are named ${value}; write the platform's id instead`);
        break;
      }
    }
  }
  // Empty optional cells stay absent, as in the API; trainings without trainees list none.
  if (key === 'trainings' && !('trainees' in data) && !problems.some((p) => p.column === REGISTRY_SHEETS.trainings.fields.trainees?.header))
    data.trainees = [];
  return { input, problems };
}

function readTrainees(cell: string, problem: (rule: string, message: string) => void) {
  const out: Array<{ name: string; organisation?: string; completed: boolean }> = [];
  let ok = true;
  splitList(cell).forEach((line, i) => {
    const parts = line.split(/[|｜]/).map((s) => s.trim());
    const [name = '', organisation = '', done = ''] = parts;
    const completed = parseYesNo(done);
    if (parts.length > 3 || !name || typeof completed === 'string') {
      problem('trainee', `line ${i + 1} (${line}): write ${TRAINEE_FORMAT}, e.g. 张三|广州某某公司|是`);
      ok = false;
    } else out.push({ name, ...(organisation ? { organisation } : {}), completed: completed ?? false });
  });
  return ok ? out : null;
}

/** The column key that supplied the value at a schema path. */
export function registryColumnKey(path: readonly PropertyKey[]): string | null {
  const [field, sub] = path;
  if (field === 'data') return sub === undefined ? null : `data.${String(sub)}`;
  if (field === 'orgId') return 'ownerCreditCode';
  return field === 'title' || field === 'date' ? field : null;
}

/** Rule names of the schemas' own checks, by the field they name. */
export const REGISTRY_CUSTOM_RULES = { number: 'patent_number', kind: 'patent_kind', grantDate: 'after_application' };

/** The column holding a registry's natural key (patent number, standard number, model), if it has one. */
export function uniqueColumnOf(key: RegistryKey): string | null {
  return UNIQUE_FIELD[key] ?? null;
}

/** A record as a sheet row: labels for values, trainees one per line, the platform by its title. */
export function registryCells(
  key: RegistryKey,
  r: RegistryRecord,
  ownerCreditCode: string,
  platformTitle: (id: string) => string,
): Record<string, string> {
  const cells: Record<string, string> = {
    title: r.title,
    ownerCreditCode,
    ownerName: r.orgName,
    date: r.date,
  };
  for (const f of registryFields(key)) {
    const value = r.data[f.key];
    let text = '';
    if (value === null || value === undefined) text = '';
    else if (f.type === 'choice') text = f.lookup?.nameOf(String(value)) ?? String(value);
    else if (f.type === 'trainees')
      text = (value as Array<{ name: string; organisation?: string | null; completed: boolean }>)
        .map((t) => `${t.name}|${t.organisation ?? ''}|${t.completed ? '是' : '否'}`)
        .join('\n');
    else if (f.type === 'platform') text = platformTitle(String(value));
    else text = String(value);
    cells[f.column] = text;
  }
  return cells;
}
