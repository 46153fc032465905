import type { DbOrTx } from '../../db/client.js';
import { ExpressionError, evaluateExpression, referenceKey, references } from '../reporting/index.js';
import { createCounterRepo, isCounter } from './counter.repo.js';
import { type Catalogue, type Measured, parseStored } from './indicator.measure.js';
import { createIndicatorRepo, type IndicatorRow, parseReportedCounter } from './indicator.repo.js';

/** An indicator's value on one of the batch's dates, for the scope (district null) or one district. */
export type BatchValue = (row: IndicatorRow, date: string, districtId: string | null) => Measured;

/**
 * Measures many indicators on many dates, for the scope and for each district, with the same
 * results as `createMeasurer` one value at a time: every record counter needed (directly or
 * through formulas) in ONE grouped statement, every reported figure in another, and formulas
 * evaluated in memory from those. `dates` need not be sorted.
 */
export async function measureBatch(
  db: DbOrTx,
  catalogue: Catalogue,
  rows: Iterable<IndicatorRow>,
  dates: string[],
  scopeDistrictId: string | null,
): Promise<BatchValue> {
  const records = new Set<string>();
  const reported = new Map<string, { how: 'last' | 'sum'; element: string }>();
  const elementCounter = (code: string) => {
    const info = catalogue.elements.get(code);
    return info ? `${info.aggregation === 'LAST' ? 'last' : 'sum'}:${code}` : null;
  };
  const visited = new Set<string>();
  const collect = (row: IndicatorRow) => {
    if (visited.has(row.code)) return;
    visited.add(row.code);
    if (row.kind === 'formula') {
      const expression = parseStored(row.formula ?? '');
      if (expression instanceof ExpressionError) return;
      for (const item of references(expression).items) {
        if (item.kind === 'indicator') {
          const target = catalogue.indicators.get(item.code);
          if (target) collect(target);
        } else {
          const counter = elementCounter(item.code);
          const parsed = parseReportedCounter(counter);
          if (counter && parsed) reported.set(counter, parsed);
        }
      }
      return;
    }
    const parsed = parseReportedCounter(row.counter);
    if (parsed && row.counter) reported.set(row.counter, parsed);
    else if (row.counter && isCounter(row.counter)) records.add(row.counter);
  };
  for (const row of rows) collect(row);

  const sorted = [...new Set(dates)].sort();
  const [recordGrid, reportedGrid] = await Promise.all([
    createCounterRepo(db).grid([...records], sorted, scopeDistrictId),
    createIndicatorRepo(db).reportedGrid([...reported.values()], sorted, scopeDistrictId),
  ]);
  const recordValue = (counter: string, date: string, key: string) => recordGrid.get(counter)?.get(date)?.get(key) ?? 0;
  const reportedValue = (counter: string, date: string, key: string) => reportedGrid.get(counter)?.get(date)?.get(key) ?? null;

  const memo = new Map<string, Measured>();
  function measure(row: IndicatorRow, date: string, key: string, stack: readonly string[]): Measured {
    // Cycles are refused on save; this only keeps a bad row from recursing for ever.
    if (stack.includes(row.code)) return { value: null, reason: `cycle: ${[...stack, row.code].join(' → ')}` };
    const memoKey = `${row.code}|${date}|${key}`;
    let found = memo.get(memoKey);
    if (!found) {
      found = compute(row, date, key, stack);
      memo.set(memoKey, found);
    }
    return found;
  }

  function compute(row: IndicatorRow, date: string, key: string, stack: readonly string[]): Measured {
    if (row.kind === 'formula') return formula(row, date, key, [...stack, row.code]);
    const parsed = parseReportedCounter(row.counter);
    if (parsed && row.counter) {
      const value = reportedValue(row.counter, date, key);
      return { value, reason: value === null ? `nothing reported for ${parsed.element} by ${date}` : null };
    }
    if (row.counter && isCounter(row.counter)) return { value: recordValue(row.counter, date, key), reason: null };
    return { value: null, reason: `no source: counter ${row.counter ?? '(none)'} is not known` };
  }

  function formula(row: IndicatorRow, date: string, key: string, stack: readonly string[]): Measured {
    const expression = parseStored(row.formula ?? '');
    if (expression instanceof ExpressionError) return { value: null, reason: `formula: ${expression.message}` };
    const values = new Map<string, number | null>();
    for (const item of references(expression).items) {
      const ref = item.kind === 'indicator' ? { kind: 'indicator' as const, code: item.code } : { ...item, kind: 'dataElement' as const };
      const refKey = referenceKey(ref);
      if (values.has(refKey)) continue;
      if (item.kind === 'indicator') {
        const target = catalogue.indicators.get(item.code);
        values.set(refKey, target ? measure(target, date, key, stack).value : null);
      } else {
        const counter = elementCounter(item.code);
        values.set(refKey, counter ? reportedValue(counter, date, key) : null);
      }
    }
    try {
      return { value: evaluateExpression(expression, (ref) => values.get(referenceKey(ref)) ?? null), reason: null };
    } catch (error) {
      // A division by zero or an overflow means "no value" on that day, with the reason shown.
      if (error instanceof ExpressionError) return { value: null, reason: error.message };
      throw error;
    }
  }

  return (row, date, districtId) => measure(row, date, districtId ?? '*', []);
}
