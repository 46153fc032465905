import { QUARTER_PATTERN } from '@suilian/contracts';

/** First and last day (YYYY-MM-DD) of a quarter id such as 2026Q3. */
export function quarterDates(quarter: string): { start: string; end: string } {
  const match = QUARTER_PATTERN.exec(quarter);
  if (!match) throw new RangeError(`not a quarter: ${quarter}`);
  const year = Number(match[1]);
  const q = Number(match[2]);
  const endMonth = q * 3;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  return { start: `${year}-${String(endMonth - 2).padStart(2, '0')}-01`, end: `${year}-${String(endMonth).padStart(2, '0')}-${lastDay}` };
}

/**
 * The date a report's figures are as of: the quarter's last day once it is over, today while it
 * runs; null for a quarter that has not begun.
 */
export function reportDateFor(quarter: string, today: string): string | null {
  const { start, end } = quarterDates(quarter);
  if (today < start) return null;
  return today < end ? today : end;
}

/** 2026年第3季度 / Q3 2026. */
export function quarterLabel(quarter: string): { zh: string; en: string } {
  const match = QUARTER_PATTERN.exec(quarter);
  if (!match) throw new RangeError(`not a quarter: ${quarter}`);
  return { zh: `${match[1]}年第${match[2]}季度`, en: `Q${match[2]} ${match[1]}` };
}
