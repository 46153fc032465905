import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatMoney, formatNumber } from './format';

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
