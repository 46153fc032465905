import ExcelJS from 'exceljs';
import { inertCell } from './inert-cell.js';
import type { TableColumn, TableSpec } from './spec.js';

export const CODE_SHEET = '代码表';
export const HELP_SHEET = '说明';
/** Drop-downs cover at least this many data rows (and 1 000 beyond the rows written). */
const DROPDOWN_ROWS = 10_000;

/** exceljs keeps range validations in a model it does not type; this is the part we use. */
interface SheetValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

/**
 * An .xlsx with the data sheet (Chinese headers, notes, drop-downs from the hidden 代码表 sheet),
 * the 说明 sheet with the rules, and `rows` as data. With no rows it is the import template; with
 * rows it is an export that imports back unchanged.
 */
export async function writeWorkbook(
  spec: TableSpec,
  rows: ReadonlyArray<Record<string, string>> = [],
  /** `help: false` (a list's export): no 说明 sheet. */
  options: { help?: boolean } = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Suilian 穗联';
  const data = workbook.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  // A list's export (not an import template) has no 说明 sheet: `help: false`.
  const help = options.help === false ? null : workbook.addWorksheet(HELP_SHEET);
  // The drop-downs' code sheet: templates always carry it; a list's export only when a column has choices.
  const codes =
    options.help !== false || spec.columns.some((c) => c.choices?.length) ? workbook.addWorksheet(CODE_SHEET, { state: 'hidden' }) : null;

  data.columns = spec.columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width ?? Math.max(12, [...c.header].length * 2 + 4),
    style: { numFmt: c.type === 'date' ? 'yyyy-mm-dd' : c.type === 'money' ? '0.00' : '@' },
  }));
  const head = data.getRow(1);
  head.font = { bold: true };
  spec.columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFCE4D6' : 'FFE7EEF7' } };
    if (c.note) cell.note = `${c.required ? '必填。' : ''}${c.note}`;
  });
  for (const record of rows) data.addRow(spec.columns.map((c) => cellValue(c, record[c.key] ?? '')));

  const lastRow = Math.max(DROPDOWN_ROWS, rows.length + 1000) + 1;
  let codeColumn = 0;
  spec.columns.forEach((c, i) => {
    if (!codes || !c.choices || c.choices.length === 0) return;
    codeColumn++;
    const letter = columnLetter(codeColumn);
    codes.getCell(`${letter}1`).value = c.header;
    c.choices.forEach((choice, j) => {
      codes.getCell(`${letter}${j + 2}`).value = choice;
    });
    const target = columnLetter(i + 1);
    (data as unknown as SheetValidations).dataValidations.add(`${target}2:${target}${lastRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${CODE_SHEET}'!$${letter}$2:$${letter}$${c.choices.length + 1}`],
      showErrorMessage: !c.freeText,
      errorStyle: 'stop',
      errorTitle: c.header,
      error: `请从下拉列表中选择${c.header}`,
    });
  });

  if (help) writeHelp(help, spec);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeHelp(sheet: ExcelJS.Worksheet, spec: TableSpec) {
  sheet.columns = [{ width: 22 }, { width: 8 }, { width: 70 }, { width: 60 }];
  sheet.addRow([`${spec.sheet} 导入说明`]).font = { bold: true, size: 14 };
  for (const rule of spec.rules) sheet.addRow([rule]);
  sheet.addRow([]);
  sheet.addRow(['列名', '必填', '说明', '可选值']).font = { bold: true };
  for (const c of spec.columns) {
    const choices = c.choices?.length ? (c.choices.length > 30 ? `见下拉列表（共 ${c.choices.length} 项）` : c.choices.join('、')) : '';
    sheet.addRow([c.header, c.required ? '是' : '否', c.note ?? '', choices]);
  }
}

/** Dates as date cells and money as numbers where that is exact; everything else as text (never a formula). */
function cellValue(column: TableColumn, text: string): ExcelJS.CellValue {
  if (text === '') return null;
  if (column.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(text)) return new Date(`${text}T00:00:00Z`);
  if (column.type === 'money' && /^-?\d{1,12}(\.\d{1,2})?$/.test(text)) return Number(text);
  return inertCell(text, 'xlsx');
}

/** 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let out = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) out = String.fromCharCode(65 + ((x - 1) % 26)) + out;
  return out;
}
