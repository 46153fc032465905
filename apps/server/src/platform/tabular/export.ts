import { MAX_EXPORT_ROWS } from '@suilian/contracts';
import { refusal } from '../errors.js';

const PAGE = 200;

/**
 * Every item of a filtered list, read page by page through the list's own service method (so its
 * scope and filters apply); refused when the list holds more than MAX_EXPORT_ROWS `plural`.
 */
export async function listAll<T>(
  plural: string,
  list: (page: number, pageSize: number) => Promise<{ items: T[]; total: number }>,
): Promise<T[]> {
  const first = await list(1, PAGE);
  if (first.total > MAX_EXPORT_ROWS)
    throw refusal(
      'VALIDATION_FAILED',
      'export.too_many_rows',
      `the list holds ${first.total} ${plural}; narrow the filters to at most ${MAX_EXPORT_ROWS}`,
      { total: first.total, max: MAX_EXPORT_ROWS },
    );
  const items = [...first.items];
  for (let page = 2; items.length < first.total; page++) {
    const next = await list(page, PAGE);
    if (next.items.length === 0) break;
    items.push(...next.items);
  }
  return items;
}
