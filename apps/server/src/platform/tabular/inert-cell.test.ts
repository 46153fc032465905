import { describe, expect, it } from 'vitest';
import { inertCell, readsAsFormula } from './inert-cell.js';

const PAYLOADS = ["=cmd|' /C calc'!A0", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", '@SUM(1+1)', '\t=1+1', '\r=1+1'];

describe('cells of exports', () => {
  it('prefix CSV cells a spreadsheet would read as a formula with a single quote', () => {
    for (const payload of PAYLOADS) {
      expect(readsAsFormula(payload), payload).toBe(true);
      expect(inertCell(payload, 'csv'), payload).toBe(`'${payload}`);
    }
  });

  it('leave plain numbers and ordinary text alone', () => {
    for (const text of ['-5', '+3.25', '-1e5', '.5', '0', '广州 = 穗', "'=already quoted", 'a-b', '', '2026-01-01'])
      expect(inertCell(text, 'csv'), text).toBe(text);
  });

  it('keep xlsx values text or typed, never a formula object', () => {
    expect(inertCell("=cmd|' /C calc'!A0", 'xlsx')).toBe("=cmd|' /C calc'!A0");
    expect(inertCell(-5, 'xlsx')).toBe(-5);
    expect(inertCell(null, 'xlsx')).toBeNull();
    const date = new Date('2026-01-01T00:00:00Z');
    expect(inertCell(date, 'xlsx')).toBe(date);
    expect(inertCell({ formula: 'SUM(A1:A2)' }, 'xlsx')).toBe('{"formula":"SUM(A1:A2)"}');
  });
});
