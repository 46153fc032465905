import type { EntryState } from '@suilian/contracts';
import { checkValue } from '../form-workflow.js';
import { validatePeriodId } from '../logic/periods/period-id.js';

/** One value as read from a file, whatever the format: DHIS2's columns plus where it was. */
export interface FileCell {
  row: number;
  element: string;
  period: string;
  orgUnit: string;
  value: string;
  comment: string;
}

export interface CellRejection {
  row: number;
  column: string | null;
  element: string | null;
  rule: string;
  message: string;
  /** `transfer.<rule>` with the value, element, district and period it concerns (issue #12 item 3). */
  reason: { code: string; params: Record<string, string | number> };
}

/** A checked value, ready to write (value null clears the stored value). */
export interface CellWrite {
  element: string;
  period: string;
  orgId: string;
  value: string | null;
  comment: string | null;
}

export interface CellContext {
  dataSet: string;
  periodType: 'monthly' | 'quarterly' | 'yearly';
  /** The data set's elements; other known elements are "not in this data set". */
  elements: ReadonlyMap<string, { nameZh: string; valueType: 'integer' | 'number' | 'percentage' | 'boolean' | 'text' }>;
  knownElements: ReadonlySet<string>;
  /** Districts by the code files use (division code), with whether the actor may report for them. */
  districts: ReadonlyMap<string, { id: string; name: string; inScope: boolean }>;
  /** The form's entry state and workflow state (the form may be open yet completed, which also refuses edits). */
  form: (period: string, orgId: string) => { entry: EntryState; completed: boolean };
  /** What the user said the file is for (the console's period and district); a file for another one is refused. */
  expect?: { period?: string; orgId?: string };
}

const LOCK_WORDS: Record<string, string> = {
  expired: 'the entry deadline has passed',
  not_started: 'the entry window has not opened yet',
  future: 'the period is not open for entry yet',
  approved: 'the form is approved and locked',
  accepted: 'the form is accepted by the city and locked',
};

/**
 * Checks every value of an upload against the rules of the form — the element is on this data set,
 * the period has its type, the district exists and is the actor's, the form is open (window,
 * expiry, approval, completion) and the value has the element's type — and collects every problem
 * instead of stopping at the first, so one report lists all of them.
 */
export function checkCells(cells: readonly FileCell[], context: CellContext): { writes: CellWrite[]; rejected: CellRejection[] } {
  const writes: CellWrite[] = [];
  const rejected: CellRejection[] = [];
  const seen = new Map<string, number>();
  for (const cell of cells) {
    const reject = (column: string | null, rule: string, message: string, extra: Record<string, string | number> = {}) =>
      rejected.push({
        row: cell.row,
        column,
        element: cell.element || null,
        rule,
        message,
        reason: {
          code: `transfer.${rule}`,
          params: { element: context.elements.get(cell.element)?.nameZh ?? cell.element, value: cell.value, period: cell.period, ...extra },
        },
      });
    const before = rejected.length;
    const element = context.elements.get(cell.element);
    if (!cell.element) reject('dataelement', 'required', 'the data element code is empty');
    else if (!element)
      reject(
        'dataelement',
        context.knownElements.has(cell.element) ? 'wrong_data_set' : 'unknown_element',
        context.knownElements.has(cell.element)
          ? `${cell.element} is not in data set ${context.dataSet}: this file belongs to another data set`
          : `unknown data element ${cell.element}`,
      );
    const period = validatePeriodId(cell.period, context.periodType);
    if (!period.ok) reject('period', 'period', period.message);
    else if (context.expect?.period && cell.period !== context.expect.period)
      reject('period', 'wrong_period', `the file is for period ${cell.period}, not ${context.expect.period}`, {
        expected: context.expect.period,
      });
    const district = context.districts.get(cell.orgUnit);
    if (!district)
      reject(
        'orgunit',
        'unknown_orgunit',
        `unknown district code ${JSON.stringify(cell.orgUnit)}: use the district's division code, e.g. 440104`,
      );
    else if (!district.inScope)
      reject('orgunit', 'scope', `you may not report for ${district.name} (${cell.orgUnit})`, { district: district.name });
    else if (context.expect?.orgId && district.id !== context.expect.orgId)
      reject('orgunit', 'wrong_district', `the file is for ${district.name} (${cell.orgUnit}), not the district chosen`, {
        district: district.name,
      });
    let value: string | null = null;
    if (element && cell.value !== '') {
      const raw = element.valueType === 'boolean' ? ({ 是: 'true', 否: 'false' }[cell.value] ?? cell.value) : cell.value;
      const checked = checkValue(element.valueType, raw);
      if (checked.ok) value = checked.value;
      else reject('value', checked.rule, `${element.nameZh}: ${JSON.stringify(cell.value)} is not ${checked.message}`);
    }
    if (rejected.length > before || !district) continue;
    const form = context.form(cell.period, district.id);
    if (!form.entry.open)
      reject(
        'period',
        `locked_${form.entry.reason}`,
        `${district.name} ${cell.period}: ${LOCK_WORDS[form.entry.reason] ?? form.entry.reason}`,
        { district: district.name },
      );
    else if (form.completed)
      reject('period', 'locked_completed', `${district.name} ${cell.period}: the form is completed; uncomplete it before changing values`, {
        district: district.name,
      });
    const key = `${cell.element}|${cell.period}|${district.id}`;
    const first = seen.get(key);
    if (first !== undefined) reject(null, 'duplicate', `the same value appears on row ${first} too`, { first });
    seen.set(key, first ?? cell.row);
    if (rejected.length > before) continue;
    writes.push({ element: cell.element, period: cell.period, orgId: district.id, value, comment: cell.comment || null });
  }
  return { writes, rejected };
}
