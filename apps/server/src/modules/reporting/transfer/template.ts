import ExcelJS from 'exceljs';
import { fieldError } from '../../../platform/errors.js';
import { inertCell } from '../../../platform/tabular/inert-cell.js';
import type { RawTable } from '../../../platform/tabular/read.js';
import type { FileCell } from './check-cells.js';

export const TEMPLATE_SHEET = '报送数据';
const HELP_SHEET = '说明';

/** Template columns: what a row is about (locked, grey) and the two cells to fill (数值, 备注). */
const COLUMNS = [
  { key: 'dataSet', header: '数据集', width: 20 },
  { key: 'period', header: '期间', width: 10 },
  { key: 'orgUnit', header: '区划代码', width: 10 },
  { key: 'orgUnitName', header: '区', width: 10 },
  { key: 'section', header: '分组', width: 16 },
  { key: 'element', header: '数据元代码', width: 24 },
  { key: 'name', header: '数据元名称', width: 34 },
  { key: 'unit', header: '单位', width: 8 },
  { key: 'valueType', header: '值类型', width: 12 },
  { key: 'value', header: '数值', width: 14 },
  { key: 'comment', header: '备注', width: 30 },
] as const;
type Key = (typeof COLUMNS)[number]['key'];

/** File column names in reports: the template's Chinese headers for the checks' DHIS2 names. */
export const TEMPLATE_COLUMN_NAMES: Record<string, string> = {
  dataSet: '数据集',
  dataelement: '数据元代码',
  period: '期间',
  orgunit: '区划代码',
  value: '数值',
  comment: '备注',
};

const TYPE_WORDS: Record<string, string> = {
  integer: '整数',
  number: '数字',
  percentage: '百分比(0-100)',
  boolean: '是/否',
  text: '文本',
};

export interface TemplateForm {
  dataSet: string;
  dataSetName: string;
  period: string;
  orgUnit: { divisionCode: string; name: string };
  cells: Array<{
    element: string;
    nameZh: string;
    section: string;
    unit: string;
    valueType: string;
    value: string | null;
    comment: string | null;
  }>;
  /** Why the form cannot be edited now, if it cannot (written on the 说明 sheet). */
  lockNote?: string;
}

/**
 * One form as an .xlsx: a row per data element with its code, name and unit, pre-filled with the
 * stored values. The sheet is protected (no password) with only 数值 and 备注 unlocked, so the
 * codes that tie a row to the form are not changed by accident; the import checks them anyway.
 */
export async function writeTemplate(form: TemplateForm): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Suilian 穗联';
  const sheet = workbook.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const cell of form.cells) {
    const numeric = cell.valueType !== 'text' && cell.valueType !== 'boolean' && cell.value !== null && cell.value !== '';
    const row: Record<Key, ExcelJS.CellValue> = {
      dataSet: form.dataSet,
      period: form.period,
      orgUnit: form.orgUnit.divisionCode,
      orgUnitName: form.orgUnit.name,
      section: cell.section,
      element: cell.element,
      name: cell.nameZh,
      unit: cell.unit,
      valueType: TYPE_WORDS[cell.valueType] ?? cell.valueType,
      value: numeric ? Number(cell.value) : cell.valueType === 'boolean' && cell.value ? (cell.value === 'true' ? '是' : '否') : cell.value,
      comment: cell.comment,
    };
    const added = sheet.addRow(Object.fromEntries(Object.entries(row).map(([key, value]) => [key, inertCell(value, 'xlsx')])));
    added.eachCell({ includeEmpty: true }, (c, column) => {
      const key = COLUMNS[column - 1]?.key;
      const input = key === 'value' || key === 'comment';
      c.protection = { locked: !input };
      if (!input) c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    });
    const value = added.getCell('value');
    value.numFmt = cell.valueType === 'text' || cell.valueType === 'boolean' ? '@' : 'General';
    if (cell.valueType === 'boolean') value.dataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否"'] };
    if (cell.valueType === 'integer')
      value.dataValidation = { type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], error: '请填写非负整数' };
    if (cell.valueType === 'percentage')
      value.dataValidation = { type: 'decimal', operator: 'between', allowBlank: true, formulae: [0, 100], error: '请填写 0 到 100' };
  }
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });

  const help = workbook.addWorksheet(HELP_SHEET);
  help.columns = [{ width: 100 }];
  for (const line of [
    `${form.dataSetName}（${form.dataSet}） ${form.period} ${form.orgUnit.name}`,
    '只填写「数值」和「备注」两列；其余列用于核对数据集、期间和区，请勿修改（工作表已保护，无密码）。',
    '数值为空表示清除已报送的值。整数不带小数；百分比填写 0 到 100；是/否类填写「是」或「否」。',
    '上传时逐格检查：值类型、填报期限、锁定/审批状态、数据集与区是否与页面一致。任何一格不通过，整个文件都不会写入。',
    ...(form.lockNote ? [`注意：${form.lockNote}`] : []),
  ])
    help.addRow([line]);
  help.getRow(1).font = { bold: true, size: 14 };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const REQUIRED = ['数据集', '期间', '区划代码', '数据元代码', '数值'];

/** The template's rows as file cells with their data set, as read by the tabular reader. */
export function readTemplateRows(table: RawTable): Array<FileCell & { dataSet: string }> {
  const index = new Map(table.headers.map((h, i) => [h.trim(), i]));
  const missing = REQUIRED.filter((h) => !index.has(h));
  if (missing.length > 0)
    throw fieldError(
      'VALIDATION_FAILED',
      'file',
      'header',
      `the sheet ${TEMPLATE_SHEET} lacks the columns ${missing.join('、')}: download the template again and fill 数值 and 备注 only`,
    );
  const at = (values: string[], header: string) => {
    const i = index.get(header);
    return i === undefined ? '' : (values[i] ?? '').trim();
  };
  return table.rows.map(({ row, values }) => ({
    row,
    dataSet: at(values, '数据集'),
    element: at(values, '数据元代码'),
    period: at(values, '期间'),
    orgUnit: at(values, '区划代码'),
    value: at(values, '数值'),
    comment: at(values, '备注'),
  }));
}
