import { ScanJsonSchema } from '@suilian/contracts';
import { AppError, fieldError } from '../../../platform/errors.js';
import { decodeText, parseCsv } from '../../../platform/tabular/csv.js';
import type { UploadedFile } from '../../../platform/tabular/http.js';

export interface ScanLine {
  row: number;
  host: string;
  vendor: string;
  product: string;
  version: string | null;
  model: string | null;
}

const REQUIRED = ['host', 'vendor', 'product', 'version'] as const;
const MAX_LINES = 100_000;

/**
 * Reads a scan result file: a CSV with the columns host, vendor, product, version (model optional;
 * UTF-8 with or without BOM, or GBK) or the JSON format of ScanJsonSchema. A missing column or a
 * bad line refuses the whole file with every problem named (row, column, rule).
 */
export function parseScanFile(file: UploadedFile): { format: 'csv' | 'json'; lines: ScanLine[] } {
  const ext = file.name.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';
  if (file.content.length === 0) throw fieldError('VALIDATION_FAILED', 'file', 'empty', 'the file is empty');
  if (ext === '.json') return { format: 'json', lines: parseJson(file) };
  if (ext === '.csv') return { format: 'csv', lines: parseCsvScan(file) };
  throw fieldError('VALIDATION_FAILED', 'file', 'extension', `scan results are .csv or .json, not ${ext || '(no extension)'}`);
}

function parseJson(file: UploadedFile): ScanLine[] {
  let doc: unknown;
  try {
    doc = JSON.parse(file.content.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw fieldError('VALIDATION_FAILED', 'file', 'json', `not valid JSON: ${(e as Error).message}`);
  }
  const parsed = ScanJsonSchema.safeParse(doc);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', `file: not a scan result document: ${parsed.error.issues[0]?.message ?? ''}`, {
      issues: parsed.error.issues.slice(0, 50).map((i) => ({ field: i.path.join('.'), rule: i.code, message: i.message })),
    });
  return parsed.data.results.map((r, i) => ({
    row: i + 1,
    host: r.host,
    vendor: r.vendor,
    product: r.product,
    version: r.version || null,
    model: r.model || null,
  }));
}

function parseCsvScan(file: UploadedFile): ScanLine[] {
  const { text } = decodeText(file.content);
  const [header, ...rows] = parseCsv(text);
  const names = (header ?? []).map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !names.includes(c));
  if (missing.length)
    throw new AppError(
      'VALIDATION_FAILED',
      `file: missing column(s) ${missing.join(', ')}; the header must name host, vendor, product, version`,
      {
        issues: missing.map((c) => ({ field: c, rule: 'missing_column', message: `the column ${c} is missing` })),
      },
    );
  const at = (cells: string[], c: string) => (cells[names.indexOf(c)] ?? '').trim();
  const lines: ScanLine[] = [];
  const problems: Array<{ field: string; rule: string; message: string }> = [];
  rows.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const row = i + 2;
    for (const c of ['host', 'vendor', 'product'] as const)
      if (!at(cells, c)) problems.push({ field: `row ${row}.${c}`, rule: 'required', message: `row ${row}: ${c} is empty` });
    lines.push({
      row,
      host: at(cells, 'host'),
      vendor: at(cells, 'vendor'),
      product: at(cells, 'product'),
      version: at(cells, 'version') || null,
      model: names.includes('model') ? at(cells, 'model') || null : null,
    });
  });
  if (lines.length > MAX_LINES) throw fieldError('VALIDATION_FAILED', 'file', 'max_rows', `at most ${MAX_LINES} lines per scan file`);
  if (problems.length)
    throw new AppError('VALIDATION_FAILED', `file: ${problems.length} line(s) are incomplete: ${problems[0]?.message}`, {
      issues: problems.slice(0, 100),
    });
  if (lines.length === 0) throw fieldError('VALIDATION_FAILED', 'file', 'empty', 'the file has no result lines');
  return lines;
}
