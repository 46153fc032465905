import type { DatasetColumn, ImportRejection } from '@suilian/contracts';
import { fieldError } from '../../platform/errors.js';
import { headerKey } from '../../platform/tabular/headers.js';
import type { RawTable } from '../../platform/tabular/read.js';
import type { DatasetRow } from './dataset.table.js';

/** GB/T 4754-2017: the divisions (两位代码) each section letter (门类) covers. */
const SECTIONS: Record<string, [number, number]> = {
  A: [1, 5],
  B: [6, 12],
  C: [13, 43],
  D: [44, 46],
  E: [47, 50],
  F: [51, 52],
  G: [53, 60],
  H: [61, 62],
  I: [63, 65],
  J: [66, 69],
  K: [70, 70],
  L: [71, 72],
  M: [73, 75],
  N: [76, 79],
  O: [80, 82],
  P: [83, 83],
  Q: [84, 85],
  R: [86, 90],
  S: [91, 96],
  T: [97, 97],
};

/**
 * Whether a code is a GB/T 4754-2017 industry code: a section letter (门类, `C`), optionally followed
 * by a division of that section and its group / class digits (`C35`, `C351`, `C3511`); or the
 * digits alone (`3511`).
 */
export function isIndustryCode(code: string): boolean {
  const match = /^([A-T])?(\d{2}(?:\d{1,2})?)?$/.exec(code);
  if (!match || (!match[1] && !match[2])) return false;
  const [, letter, digits] = match;
  if (!digits) return true;
  const division = Number(digits.slice(0, 2));
  const sections = letter ? [SECTIONS[letter]] : Object.values(SECTIONS);
  return sections.some((range) => range !== undefined && division >= range[0] && division <= range[1]);
}

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2]))?$/;

/** The template's columns' indexes in the file: a header may be the Chinese name or the key. */
function bindHeaders(headers: readonly string[], columns: readonly DatasetColumn[]): number[] {
  const found = headers.map(headerKey);
  const missing: string[] = [];
  const indexes = columns.map((c) => {
    const at = found.findIndex((h) => h === headerKey(c.zh) || h === c.key);
    if (at < 0) missing.push(c.zh);
    return at;
  });
  if (missing.length > 0)
    throw fieldError('VALIDATION_FAILED', 'file', 'header', `the file lacks the column(s) ${missing.join(', ')} of the template`);
  return indexes;
}

function reject(row: number, column: DatasetColumn, rule: string, message: string, value: string, params = {}): ImportRejection {
  return { row, column: column.zh, rule, message, reason: { code: `import.${rule}`, params: { column: column.zh, value, ...params } } };
}

/** One cell checked against its column: the stored value, or why it is rejected. */
function checkCell(
  row: number,
  column: DatasetColumn,
  text: string,
  districts: ReadonlySet<string>,
): { value: DatasetRow[string] } | { rejection: ImportRejection } {
  if (text === '') {
    if (column.key === 'industry_name') return { value: null };
    return { rejection: reject(row, column, 'required', 'required: this column must not be empty', text) };
  }
  if (column.key === 'period' && !PERIOD.test(text))
    return { rejection: reject(row, column, 'period', `${text} is not a statistics period (2025 or 2025-06)`, text) };
  if (column.key === 'district_code' && !districts.has(text))
    return { rejection: reject(row, column, 'district', `${text} is not a district of the city`, text) };
  if (column.key === 'industry_code' && !isIndustryCode(text.toUpperCase()))
    return { rejection: reject(row, column, 'industry_code', `${text} is not a GB/T 4754-2017 industry code`, text) };
  if (column.type !== 'number') return { value: column.key === 'industry_code' ? text.toUpperCase() : text };
  const number = Number(text.replaceAll(',', ''));
  if (!Number.isFinite(number) || text.trim() === '')
    return { rejection: reject(row, column, 'type_number', `${text} is not a number`, text) };
  if (number < 0) return { rejection: reject(row, column, 'range_min', `${text} is below 0`, text, { min: 0 }) };
  if (column.key !== 'output_value' && !Number.isInteger(number))
    return { rejection: reject(row, column, 'integer', `${text} is not a whole number`, text) };
  return { value: number };
}

/**
 * Checks an uploaded statistics table row by row against its template's columns: every cell's
 * rule (required, period, district, GB/T 4754 code, numbers) and duplicates of (period, district,
 * industry) in the file. Every rejected row is reported with its column and rule.
 */
export function checkUploadedTable(
  table: RawTable,
  columns: readonly DatasetColumn[],
  districts: ReadonlySet<string>,
): { rows: DatasetRow[]; rejected: ImportRejection[]; total: number } {
  const indexes = bindHeaders(table.headers, columns);
  const rows: DatasetRow[] = [];
  const rejected: ImportRejection[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, values } of table.rows) {
    const out: DatasetRow = {};
    const problems: ImportRejection[] = [];
    columns.forEach((column, i) => {
      const checked = checkCell(row, column, (values[indexes[i] ?? -1] ?? '').trim(), districts);
      if ('rejection' in checked) problems.push(checked.rejection);
      else out[column.key] = checked.value;
    });
    if (problems.length === 0) {
      const key = [out.period, out.district_code, out.industry_code].join('|');
      const first = firstRowOf.get(key);
      if (first !== undefined) {
        const column = columns.find((c) => c.key === 'industry_code') ?? (columns[0] as DatasetColumn);
        problems.push(reject(row, column, 'duplicate_in_file', `${key} already appears in row ${first} of this file`, key, { first }));
      } else firstRowOf.set(key, row);
    }
    if (problems.length > 0) rejected.push(...problems);
    else rows.push(out);
  }
  return { rows, rejected, total: table.rows.length };
}
