import { createHash } from 'node:crypto';
import type { DatasetColumn, DistributionFormat } from '@suilian/contracts';
import ExcelJS from 'exceljs';
import { inertCell } from '../../platform/tabular/inert-cell.js';
import type { DatasetRow } from './dataset.table.js';

/** The IANA media type of each distribution format (dcat:mediaType, CKAN mimetype). */
export const MEDIA_TYPES: Record<DistributionFormat, string> = {
  csv: 'text/csv',
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const sha256 = (content: Buffer | string) => createHash('sha256').update(content).digest('hex');

/** The SHA-256 of the rows (and their columns): equal fingerprints, same data, no regeneration. */
export function fingerprintOf(columns: readonly DatasetColumn[], rows: readonly DatasetRow[]): string {
  return sha256(JSON.stringify({ columns: columns.map((c) => c.key), rows: rows.map((r) => columns.map((c) => r[c.key] ?? null)) }));
}

function csvField(value: DatasetRow[string]): string {
  const text = inertCell(value === null || value === undefined ? '' : String(value), 'csv');
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** UTF-8 CSV with a BOM (so Excel and WPS read the Chinese), the column keys as header, CRLF lines (RFC 4180). */
export function renderCsv(columns: readonly DatasetColumn[], rows: readonly DatasetRow[]): Buffer {
  const lines = [columns.map((c) => csvField(c.key)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c.key] ?? null)).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** A JSON array of objects keyed by column key. */
export function renderJson(columns: readonly DatasetColumn[], rows: readonly DatasetRow[]): Buffer {
  const objects = rows.map((row) => Object.fromEntries(columns.map((c) => [c.key, row[c.key] ?? null])));
  return Buffer.from(JSON.stringify(objects), 'utf8');
}

/** One sheet: Chinese headers (column keys as notes), typed cells through inertCell. */
export async function renderXlsx(title: string, columns: readonly DatasetColumn[], rows: readonly DatasetRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Suilian 穗联';
  // A fixed date: the file depends on its data only.
  workbook.created = new Date(Date.UTC(2026, 0, 1));
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet(title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.zh, key: c.key, width: Math.max(12, [...c.zh].length * 2 + 4) }));
  for (const row of rows) sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, inertCell(row[c.key] ?? null, 'xlsx')])));
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Every distribution of a table. */
export async function renderDistributions(
  title: string,
  columns: readonly DatasetColumn[],
  rows: readonly DatasetRow[],
): Promise<Record<DistributionFormat, Buffer>> {
  return { csv: renderCsv(columns, rows), json: renderJson(columns, rows), xlsx: await renderXlsx(title, columns, rows) };
}
