import { MAX_EXPORT_ROWS } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { listAll } from './export.js';

describe('listAll (the exports’ row cap, #12 item 7)', () => {
  it('reads every page of the list', async () => {
    const rows = Array.from({ length: 450 }, (_, i) => i);
    const items = await listAll('rows', async (page, size) => ({ items: rows.slice((page - 1) * size, page * size), total: rows.length }));
    expect(items).toEqual(rows);
  });

  it('refuses a list beyond MAX_EXPORT_ROWS with the reason and its figures, before reading further pages', async () => {
    let pages = 0;
    const error = await listAll('rows', async () => {
      pages++;
      return { items: [1], total: MAX_EXPORT_ROWS + 1 };
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details).toMatchObject({
      reason: { code: 'export.too_many_rows', params: { total: MAX_EXPORT_ROWS + 1, max: MAX_EXPORT_ROWS } },
    });
    expect(pages).toBe(1);
  });
});
