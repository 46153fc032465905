import { describe, expect, it } from 'vitest';
import { monthEnds } from './months.js';

describe('monthly series', () => {
  it('lists month ends up to the requested day', () => {
    expect(monthEnds('2025-09-14', '2025-12-05')).toEqual([
      { period: '202509', date: '2025-09-30' },
      { period: '202510', date: '2025-10-31' },
      { period: '202511', date: '2025-11-30' },
      { period: '202512', date: '2025-12-05' },
    ]);
  });
});
