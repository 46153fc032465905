import type ExcelJS from 'exceljs';

/**
 * Exports cannot carry formulas (issue #11 item 3, OWASP "CSV injection"): a cell a user wrote —
 * a district's comment `=cmd|' /C calc'!A0`, an enterprise name `@SUM(…)` — must reach the
 * spreadsheet that opens the export as text, never as a formula. Every CSV and xlsx writer passes
 * its cells through `inertCell`.
 */

/** What makes Excel, WPS and LibreOffice read a typed cell as a formula (or DDE): = + - @, tab, CR. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number (`-5`, `+3.2`, `-1e5`) is read as that number, never as a formula, so it stays as it is. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Whether a spreadsheet would read the text as a formula when it opens a CSV. */
export function readsAsFormula(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

/**
 * A cell as the given format must carry it. CSV: the text, prefixed with a single quote when a
 * spreadsheet would read it as a formula (the quote shows the text as written and is what
 * spreadsheets themselves use to mark text). xlsx: strings stay strings (exceljs writes them as
 * shared strings, which no spreadsheet evaluates), numbers, booleans and dates stay typed, and
 * anything else (a formula or rich-text object) becomes its text.
 */
export function inertCell(value: string, format: 'csv'): string;
export function inertCell(value: unknown, format: 'xlsx'): ExcelJS.CellValue;
export function inertCell(value: unknown, format: 'csv' | 'xlsx'): ExcelJS.CellValue | string {
  if (format === 'csv') {
    const text = String(value ?? '');
    return readsAsFormula(text) ? `'${text}` : text;
  }
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  return JSON.stringify(value) ?? String(value);
}
