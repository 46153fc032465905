import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { wpsLikeWorkbook } from '../../../test/wps-like.js';
import { AppError } from '../errors.js';
import { bindColumns, readTable } from './read.js';
import type { TableSpec } from './spec.js';

const SPEC: TableSpec = {
  sheet: '企业信息',
  rules: [],
  columns: [
    { header: '企业名称', key: 'name', required: true },
    { header: '统一社会信用代码', key: 'creditCode', required: true },
    { header: '所在区', key: 'district', required: true },
    { header: '成立日期', key: 'founded', type: 'date' },
    { header: '认定日期', key: 'recognised', type: 'date' },
  ],
};
const LIMIT = { maxRows: 100, sheet: '企业信息' };

async function refusal(promise: Promise<unknown>): Promise<{ rule: string; message: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const issue = ((error as AppError).details as { issues: Array<{ field: string; rule: string; message: string }> }).issues[0];
  expect(issue?.field).toBe('file');
  return issue as { rule: string; message: string };
}

describe('reading uploaded tables', () => {
  it('reads an Excel workbook: date cells, numbers, the named sheet among others', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['not the data']);
    const ws = wb.addWorksheet('企业信息');
    ws.addRow(['企业名称', '统一社会信用代码', '所在区', '成立日期', '认定日期']);
    ws.addRow(['广州黄埔显示面板有限公司', '91440112MA59B7XH31', '黄埔区', new Date(Date.UTC(2024, 2, 5)), '2024/3/15']);
    ws.getCell('D2').numFmt = 'yyyy"年"m"月"d"日"';
    ws.addRow([]);
    ws.addRow(['第二家', 12345, '天河区', null, null]);
    const table = await readTable('企业.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), LIMIT);
    expect(table.format).toBe('xlsx');
    const rows = bindColumns(table, SPEC);
    expect(rows).toEqual([
      {
        row: 2,
        cells: {
          name: '广州黄埔显示面板有限公司',
          creditCode: '91440112MA59B7XH31',
          district: '黄埔区',
          founded: '2024-03-05',
          recognised: '2024-03-15',
        },
      },
      { row: 4, cells: { name: '第二家', creditCode: '12345', district: '天河区', founded: '', recognised: '' } },
    ]);
  });

  it('reads a workbook written the way WPS writes one (built-in Chinese date formats, whole-column drop-down)', async () => {
    const table = await readTable('企业.xlsx', await wpsLikeWorkbook(), LIMIT);
    expect(bindColumns(table, SPEC)).toEqual([
      {
        row: 2,
        cells: {
          name: '广州黄埔显示面板有限公司',
          creditCode: '91440112MA59B7XH31',
          district: '黄埔区',
          founded: '2024-03-05',
          recognised: '2024-03-15',
        },
      },
    ]);
  });

  it('keeps every Chinese character of a large sheet intact', async () => {
    // A multi-byte character split between two decompressed chunks must not be garbled.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('企业信息');
    ws.addRow(['企业名称', '统一社会信用代码', '所在区']);
    const names = Array.from({ length: 4000 }, (_, i) => `广州批量测试企业${i}号（有限公司）`);
    for (const name of names) ws.addRow([name, '91440112MA59B7XH31', '黄埔区']);
    const table = await readTable('企业.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), { maxRows: 5000 });
    expect(table.rows.map((r) => r.values[0])).toEqual(names);
  });

  it('reads GBK and UTF-8-with-BOM CSV alike', async () => {
    const text = '企业名称,统一社会信用代码,所在区,成立日期,认定日期\r\n广州黄埔显示面板有限公司,91440112MA59B7XH31,黄埔区,2024/3/5,\r\n';
    const gbk = await readTable('企业.csv', iconv.encode(text, 'gbk'), LIMIT);
    const bom = await readTable('企业.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), LIMIT);
    expect(gbk.encoding).toBe('gbk');
    expect(bom.encoding).toBe('utf-8');
    expect(bindColumns(gbk, SPEC)).toEqual(bindColumns(bom, SPEC));
    expect(bindColumns(gbk, SPEC)[0]?.cells).toMatchObject({ name: '广州黄埔显示面板有限公司', district: '黄埔区', founded: '2024-03-05' });
  });

  it('refuses an executable named .xlsx, an old .xls and other extensions', async () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64)]);
    expect(await refusal(readTable('企业.xlsx', elf, LIMIT))).toMatchObject({
      rule: 'content',
      message: expect.stringContaining('executable'),
    });
    expect(await refusal(readTable('企业.xls', elf, LIMIT))).toMatchObject({
      rule: 'extension',
      message: expect.stringContaining('.xlsx'),
    });
    expect(await refusal(readTable('企业.txt', Buffer.from('a,b'), LIMIT))).toMatchObject({ rule: 'extension' });
    expect(await refusal(readTable('企业.xlsx', Buffer.from('企业名称,统一社会信用代码'), LIMIT))).toMatchObject({ rule: 'content' });
  });

  it('refuses a file with more rows than allowed', async () => {
    const text = ['企业名称,统一社会信用代码,所在区', ...Array.from({ length: 5 }, (_, i) => `企业${i},x,黄埔区`)].join('\n');
    expect(await refusal(readTable('企业.csv', Buffer.from(text), { maxRows: 4 }))).toMatchObject({ rule: 'max_rows' });
  });

  it('reports header problems by name before reading any row', async () => {
    const table = await readTable('企业.csv', Buffer.from('企业名称,信用代码,所在区\nx,y,z\n'), LIMIT);
    let error: unknown;
    try {
      bindColumns(table, SPEC);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toContain('信用代码');
    expect((error as AppError).details).toEqual({
      issues: [
        expect.objectContaining({ field: '信用代码', rule: 'header_renamed', message: expect.stringContaining('统一社会信用代码') }),
      ],
    });
  });
});
