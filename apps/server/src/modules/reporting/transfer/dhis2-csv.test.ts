import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../platform/tabular/read.js';
import { readDhis2Rows, writeDhis2Csv } from './dhis2-csv.js';

const values = [
  { element: 'BS5G_TOTAL', period: '202509', orgUnit: '440104', value: '1200', comment: '含室分, "新"站' },
  { element: 'FIBRE_GIGABIT_COVERAGE', period: '202509', orgUnit: '440104', value: '98.5', comment: null },
];

describe('DHIS2 data value CSV', () => {
  it('writes the five columns with a BOM and reads them back, quotes and Chinese intact', async () => {
    const text = writeDhis2Csv(values);
    expect(text.startsWith('\uFEFFdataelement,period,orgunit,value,comment\r\n')).toBe(true);
    expect(text).toContain('BS5G_TOTAL,202509,440104,1200,"含室分, ""新""站"\r\n');
    const table = await readTable('values.csv', Buffer.from(text, 'utf8'), { maxRows: 100 });
    expect(readDhis2Rows(table)).toEqual([
      { row: 2, element: 'BS5G_TOTAL', period: '202509', orgUnit: '440104', value: '1200', comment: '含室分, "新"站' },
      { row: 3, element: 'FIBRE_GIGABIT_COVERAGE', period: '202509', orgUnit: '440104', value: '98.5', comment: '' },
    ]);
  });

  it('reads GBK without a BOM, columns in any order and case, extra DHIS2 columns ignored', async () => {
    const text =
      'Period,OrgUnit,DataElement,categoryoptioncombo,Value,storedby,Comment\r\n2025Q3,440106,EDGE_NODE_NEW,HllvX50cXC0,3,admin,天河区补报\r\n';
    const table = await readTable('values.csv', iconv.encode(text, 'gbk'), { maxRows: 100 });
    expect(table.encoding).toBe('gbk');
    expect(readDhis2Rows(table)).toEqual([
      { row: 2, element: 'EDGE_NODE_NEW', period: '2025Q3', orgUnit: '440106', value: '3', comment: '天河区补报' },
    ]);
  });

  it('refuses a header without the required columns, naming them', async () => {
    const table = await readTable('values.csv', Buffer.from('element,period,value\r\nA,202509,1\r\n'), { maxRows: 100 });
    expect(() => readDhis2Rows(table)).toThrow('the header row lacks dataelement, orgunit');
  });
});
