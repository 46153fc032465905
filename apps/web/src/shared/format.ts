import dayjs from 'dayjs';

export const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm';

/** `YYYY-MM-DD HH:mm` in local time; an em dash for missing values. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format(DATE_TIME_FORMAT) : value;
}

export const DATE_FORMAT = 'YYYY-MM-DD';

/** `YYYY-MM-DD` (dates from the API are already in that form); an em dash for missing values. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = dayjs(value);
  return d.isValid() ? d.format(DATE_FORMAT) : value;
}

/** Digits grouped by thousands: 1234567 → 1,234,567. */
export function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A number grouped by thousands; an em dash for missing values. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const [int = '0', frac] = String(Math.abs(value)).split('.');
  return `${value < 0 ? '-' : ''}${groupDigits(int)}${frac ? `.${frac}` : ''}`;
}

/**
 * Money in 万元 from its decimal string, grouped, always two decimals, never through a float:
 * "1234.5" → "1,234.50". An em dash for missing or malformed values.
 */
export function formatMoney(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(value.trim());
  if (!match) return value;
  const [, sign = '', int = '0', frac = ''] = match;
  const cents = `${frac}00`.slice(0, 2);
  return `${sign}${groupDigits(int.replace(/^0+(?=\d)/, ''))}.${cents}`;
}

/** A file size for people: 1 KB = 1024 bytes. */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/** Units of things counted one by one (家, 个 …): their figures are whole numbers. */
const COUNT_UNITS = new Set(['个', '人', '套', '家', '次', '项', '座', '台', '件', '条', '场', '份', '名', '户', '所', '栋']);

/** Whether a unit counts things (a count is never shown with decimals, #12 item 7). */
export function isCountUnit(unit: string | null | undefined): boolean {
  return unit !== null && unit !== undefined && COUNT_UNITS.has(unit.trim());
}

/** A count rounded to a whole number and grouped: 108269.8 → 108,270. */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return formatNumber(Math.round(value));
}

/** An indicator figure: whole for count units, else one decimal at most (ratios, money), grouped. */
export function formatFigure(value: number | null | undefined, unit: string | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return isCountUnit(unit) ? formatCount(value) : formatNumber(Number.isInteger(value) ? value : Math.round(value * 10) / 10);
}

/** GB/T 2260 order for district pickers: by division code (440103 荔湾 … 440118 增城), names for those without one. */
export function byDivisionCode<T extends { divisionCode?: string | null; name: string }>(a: T, b: T): number {
  const ca = a.divisionCode ?? '';
  const cb = b.divisionCode ?? '';
  if (ca && cb) return ca.localeCompare(cb);
  if (ca || cb) return ca ? -1 : 1;
  return a.name.localeCompare(b.name, 'zh-CN');
}
