import { describe, expect, it } from 'vitest';
import { checkHeaders } from './headers.js';
import type { TableColumn } from './spec.js';

const COLUMNS: TableColumn[] = [
  { header: '企业名称', key: 'name', required: true },
  { header: '统一社会信用代码', key: 'creditCode', required: true },
  { header: '所在区', key: 'district', required: true },
  { header: '主要产品', key: 'mainProducts' },
  { header: '联系电话', key: 'phone' },
];

describe('header check', () => {
  it('finds every column wherever it is, ignoring spaces, * marks and bracket width', () => {
    const r = checkHeaders(['所在区', ' 企业 名称* ', '', '统一社会信用代码'], COLUMNS);
    expect(r.issues).toEqual([]);
    expect(Object.fromEntries(r.positions)).toEqual({ district: 0, name: 1, creditCode: 3 });
  });

  it('names missing, renamed and unknown headers', () => {
    const r = checkHeaders(['企业名称', '信用代码', '产品', '备注'], COLUMNS);
    expect(r.issues).toEqual([
      expect.objectContaining({ field: '信用代码', rule: 'header_renamed', message: expect.stringContaining('统一社会信用代码') }),
      expect.objectContaining({ field: '产品', rule: 'header_renamed', message: expect.stringContaining('主要产品') }),
      expect.objectContaining({ field: '备注', rule: 'header_unknown' }),
      expect.objectContaining({ field: '所在区', rule: 'header_missing' }),
    ]);
  });

  it('refuses a column given twice', () => {
    const r = checkHeaders(['企业名称', '统一社会信用代码', '所在区', '企业名称'], COLUMNS);
    expect(r.issues).toEqual([expect.objectContaining({ field: '企业名称', rule: 'header_duplicate' })]);
  });
});
