import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runImport } from './import-run.js';
import { columnAt, parseRow } from './report.js';
import type { TableColumn } from './spec.js';

const columns: TableColumn[] = [
  { header: '资产名称', key: 'name', required: true },
  { header: '网络区域', key: 'zone', choices: ['IT', 'OT', 'DMZ'] },
  { header: '端口数', key: 'ports' },
];
const schema = z.object({ name: z.string().min(1).max(5), zone: z.enum(['IT', 'OT', 'DMZ']), ports: z.number().int().max(64) });
const columnOf = columnAt({ columns }, { name: 'name', zone: 'zone', ports: 'ports' });

describe('import row reasons (#12 item 3)', () => {
  it('names the column by its template header and sends the rule as a code with its numbers', () => {
    const check = parseRow(2, schema, { name: '一二三四五六', zone: 'LAN', ports: 100 }, [], columnOf);
    expect(check.ok).toBe(false);
    const reasons = check.ok ? [] : check.rejections.map((r) => ({ column: r.column, reason: r.reason }));
    expect(reasons).toEqual([
      { column: '资产名称', reason: { code: 'import.max_length', params: { column: '资产名称', value: '一二三四五六', max: 5 } } },
      { column: '网络区域', reason: { code: 'import.choice', params: { column: '网络区域', value: 'LAN', allowed: 'IT、OT、DMZ' } } },
      { column: '端口数', reason: { code: 'import.range_max', params: { column: '端口数', value: '100', max: 64 } } },
    ]);
  });

  it("gives the importers' own lines a reason naming the column", async () => {
    const result = await runImport(
      {
        rows: [{ row: 2, cells: {} }],
        mode: 'all',
        columns,
        checkRow: () => ({ ok: false, rejections: [{ row: 2, column: '网络区域', rule: 'choice', message: 'LAN: choose IT, OT or DMZ' }] }),
        write: async () => {},
      },
      () => {},
    );
    expect(result.rejected[0]?.reason).toEqual({ code: 'import.choice', params: { column: '网络区域', allowed: 'IT、OT、DMZ' } });
  });
});
