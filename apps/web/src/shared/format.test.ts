import { describe, expect, it } from 'vitest';
import { byDivisionCode, formatBytes, formatCount, formatDate, formatFigure, formatMoney, formatNumber, isCountUnit } from './format';

describe('console formats', () => {
  it('shows money in 万元 with two decimals, grouped, without floats', () => {
    expect(formatMoney('1234.5')).toBe('1,234.50');
    expect(formatMoney('0')).toBe('0.00');
    expect(formatMoney('12345678901234.99')).toBe('12,345,678,901,234.99');
    expect(formatMoney('007.1')).toBe('7.10');
    expect(formatMoney(null)).toBe('—');
    expect(formatMoney('abc')).toBe('abc');
  });
  it('groups numbers and keeps dates as YYYY-MM-DD', () => {
    expect(formatNumber(120000)).toBe('120,000');
    expect(formatNumber(-1234.5)).toBe('-1,234.5');
    expect(formatNumber(null)).toBe('—');
    expect(formatDate('2026-03-01')).toBe('2026-03-01');
    expect(formatDate(null)).toBe('—');
  });
  it('sizes files', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});

describe('counts and district order (#12 item 7)', () => {
  it('shows counts as whole numbers, grouped', () => {
    expect(formatCount(108269.8)).toBe('108,270');
    expect(formatCount(12)).toBe('12');
    expect(formatCount(null)).toBe('—');
  });

  it('rounds figures of count units and keeps one decimal for the others', () => {
    expect(formatFigure(108269.8, '家')).toBe('108,270');
    expect(formatFigure(42.25, '%')).toBe('42.3');
    expect(isCountUnit(' 个 ')).toBe(true);
    expect(isCountUnit('%')).toBe(false);
  });

  it('orders districts by GB/T 2260 code, not by name', () => {
    const districts = [
      { name: '增城区', divisionCode: '440118' },
      { name: '荔湾区', divisionCode: '440103' },
      { name: '黄埔区', divisionCode: '440112' },
      { name: '越秀区', divisionCode: '440104' },
    ];
    expect([...districts].sort(byDivisionCode).map((d) => d.divisionCode)).toEqual(['440103', '440104', '440112', '440118']);
  });
});
