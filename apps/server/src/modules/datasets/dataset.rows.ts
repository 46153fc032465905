import type { DatasetColumn, DatasetRows, DatasetRowsQuery } from '@suilian/contracts';
import { fieldError } from '../../platform/errors.js';
import type { DatasetRow } from './dataset.table.js';

function columnNamed(columns: readonly DatasetColumn[], key: string | undefined, field: string): DatasetColumn | null {
  if (key === undefined) return null;
  const found = columns.find((c) => c.key === key);
  if (!found) throw fieldError('VALIDATION_FAILED', field, 'choice', `${key} is not a column of this dataset`);
  return found;
}

/**
 * Exploration without SQL (issue #16 item 3): the rows whose `column` equals `value`, at most
 * `limit` of them, and with `groupBy` one line per value of that column with its row count and the
 * sum of the `measure` column (a number column).
 */
export function exploreRows(columns: DatasetColumn[], rows: readonly DatasetRow[], query: DatasetRowsQuery): DatasetRows {
  const filter = columnNamed(columns, query.column, 'column');
  const groupBy = columnNamed(columns, query.groupBy, 'groupBy');
  const measure = columnNamed(columns, query.measure, 'measure');
  if (measure && measure.type !== 'number')
    throw fieldError('VALIDATION_FAILED', 'measure', 'number_column', `${measure.key} is not a number column`);
  if (filter && query.value === undefined)
    throw fieldError('VALIDATION_FAILED', 'value', 'required', 'a filter names a column and a value');
  const matching = filter ? rows.filter((r) => String(r[filter.key] ?? '') === query.value) : rows;
  let groups: DatasetRows['groups'] = null;
  if (groupBy) {
    const byKey = new Map<string, { count: number; sum: number | null }>();
    for (const row of matching) {
      const key = String(row[groupBy.key] ?? '');
      const line = byKey.get(key) ?? { count: 0, sum: measure ? 0 : null };
      line.count++;
      const value = measure ? row[measure.key] : null;
      if (line.sum !== null && typeof value === 'number') line.sum += value;
      byKey.set(key, line);
    }
    groups = [...byKey].map(([key, line]) => ({
      key,
      count: line.count,
      sum: line.sum === null ? null : Math.round(line.sum * 100) / 100,
    }));
    groups.sort((a, b) => a.key.localeCompare(b.key));
  }
  return { columns, rows: matching.slice(0, query.limit), total: matching.length, groups };
}
