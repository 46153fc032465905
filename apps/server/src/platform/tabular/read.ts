import { MAX_IMPORT_ROWS } from '@suilian/contracts';
import ExcelJS from 'exceljs';
import { AppError, fieldError } from '../errors.js';
import { sniffUpload } from '../files/sniff.js';
import { normaliseCell, normaliseDateText, type RawCell } from './cells.js';
import { decodeText, parseCsv, type TextEncoding } from './csv.js';
import { checkHeaders } from './headers.js';
import type { BoundRow, TableSpec } from './spec.js';

/** A sheet as read: the header row and the non-empty data rows with their sheet row numbers. */
export interface RawTable {
  format: 'xlsx' | 'csv';
  encoding: TextEncoding | null;
  headers: string[];
  rows: Array<{ row: number; values: string[] }>;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Reads an uploaded .xlsx (Excel, WPS) or .csv (UTF-8 with or without BOM, or GBK). The content
 * must be what the name says (an executable renamed .xlsx is refused); `.xls` is refused with a
 * hint to save as .xlsx. Errors are 422s naming the field `file` and the rule.
 */
export async function readTable(name: string, content: Buffer, options: { maxRows: number; sheet?: string }): Promise<RawTable> {
  const ext = name.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';
  if (ext === '.xls')
    throw fieldError(
      'VALIDATION_FAILED',
      'file',
      'extension',
      'the old .xls format is not read; save the sheet as .xlsx (or CSV) and upload again',
    );
  if (ext !== '.xlsx' && ext !== '.csv')
    throw fieldError('VALIDATION_FAILED', 'file', 'extension', `import files are .xlsx or .csv, not ${ext || '(no extension)'}`);
  if (content.length === 0) throw fieldError('VALIDATION_FAILED', 'file', 'empty', 'the file is empty');
  const verdict = sniffUpload(name, content);
  if (!verdict.ok) throw fieldError('VALIDATION_FAILED', 'file', verdict.rule, verdict.message);
  const table = verdict.mediaType === XLSX ? await readXlsx(content, options) : readCsv(content, options.maxRows);
  if (table.headers.every((h) => h === '')) throw fieldError('VALIDATION_FAILED', 'file', 'empty', 'the sheet has no header row');
  return table;
}

function readCsv(content: Buffer, maxRows: number): RawTable {
  const { text, encoding } = decodeText(content);
  const records = parseCsv(text);
  const rows: RawTable['rows'] = [];
  let headers: string[] | null = null;
  records.forEach((record, index) => {
    const values = record.map((v) => normaliseCell(v));
    if (values.every((v) => v === '')) return;
    if (!headers) headers = values;
    else {
      rows.push({ row: index + 1, values });
      if (rows.length > maxRows) throw tooManyRows(maxRows);
    }
  });
  return { format: 'csv', encoding, headers: headers ?? [], rows };
}

/**
 * Loads the workbook without its drop-downs and formatting rules: a whole-column drop-down in a
 * user's file would otherwise expand into a million entries. (exceljs's streaming reader is not
 * used: it decodes UTF-8 chunk by chunk and garbles a Chinese character split across chunks.)
 * The data sheet is the one named `sheet`, else the first visible one.
 */
async function readXlsx(content: Buffer, options: { maxRows: number; sheet?: string }): Promise<RawTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      content as unknown as ArrayBuffer,
      {
        ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst', 'hyperlinks', 'picture', 'drawing'],
        // a cap on <row> elements (empty formatted rows count too), far above the data-row limit
        maxRows: options.maxRows * 2 + 1000,
      } as Parameters<typeof workbook.xlsx.load>[1],
    );
  } catch (error) {
    if (error instanceof Error && /^Max row count/.test(error.message)) throw tooManyRows(options.maxRows);
    throw fieldError('VALIDATION_FAILED', 'file', 'unreadable', 'the .xlsx file cannot be read; open it in Excel or WPS and save it again');
  }
  const sheet =
    workbook.worksheets.find((w) => options.sheet !== undefined && w.name === options.sheet) ??
    workbook.worksheets.find((w) => w.state !== 'hidden' && w.state !== 'veryHidden');
  if (!sheet) throw fieldError('VALIDATION_FAILED', 'file', 'empty', 'the workbook has no visible sheet');
  const table: RawTable = { format: 'xlsx', encoding: null, headers: [], rows: [] };
  let header: string[] | null = null;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = Array.from((row.values as RawCell[]).slice(1), (v) => normaliseCell(v));
    if (values.every((v) => v === '')) return;
    if (!header) header = values;
    else {
      table.rows.push({ row: row.number, values });
      if (table.rows.length > options.maxRows) throw tooManyRows(options.maxRows);
    }
  });
  table.headers = header ?? [];
  return table;
}

function tooManyRows(max: number): AppError {
  return fieldError('VALIDATION_FAILED', 'file', 'max_rows', `a file may hold at most ${max} rows; split it into several files`);
}

/**
 * Checks the header row against the spec and gives each data row its cells by column key, with
 * dates normalised to YYYY-MM-DD. Header problems are a 422 listing every one of them.
 */
export function bindColumns(table: RawTable, spec: TableSpec): BoundRow[] {
  const { positions, issues } = checkHeaders(table.headers, spec.columns);
  if (issues.length > 0)
    throw new AppError('VALIDATION_FAILED', `the header row does not match the template: ${issues.map((i) => i.message).join('; ')}`, {
      issues,
    });
  return table.rows.map(({ row, values }) => {
    const cells: Record<string, string> = {};
    for (const column of spec.columns) {
      const index = positions.get(column.key);
      const text = index === undefined ? '' : (values[index] ?? '');
      cells[column.key] = column.type === 'date' ? normaliseDateText(text) : text;
    }
    return { row, cells };
  });
}

/** An upload read as the spec's sheet (at most MAX_IMPORT_ROWS rows) with its header checked: 422 on problems. */
export async function readSheet(file: { name: string; content: Buffer }, spec: TableSpec): Promise<BoundRow[]> {
  return bindColumns(await readTable(file.name, file.content, { maxRows: MAX_IMPORT_ROWS, sheet: spec.sheet }), spec);
}
