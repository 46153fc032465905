import type { PeriodType } from '@suilian/contracts';

/**
 * DHIS2 period ids: `202611` is November 2026, `2026Q4` its quarter, `2026` its year.
 * `index` is the month (1–12), the quarter (1–4) or 1 for a year.
 */
export interface Period {
  type: PeriodType;
  year: number;
  index: number;
}

/** A period id that cannot be read, with a message saying what is wrong. */
export class PeriodError extends Error {
  override name = 'PeriodError';
}

const SHAPES = 'expected 202611 (month), 2026Q4 (quarter) or 2026 (year)';

/** Reads a period id, or says what is wrong with it; `expected` also checks the period type. */
export function validatePeriodId(id: string, expected?: PeriodType): { ok: true; period: Period } | { ok: false; message: string } {
  const match = /^(\d{4})(?:(\d{2})|Q(\d))?$/.exec(id);
  if (!match) return { ok: false, message: `period ${JSON.stringify(id)}: ${SHAPES}` };
  const year = Number(match[1]);
  if (year < 1000) return { ok: false, message: `period ${id}: the year must have four digits, 1000 or later` };
  let period: Period;
  if (match[2] !== undefined) {
    const month = Number(match[2]);
    if (month < 1 || month > 12) return { ok: false, message: `period ${id}: the month must be 01 to 12` };
    period = { type: 'monthly', year, index: month };
  } else if (match[3] !== undefined) {
    const quarter = Number(match[3]);
    if (quarter < 1 || quarter > 4) return { ok: false, message: `period ${id}: the quarter must be Q1 to Q4` };
    period = { type: 'quarterly', year, index: quarter };
  } else {
    period = { type: 'yearly', year, index: 1 };
  }
  if (expected && period.type !== expected) {
    return { ok: false, message: `period ${id} is ${period.type}, but this data set is ${expected}` };
  }
  return { ok: true, period };
}

/** Reads a period id; throws PeriodError naming the problem. */
export function parsePeriod(id: string, expected?: PeriodType): Period {
  const result = validatePeriodId(id, expected);
  if (!result.ok) throw new PeriodError(result.message);
  return result.period;
}

/** The id of a period: `202611`, `2026Q4`, `2026`. */
export function formatPeriod(period: Period): string {
  if (period.type === 'monthly') return `${period.year}${String(period.index).padStart(2, '0')}`;
  if (period.type === 'quarterly') return `${period.year}Q${period.index}`;
  return String(period.year);
}
