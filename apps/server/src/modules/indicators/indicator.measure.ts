import type { DbOrTx } from '../../db/client.js';
import {
  type Expression,
  ExpressionError,
  evaluateExpression,
  parseExpression,
  type Reference,
  referenceKey,
  references,
} from '../reporting/index.js';
import { createCounterRepo, isCounter } from './counter.repo.js';
import { createIndicatorRepo, type ElementInfo, type IndicatorRow, parseReportedCounter } from './indicator.repo.js';

/** A value, or null with the reason there is none (nothing reported, a division by zero, …). */
export interface Measured {
  value: number | null;
  reason: string | null;
}

export interface Operand {
  reference: Reference;
  key: string;
  value: number | null;
}

/** What indicators and data elements exist, loaded once per request. */
export interface Catalogue {
  indicators: ReadonlyMap<string, IndicatorRow>;
  elements: ReadonlyMap<string, ElementInfo>;
}

export async function loadCatalogue(db: DbOrTx): Promise<Catalogue> {
  const repo = createIndicatorRepo(db);
  const [rows, elements] = await Promise.all([repo.findAll(), repo.dataElements()]);
  return { indicators: new Map(rows.map((r) => [r.code, r])), elements: new Map(elements.map((e) => [e.code, e])) };
}

/** Parses a stored formula once per text; stored formulas were checked on save. */
const parsed = new Map<string, Expression | ExpressionError>();
export function parseStored(text: string): Expression | ExpressionError {
  let found = parsed.get(text);
  if (!found) {
    try {
      found = parseExpression(text);
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      found = error;
    }
    if (parsed.size > 1000) parsed.clear();
    parsed.set(text, found);
  }
  return found;
}

/**
 * Measures indicators at a date, city-wide or for one district: named record counters, reported
 * data elements (`last:`/`sum:`) and formulas over both (`#{element}` read with the element's
 * aggregation, `I{indicator}` measured the same way). One measurer serves one request: values are
 * memoised by indicator, date and district, so a formula using T-INF-1 twice reads it once.
 */
export function createMeasurer(db: DbOrTx, catalogue: Catalogue) {
  const repo = createIndicatorRepo(db);
  const counters = createCounterRepo(db);
  const memo = new Map<string, Promise<Measured>>();

  async function element(code: string, asOf: string, districtId: string | null): Promise<number | null> {
    const info = catalogue.elements.get(code);
    if (!info) return null;
    return repo.reported(info.aggregation === 'LAST' ? 'last' : 'sum', code, asOf, districtId);
  }

  async function operands(expression: Expression, asOf: string, districtId: string | null, stack: readonly string[]) {
    const seen = new Map<string, Operand>();
    for (const item of references(expression).items) {
      const reference: Reference =
        item.kind === 'indicator'
          ? { kind: 'indicator', code: item.code }
          : { kind: 'dataElement', code: item.code, categoryOption: item.categoryOption, periodOffset: item.periodOffset };
      const key = referenceKey(reference);
      if (seen.has(key)) continue;
      let value: number | null = null;
      if (reference.kind === 'dataElement') value = await element(reference.code, asOf, districtId);
      else {
        const row = catalogue.indicators.get(reference.code);
        value = row ? (await measure(row, asOf, districtId, stack)).value : null;
      }
      seen.set(key, { reference, key, value });
    }
    return [...seen.values()];
  }

  async function formula(row: IndicatorRow, asOf: string, districtId: string | null, stack: readonly string[]): Promise<Measured> {
    const expression = parseStored(row.formula ?? '');
    if (expression instanceof ExpressionError) return { value: null, reason: `formula: ${expression.message}` };
    const values = await operands(expression, asOf, districtId, [...stack, row.code]);
    const byKey = new Map(values.map((o) => [o.key, o.value]));
    try {
      return { value: evaluateExpression(expression, (ref) => byKey.get(referenceKey(ref)) ?? null), reason: null };
    } catch (error) {
      // A division by zero or an overflow means "no value" on that day, with the reason shown.
      if (error instanceof ExpressionError) return { value: null, reason: error.message };
      throw error;
    }
  }

  async function compute(row: IndicatorRow, asOf: string, districtId: string | null, stack: readonly string[]): Promise<Measured> {
    if (row.kind === 'formula') return formula(row, asOf, districtId, stack);
    const reported = parseReportedCounter(row.counter);
    if (reported) {
      const value = await repo.reported(reported.how, reported.element, asOf, districtId);
      return { value, reason: value === null ? `nothing reported for ${reported.element} by ${asOf}` : null };
    }
    if (row.counter && isCounter(row.counter)) return { value: (await counters.count(row.counter, asOf, districtId)).value, reason: null };
    return { value: null, reason: `no source: counter ${row.counter ?? '(none)'} is not known` };
  }

  function measure(row: IndicatorRow, asOf: string, districtId: string | null, stack: readonly string[] = []): Promise<Measured> {
    // Cycles are refused on save; this only keeps a bad row from recursing for ever.
    if (stack.includes(row.code)) return Promise.resolve({ value: null, reason: `cycle: ${[...stack, row.code].join(' → ')}` });
    const key = `${row.code}|${asOf}|${districtId ?? 'city'}`;
    let found = memo.get(key);
    if (!found) {
      found = compute(row, asOf, districtId, stack);
      memo.set(key, found);
    }
    return found;
  }

  return {
    measure,
    /** A formula's operands with their values, for the drill-down. */
    async operandsOf(row: IndicatorRow, asOf: string, districtId: string | null): Promise<Operand[]> {
      const expression = parseStored(row.formula ?? '');
      if (expression instanceof ExpressionError) return [];
      return operands(expression, asOf, districtId, [row.code]);
    },
    /** Evaluates a formula not yet saved (the live check), city-wide on `asOf`. */
    async preview(code: string, text: string, asOf: string): Promise<Measured> {
      const draft = { ...(catalogue.indicators.get(code) ?? ({} as IndicatorRow)), code, kind: 'formula' as const, formula: text };
      return formula(draft, asOf, null, []);
    },
  };
}

export type Measurer = ReturnType<typeof createMeasurer>;
