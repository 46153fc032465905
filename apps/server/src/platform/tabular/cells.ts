/** Cell values as the readers hand them over (exceljs values, or CSV text). */
export type RawCell = unknown;

const MS_PER_DAY = 86_400_000;
/** Excel's day 0 in the 1900 date system (with its 1900 leap-year bug folded in for days > 60). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** YYYY-MM-DD of a date in UTC (exceljs gives Excel dates as UTC midnights). */
export function toIsoDate(date: Date): string {
  // Round to the second: Excel stores times as fractions of a day and they do not always land exactly.
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000);
  return rounded.toISOString().slice(0, 10);
}

/** An Excel serial day number (e.g. 45292) as YYYY-MM-DD, or null when it is not a plausible date. */
export function excelSerialToIsoDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  return toIsoDate(new Date(EXCEL_EPOCH + serial * MS_PER_DAY));
}

/**
 * Text of a cell: trimmed; dates as YYYY-MM-DD; numbers without float noise (15 significant
 * digits, as Excel shows them); booleans as 是/否; formulas by their result; rich text joined.
 */
export function normaliseCell(value: RawCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : toIsoDate(value);
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text?: string }>; text?: unknown; result?: unknown; error?: unknown; formula?: unknown };
    if (Array.isArray(v.richText))
      return v.richText
        .map((r) => r.text ?? '')
        .join('')
        .trim();
    if ('formula' in v || 'sharedFormula' in v) return normaliseCell(v.result);
    if ('error' in v) return '';
    if ('text' in v) return normaliseCell(v.text);
  }
  return String(value).trim();
}

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/**
 * A date column's text as YYYY-MM-DD when it reads as one: 2024-03-05, 2024/3/5, 2024.3.5,
 * 2024年3月5日, or an Excel serial number (a date cell whose format the reader did not know).
 * Anything else comes back unchanged, for the schema to reject with its own message.
 */
export function normaliseDateText(text: string): string {
  const m = DATE_TEXT.exec(text);
  if (m) {
    const [, y, mo, d] = m;
    const iso = `${y}-${(mo ?? '').padStart(2, '0')}-${(d ?? '').padStart(2, '0')}`;
    const parsed = new Date(`${iso}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso) ? iso : text;
  }
  if (/^\d{1,7}(\.\d+)?$/.test(text)) return excelSerialToIsoDate(Number(text)) ?? text;
  return text;
}

const TRUE_WORDS = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓']);
const FALSE_WORDS = new Set(['否', 'n', 'no', 'false', '0', '×', '✗']);

/** 是/否 (and common spellings) as a boolean; undefined when empty; the text itself when unreadable. */
export function parseYesNo(text: string): boolean | undefined | string {
  if (text === '') return undefined;
  const t = text.toLowerCase();
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return text;
}

/** A whole number written as 2025, 2025.0 or 2025年; undefined when empty; the text itself when unreadable. */
export function parseWhole(text: string): number | undefined | string {
  if (text === '') return undefined;
  const m = /^([+-]?\d{1,9})(?:\.0*)?\s*年?$/.exec(text);
  return m ? Number(m[1]) : text;
}
