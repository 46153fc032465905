import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { duplicatesInFile, type ImportPlan, runImport } from './import-run.js';
import { rejectionsFromIssues } from './report.js';
import type { BoundRow, TableColumn } from './spec.js';

const COLUMNS: TableColumn[] = [
  { header: '名称', key: 'name', required: true },
  { header: '代码', key: 'code', required: true },
  { header: '总投资（万元）', key: 'investment', type: 'money' },
  { header: '开始日期', key: 'start', type: 'date' },
];
const Schema = z
  .object({
    name: z.string().min(1),
    code: z.string().refine((c) => c.startsWith('C'), 'code: starts with C'),
    investment: z
      .string()
      .regex(/^\d+(\.\d{1,2})?$/, 'money: a non-negative amount')
      .optional(),
    start: z.iso.date().optional(),
  })
  .strict();
const header = (path: readonly PropertyKey[]) => COLUMNS.find((c) => c.key === path[0]) ?? null;

function plan(rows: BoundRow[], mode: 'all' | 'valid', written: string[]): ImportPlan<z.infer<typeof Schema>> {
  return {
    rows,
    mode,
    columns: COLUMNS,
    checkRow: ({ row, cells }) => {
      const input = Object.fromEntries(Object.entries(cells).filter(([, v]) => v !== ''));
      const parsed = Schema.safeParse(input);
      return parsed.success
        ? { ok: true, value: parsed.data }
        : { ok: false, rejections: rejectionsFromIssues(row, parsed.error.issues, input, header, { code: 'code_prefix' }) };
    },
    checkTogether: async (valid) => duplicatesInFile(valid, (v) => v.code, '代码'),
    write: async (accepted, progress) => {
      for (const a of accepted) {
        written.push(a.value.name);
        progress(1);
      }
    },
  };
}

const ROWS: BoundRow[] = [
  { row: 2, cells: { name: '甲', code: 'C1', investment: '10', start: '2024-01-01' } },
  { row: 3, cells: { name: '', code: 'X2', investment: '-5', start: '明年' } },
  { row: 4, cells: { name: '丙', code: 'C1', investment: '', start: '' } },
  { row: 5, cells: { name: '丁', code: 'C4', investment: '', start: '' } },
];

describe('import procedure', () => {
  it('mode all: one bad row keeps every row out, and the report names row, column and rule', async () => {
    const written: string[] = [];
    const steps: Array<[number, number]> = [];
    const result = await runImport(plan(ROWS, 'all', written), (d, t) => steps.push([d, t]));
    expect(written).toEqual([]);
    expect(result).toMatchObject({ mode: 'all', rows: 4, valid: 2, created: 0 });
    expect(result.rejected.map((r) => [r.row, r.column, r.rule])).toEqual([
      [3, '名称', 'required'],
      [3, '代码', 'code_prefix'],
      [3, '总投资（万元）', 'non_negative'],
      [3, '开始日期', 'date'],
      [4, '代码', 'duplicate_in_file'],
    ]);
    expect(result.rejected[4]?.message).toContain('row 2');
    expect(steps.at(-1)).toEqual([8, 8]);
    expect(steps.every(([d], i) => i === 0 || d >= (steps[i - 1]?.[0] ?? 0))).toBe(true);
  });

  it('mode valid: writes the good rows and reports the rest', async () => {
    const written: string[] = [];
    const steps: Array<[number, number]> = [];
    const result = await runImport(plan(ROWS, 'valid', written), (d, t) => steps.push([d, t]));
    expect(written).toEqual(['甲', '丁']);
    expect(result).toMatchObject({ mode: 'valid', rows: 4, valid: 2, created: 2 });
    expect(new Set(result.rejected.map((r) => r.row))).toEqual(new Set([3, 4]));
    expect(steps.at(-1)).toEqual([8, 8]);
  });

  it('mode all with clean rows writes them all', async () => {
    const written: string[] = [];
    const result = await runImport(plan([ROWS[0] as BoundRow, ROWS[3] as BoundRow], 'all', written), () => undefined);
    expect(result).toEqual({ mode: 'all', rows: 2, valid: 2, created: 2, rejected: [] });
    expect(written).toEqual(['甲', '丁']);
  });
});
