import { fieldError } from '../../../platform/errors.js';
import { inertCell } from '../../../platform/tabular/inert-cell.js';
import type { RawTable } from '../../../platform/tabular/read.js';
import type { FileCell } from './check-cells.js';

/**
 * DHIS2's data value CSV columns, in its order. `orgunit` is the district's administrative
 * division code (GB/T 2260, e.g. 440104 越秀区) — stable, public and what other systems hold;
 * `period` is DHIS2's ISO form (202509, 2025Q3, 2025).
 */
export const DHIS2_COLUMNS = ['dataelement', 'period', 'orgunit', 'value', 'comment'] as const;
const REQUIRED = ['dataelement', 'period', 'orgunit', 'value'] as const;

export interface CsvValue {
  element: string;
  period: string;
  orgUnit: string;
  value: string;
  comment: string | null;
}

/** RFC 4180 quoting: only fields with a comma, quote or line break are quoted. */
function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV text (CRLF, with a UTF-8 BOM so Excel opens the Chinese comments correctly). */
export function writeDhis2Csv(values: readonly CsvValue[]): string {
  const lines = [DHIS2_COLUMNS.join(',')];
  for (const v of values)
    lines.push([v.element, v.period, v.orgUnit, v.value, v.comment ?? ''].map((text) => quote(inertCell(text, 'csv'))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * Reads the data rows of a DHIS2 CSV: columns are found by name (any case, any order), so DHIS2's
 * own export with categoryoptioncombo, storedby, … columns reads too; those extra columns are ignored.
 */
export function readDhis2Rows(table: RawTable): FileCell[] {
  const index = new Map(table.headers.map((h, i) => [h.trim().toLowerCase(), i]));
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0)
    throw fieldError(
      'VALIDATION_FAILED',
      'file',
      'header',
      `the header row lacks ${missing.join(', ')}: a DHIS2 data value CSV starts with ${DHIS2_COLUMNS.join(',')}`,
    );
  const at = (values: string[], column: string) => {
    const i = index.get(column);
    return i === undefined ? '' : (values[i] ?? '').trim();
  };
  return table.rows.map(({ row, values }) => ({
    row,
    element: at(values, 'dataelement'),
    period: at(values, 'period'),
    orgUnit: at(values, 'orgunit'),
    value: at(values, 'value'),
    comment: at(values, 'comment'),
  }));
}
