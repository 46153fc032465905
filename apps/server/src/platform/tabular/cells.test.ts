import { describe, expect, it } from 'vitest';
import { excelSerialToIsoDate, normaliseCell, normaliseDateText, parseYesNo } from './cells.js';

describe('cell normalisation', () => {
  it('trims text and keeps it', () => {
    expect(normaliseCell('  天河区 \n')).toBe('天河区');
    expect(normaliseCell(null)).toBe('');
  });

  it('gives Excel date cells as YYYY-MM-DD', () => {
    // exceljs hands a date cell over as the UTC midnight of that day
    expect(normaliseCell(new Date(Date.UTC(2024, 2, 5)))).toBe('2024-03-05');
    // a date-time a hair before midnight (Excel's fractions of a day) is still that day
    expect(normaliseCell(new Date(Date.UTC(2024, 2, 5, 23, 59, 59, 600)))).toBe('2024-03-06');
    expect(normaliseCell(new Date(Date.UTC(2024, 2, 5, 12)))).toBe('2024-03-05');
  });

  it('reads Excel serial day numbers and common Chinese date spellings in date columns', () => {
    expect(excelSerialToIsoDate(45356)).toBe('2024-03-05');
    expect(excelSerialToIsoDate(61)).toBe('1900-03-01');
    expect(normaliseDateText('45356')).toBe('2024-03-05');
    expect(normaliseDateText('2024/3/5')).toBe('2024-03-05');
    expect(normaliseDateText('2024年3月5日')).toBe('2024-03-05');
    expect(normaliseDateText('2024.03.05')).toBe('2024-03-05');
    expect(normaliseDateText('2024-02-30')).toBe('2024-02-30'); // left for the schema to refuse
    expect(normaliseDateText('明年')).toBe('明年');
  });

  it('writes numbers without float noise, booleans as 是/否, formulas by their result', () => {
    expect(normaliseCell(1200.5)).toBe('1200.5');
    expect(normaliseCell(0.1 + 0.2)).toBe('0.3');
    expect(normaliseCell(300.00000000000006)).toBe('300');
    expect(normaliseCell(true)).toBe('是');
    expect(normaliseCell(false)).toBe('否');
    expect(normaliseCell({ formula: 'A1*2', result: 42 })).toBe('42');
    expect(normaliseCell({ richText: [{ text: '广州' }, { text: '市 ' }] })).toBe('广州市');
    expect(normaliseCell({ text: '链接', hyperlink: 'https://example.org' })).toBe('链接');
    expect(normaliseCell({ error: '#N/A' })).toBe('');
  });

  it('reads 是/否 and common spellings', () => {
    expect(parseYesNo('是')).toBe(true);
    expect(parseYesNo('否')).toBe(false);
    expect(parseYesNo('TRUE')).toBe(true);
    expect(parseYesNo('')).toBeUndefined();
    expect(parseYesNo('也许')).toBe('也许');
  });
});
