import type { ImportMode, ImportRejection, ImportResult } from '@suilian/contracts';
import { type RowCheck, reasonCodeOf } from './report.js';
import type { BoundRow, TableColumn } from './spec.js';

export type { RowCheck } from './report.js';

export interface ImportPlan<T> {
  rows: readonly BoundRow[];
  mode: ImportMode;
  columns: readonly TableColumn[];
  /** Checks one row on its own (schema, code lists, references, scope). */
  checkRow(row: BoundRow): RowCheck<T> | Promise<RowCheck<T>>;
  /** Checks the rows that passed together: duplicates in the file and in the database. */
  checkTogether?(valid: ReadonlyArray<{ row: number; value: T }>): Promise<ImportRejection[]>;
  /** Writes the accepted rows in one transaction; reports each row written. */
  write(accepted: ReadonlyArray<{ row: number; value: T }>, written: (n: number) => void): Promise<void>;
}

/**
 * The import procedure every importer shares. Progress counts two steps per row: checked, then
 * written or settled (a rejected row, or every row when mode `all` refuses the file), so it
 * reaches its total whatever the outcome.
 */
export async function runImport<T>(plan: ImportPlan<T>, progress: (done: number, total: number) => void): Promise<ImportResult> {
  const total = plan.rows.length * 2;
  progress(0, total);
  const rejected: ImportRejection[] = [];
  const valid: Array<{ row: number; value: T }> = [];
  let done = 0;
  for (const row of plan.rows) {
    const check = await plan.checkRow(row);
    if (check.ok) valid.push({ row: row.row, value: check.value });
    else rejected.push(...check.rejections);
    progress(++done, total);
  }
  if (plan.checkTogether && valid.length > 0) rejected.push(...(await plan.checkTogether(valid)));
  const badRows = new Set(rejected.map((r) => r.row));
  const accepted = valid.filter((v) => !badRows.has(v.row));
  const writeAny = accepted.length > 0 && (plan.mode === 'valid' || rejected.length === 0);
  done += plan.rows.length - (writeAny ? accepted.length : 0);
  progress(done, total);
  if (writeAny) {
    await plan.write(accepted, (n) => {
      done += n;
      progress(done, total);
    });
  }
  progress(total, total);
  const order = new Map(plan.columns.map((c, i) => [c.header, i]));
  for (const [i, r] of rejected.entries()) rejected[i] = withReason(r, plan.columns);
  rejected.sort((a, b) => a.row - b.row || (order.get(a.column ?? '') ?? -1) - (order.get(b.column ?? '') ?? -1));
  return { mode: plan.mode, rows: plan.rows.length, valid: accepted.length, created: writeAny ? accepted.length : 0, rejected };
}

/**
 * Every rejection carries a reason the console words (issue #12 item 3): the importers' own lines
 * (unknown enterprise, scope, code list …) get `import.<rule>` naming the column, a drop-down
 * column's choice also the values its template offers.
 */
function withReason(r: ImportRejection, columns: readonly TableColumn[]): ImportRejection {
  if (r.reason) return r;
  const choices = columns.find((c) => c.header === r.column)?.choices;
  const allowed: Record<string, string> = r.rule === 'choice' && choices?.length ? { allowed: choices.join('、') } : {};
  return { ...r, reason: { code: reasonCodeOf(r.rule), params: { column: r.column ?? '', ...allowed } } };
}

/**
 * Rows whose key repeats an earlier row's: one report line for each later occurrence, naming the
 * first row. Rows without a key are skipped. `describe` names the value in the message (default: the key).
 */
export function duplicatesInFile<T>(
  rows: ReadonlyArray<{ row: number; value: T }>,
  keyOf: (value: T) => string | null | undefined,
  column: string,
  describe?: (value: T) => string,
): ImportRejection[] {
  const first = new Map<string, number>();
  const out: ImportRejection[] = [];
  for (const { row, value } of rows) {
    const key = keyOf(value);
    if (!key) continue;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, row);
    else
      out.push({
        row,
        column,
        rule: 'duplicate_in_file',
        message: `${describe ? describe(value) : key} already appears in row ${seen} of this file`,
        reason: { code: 'import.duplicate_in_file', params: { column, value: describe ? describe(value) : key, first: seen } },
      });
  }
  return out;
}
