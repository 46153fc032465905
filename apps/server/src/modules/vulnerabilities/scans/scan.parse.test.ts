import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../platform/errors.js';
import { parseScanFile } from './scan.parse.js';

const file = (name: string, text: string | Buffer) => ({ name, content: typeof text === 'string' ? Buffer.from(text) : text });
const issues = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as AppError).details;
  }
  throw new Error('expected a refusal');
};

describe('scan result files', () => {
  it('reads CSV in any column order, with an optional model, UTF-8 or GBK', () => {
    const csv = 'Version,Host,Product,Vendor,Model\nV2.9,10.0.0.1,S7-1500,西门子,6ES7518-4AX00-1AB0\n\n';
    expect(parseScanFile(file('a.csv', csv))).toEqual({
      format: 'csv',
      lines: [{ row: 2, host: '10.0.0.1', vendor: '西门子', product: 'S7-1500', version: 'V2.9', model: '6ES7518-4AX00-1AB0' }],
    });
    expect(parseScanFile(file('a.csv', iconv.encode(csv, 'gbk'))).lines[0]?.vendor).toBe('西门子');
  });

  it('reads the JSON format', () => {
    const json = JSON.stringify({ results: [{ host: 'plc-1', vendor: 'Siemens', product: 'S7-1200' }] });
    expect(parseScanFile(file('a.json', json)).lines).toEqual([
      { row: 1, host: 'plc-1', vendor: 'Siemens', product: 'S7-1200', version: null, model: null },
    ]);
  });

  it('refuses missing columns, empty cells, bad JSON and other formats, naming the problem', () => {
    expect(issues(() => parseScanFile(file('a.csv', 'host,vendor\n1,2\n')))).toMatchObject({
      issues: [
        { field: 'product', rule: 'missing_column' },
        { field: 'version', rule: 'missing_column' },
      ],
    });
    expect(issues(() => parseScanFile(file('a.csv', 'host,vendor,product,version\n,Siemens,S7,1\n')))).toMatchObject({
      issues: [{ field: 'row 2.host', rule: 'required' }],
    });
    expect(issues(() => parseScanFile(file('a.json', '{"results": [')))).toMatchObject({ issues: [{ field: 'file', rule: 'json' }] });
    expect(issues(() => parseScanFile(file('a.json', '{"results": [{"host": "x"}]}')))).toMatchObject({
      issues: [{ field: 'results.0.vendor' }, { field: 'results.0.product' }],
    });
    expect(issues(() => parseScanFile(file('a.xml', '<x/>')))).toMatchObject({ issues: [{ field: 'file', rule: 'extension' }] });
  });
});
