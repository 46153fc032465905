import { DATASET_UPLOAD_TEMPLATES } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import { exploreRows } from './dataset.rows.js';
import { checkUploadedTable, isIndustryCode } from './dataset.upload.js';

describe('GB/T 4754 industry codes', () => {
  it('takes a section, a division of that section, and group and class digits', () => {
    for (const ok of ['C', 'C36', 'C361', 'C3611', '36', 'A01', 'T97', 'K70']) expect(isIndustryCode(ok), ok).toBe(true);
    for (const bad of ['C05', 'A13', 'U', 'C3', 'C36111', '98', '', 'c36']) expect(isIndustryCode(bad), bad).toBe(false);
  });
});

describe('uploaded statistics rows', () => {
  const columns = DATASET_UPLOAD_TEMPLATES.industry_statistics;
  const headers = columns.map((c) => c.key);
  it('stores numbers as numbers, upper-cases codes, and names each problem', () => {
    const table = {
      format: 'csv' as const,
      encoding: 'utf-8' as const,
      headers,
      rows: [
        { row: 2, values: ['2025-06', '440106', 'c36', '汽车', '1,200', '3.5', '10'] },
        { row: 3, values: ['2025', '440106', 'C36', '', 'abc', '1', '1'] },
      ],
    };
    const out = checkUploadedTable(table, columns, new Set(['440106']));
    expect(out.rows).toEqual([
      {
        period: '2025-06',
        district_code: '440106',
        industry_code: 'C36',
        industry_name: '汽车',
        enterprises: 1200,
        output_value: 3.5,
        employees: 10,
      },
    ]);
    expect(out.rejected.map((r) => [r.row, r.rule])).toEqual([[3, 'type_number']]);
  });
});

describe('exploring rows', () => {
  const columns = [
    { key: 'district', type: 'text' as const, zh: '区', en: 'District' },
    { key: 'n', type: 'number' as const, zh: '数', en: 'N' },
  ];
  const rows = [
    { district: '天河', n: 2 },
    { district: '黄埔', n: 3 },
    { district: '天河', n: 5 },
  ];
  it('filters, groups and sums', () => {
    expect(exploreRows(columns, rows, { groupBy: 'district', measure: 'n', limit: 100 }).groups).toEqual([
      { key: '天河', count: 2, sum: 7 },
      { key: '黄埔', count: 1, sum: 3 },
    ]);
    expect(exploreRows(columns, rows, { column: 'district', value: '黄埔', limit: 100 })).toMatchObject({ total: 1, groups: null });
    expect(() => exploreRows(columns, rows, { groupBy: 'district', measure: 'district', limit: 100 })).toThrow(/not a number column/);
  });
});
